// How the builder's arcs become the 64-bit keys its runs sort, and how an out-CSR already
// written is read back as arcs for the sections built from it.
#ifndef COST_DATASETS_EXTERNAL_ARC_KEYS_H_
#define COST_DATASETS_EXTERNAL_ARC_KEYS_H_

#include <cstdint>
#include <functional>
#include <span>

#include "datasets/external/sorted_runs.h"
#include "datasets/graph.h"

namespace cost::datasets {

// kByRow: row << bits(n) | column, so key order is row-major order; kHilbert: HilbertIndex(row,
// column). Both are bijections of the arcs, so deduplicating keys deduplicates arcs.
enum class KeyOrder { kByRow, kHilbert };

// Packs (row, column) into bit_width(n - 1) bits for the column: fewer significant bits than
// row << 32 | column, so fewer radix passes.
struct RowKeyCodec {
  explicit RowKeyCodec(uint64_t num_vertices);
  uint64_t Key(VertexId row, VertexId column) const { return (uint64_t{row} << shift) | column; }
  VertexId Row(uint64_t key) const { return static_cast<VertexId>(key >> shift); }
  VertexId Column(uint64_t key) const { return static_cast<VertexId>(key & mask); }

  int shift;
  uint64_t mask;
};

struct ArcKeyCounts {
  uint64_t keys = 0;        // added to the runs
  uint64_t self_loops = 0;  // dropped
};

// Adds the arcs (src[i], dst[i]) to `runs` as keys of `order`: self-loops dropped, and with
// `both` also (dst[i], src[i]). In parallel; the keys' order within the buffer is irrelevant
// (the runs are sorted). Requires 2 * src.size() <= the runs' buffer when `both`.
ArcKeyCounts AddArcKeys(std::span<const VertexId> src, std::span<const VertexId> dst, bool both,
                        KeyOrder order, const RowKeyCodec& codec, SortedRunBuilder* runs);

// Reads targets [first, first + out.size()) of an out-CSR into `out`.
using TargetsReader = std::function<void(uint64_t first, std::span<VertexId> out)>;
using ArcChunkFn = std::function<void(std::span<const VertexId>, std::span<const VertexId>)>;

// Calls fn(src, dst) with the CSR's arcs in row order, at most `chunk` at a time.
void ForEachCsrArcChunk(std::span<const EdgeIndex> offsets, const TargetsReader& read,
                        uint64_t chunk, const ArcChunkFn& fn);

}  // namespace cost::datasets

#endif  // COST_DATASETS_EXTERNAL_ARC_KEYS_H_
