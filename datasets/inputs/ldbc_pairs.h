// LDBC Graphalytics EVLP inputs (ldbc_loader.h) streamed: the vertex file's ids into a
// DistinctIds (they define the graph's vertices, isolated ones included), then the edge file's
// pairs, each endpoint checked against them, a block of lines at a time.
#ifndef COST_DATASETS_INPUTS_LDBC_PAIRS_H_
#define COST_DATASETS_INPUTS_LDBC_PAIRS_H_

#include <cstdint>
#include <string>

#include "datasets/inputs/distinct_ids.h"
#include "datasets/inputs/edge_pairs.h"

namespace cost::datasets {

// Adds every vertex and finishes `ids`. Throws DatasetError("PATH:LINE: reason") for a bad id or
// a vertex listed twice in a row, "PATH: vertex X listed twice" for a repeat elsewhere, and for
// more than 2^32-1 vertices.
void ReadLdbcVertexIds(const std::string& vertex_path, uint64_t chunk_bytes, DistinctIds* ids);

// Throws DatasetError("PATH:LINE: edge endpoint X is not in the vertex file") and the errors of
// ParseLdbcEdgeLine.
void ReadLdbcEdgePairs(const std::string& edge_path, uint64_t chunk_bytes, const DistinctIds& ids,
                       const PairChunkFn& fn);

}  // namespace cost::datasets

#endif  // COST_DATASETS_INPUTS_LDBC_PAIRS_H_
