// G(n, m); see uniform_graph.h.
#include "datasets/uniform_graph.h"

#include <string>

#include "datasets/dataset_error.h"
#include "datasets/random_streams.h"

namespace cost::datasets {

EdgeList GenerateUniform(const UniformOptions& options) {
  const uint64_t n = options.num_vertices, m = options.num_edges;
  if (n < 1 || n > (uint64_t{1} << 32)) {
    throw DatasetError("uniform: " + std::to_string(n) + " vertices is outside [1, 2^32]");
  }
  if (m < 1) throw DatasetError("uniform: needs at least one edge");
  EdgeList edges;
  edges.num_vertices = n;
  edges.src.resize(m);
  edges.dst.resize(m);
  const uint64_t seed_key = Mix64(options.seed ^ 0x756e69666f726dULL);  // "uniform"
#pragma omp parallel for schedule(static)
  for (uint64_t e = 0; e < m; ++e) {
    SplitMix64 stream{Mix64(seed_key + e)};
    edges.src[e] = static_cast<VertexId>(Below(stream.Next(), n));
    edges.dst[e] = static_cast<VertexId>(Below(stream.Next(), n));
  }
  return edges;
}

}  // namespace cost::datasets
