// Positions on the Hilbert curve that fills the 2^32 x 2^32 adjacency matrix: edge (x = src,
// y = dst) maps to a 64-bit index, and consecutive indices are neighbouring cells, so a scan in
// index order has locality in both the source and the target arrays (the COST paper's Hilbert
// layout). Orientation: the curve starts at cell (0, 0), so the cells with x, y < 2^k are
// exactly the indices [0, 4^k) for every k.
//
// The fast forms walk 8 bits of x and y per step through a 4 x 65536-entry table (the curve's
// orientation is one of 4 states: swap x/y or not, complement both or not), 4 lookups per edge.
#ifndef COST_DATASETS_HILBERT_H_
#define COST_DATASETS_HILBERT_H_

#include <cstdint>

namespace cost::datasets {

// Byte-wise table lookups. HilbertIndex(x, y) == HilbertIndexBitwise(x, y) for all inputs.
uint64_t HilbertIndex(uint32_t x, uint32_t y);
// The inverse: HilbertPoint(HilbertIndex(x, y)) gives back (x, y).
void HilbertPoint(uint64_t index, uint32_t* x, uint32_t* y);

// The plain form, one bit level per step (the classic xy2d): the reference for the tables.
uint64_t HilbertIndexBitwise(uint32_t x, uint32_t y);

}  // namespace cost::datasets

#endif  // COST_DATASETS_HILBERT_H_
