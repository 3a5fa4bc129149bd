// Graph500 Kronecker (R-MAT) generator.
//
// Each edge picks one quadrant per bit level with probabilities A, B, C, D = 1 - A - B - C.
// Randomness is counter-based (edge index -> its own random stream), so the same seed gives the
// same edge list at any thread count. Vertex ids are then relabelled by a seeded bijection of
// [0, 2^scale) so that high-degree vertices are not clustered at small ids (Graph500 spec).
#ifndef COST_DATASETS_KRONECKER_H_
#define COST_DATASETS_KRONECKER_H_

#include <cstdint>
#include <span>

#include "datasets/graph.h"

namespace cost::datasets {

struct KroneckerOptions {
  int scale = 16;        // 2^scale vertices
  int edge_factor = 16;  // edge_factor * 2^scale generated edges
  uint64_t seed = 1;
  double a = 0.57, b = 0.19, c = 0.19;  // d = 1 - a - b - c
};

// Returns edge_factor * 2^scale edges over 2^scale vertices, exactly as generated (self-loops and
// duplicates included; CSR construction removes them). original_ids is left empty (identity).
// Requires: 1 <= scale <= 31, edge_factor >= 1. Throws DatasetError otherwise.
EdgeList GenerateKronecker(const KroneckerOptions& options);

// The same edges a chunk at a time, for builders that never hold them all: edges
// [first, first + src.size()) of GenerateKronecker(options), in parallel. Requires
// src.size() == dst.size() and first + src.size() <= KroneckerEdgeCount(options).
void GenerateKroneckerEdges(const KroneckerOptions& options, uint64_t first,
                            std::span<VertexId> src, std::span<VertexId> dst);
// edge_factor * 2^scale. Throws DatasetError for options GenerateKronecker rejects.
uint64_t KroneckerEdgeCount(const KroneckerOptions& options);

}  // namespace cost::datasets

#endif  // COST_DATASETS_KRONECKER_H_
