// Uniform random graph G(n, m): m directed edges, each endpoint drawn uniformly from [0, n)
// (self-loops and duplicates as drawn; CSR construction removes them). Edge e draws from a
// stream seeded by (seed, e), so the same seed gives the same edges at any thread count.
#ifndef COST_DATASETS_UNIFORM_GRAPH_H_
#define COST_DATASETS_UNIFORM_GRAPH_H_

#include <cstdint>
#include <span>

#include "datasets/graph.h"

namespace cost::datasets {

struct UniformOptions {
  uint64_t num_vertices = 1 << 16;
  uint64_t num_edges = 16 << 16;
  uint64_t seed = 1;
};

// Requires: 1 <= num_vertices <= 2^32, num_edges >= 1. Throws DatasetError otherwise.
EdgeList GenerateUniform(const UniformOptions& options);

// Edges [first, first + src.size()) of GenerateUniform(options), a chunk at a time. Throws
// DatasetError for options GenerateUniform rejects.
void GenerateUniformEdges(const UniformOptions& options, uint64_t first, std::span<VertexId> src,
                          std::span<VertexId> dst);

}  // namespace cost::datasets

#endif  // COST_DATASETS_UNIFORM_GRAPH_H_
