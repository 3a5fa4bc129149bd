// A Matrix Market file's entries as pairs of 1-based indices, read once, a block of lines at a
// time: the header line by line, the entries in parallel (parallel_lines.h). A symmetric file's
// off-diagonal entry (i, j) gives (i, j) and (j, i), as the graph has both arcs.
#ifndef COST_DATASETS_INPUTS_MATRIX_MARKET_PAIRS_H_
#define COST_DATASETS_INPUTS_MATRIX_MARKET_PAIRS_H_

#include <cstdint>

#include "datasets/inputs/byte_source.h"
#include "datasets/inputs/edge_pairs.h"
#include "datasets/matrix_market.h"

namespace cost::datasets {

// Throws DatasetError("NAME:LINE: reason") as ParseMatrixMarket documents. Returns the header.
MatrixMarketHeader ReadMatrixMarketPairs(ByteSource* source, uint64_t chunk_bytes,
                                         const PairChunkFn& fn);

}  // namespace cost::datasets

#endif  // COST_DATASETS_INPUTS_MATRIX_MARKET_PAIRS_H_
