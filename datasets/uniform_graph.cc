// G(n, m); see uniform_graph.h.
#include "datasets/uniform_graph.h"

#include <string>

#include "datasets/dataset_error.h"
#include "datasets/random_streams.h"

namespace cost::datasets {

namespace {

void Validate(const UniformOptions& options) {
  const uint64_t n = options.num_vertices, m = options.num_edges;
  if (n < 1 || n > (uint64_t{1} << 32)) {
    throw DatasetError("uniform: " + std::to_string(n) + " vertices is outside [1, 2^32]");
  }
  if (m < 1) throw DatasetError("uniform: needs at least one edge");
}

}  // namespace

void GenerateUniformEdges(const UniformOptions& options, uint64_t first, std::span<VertexId> src,
                          std::span<VertexId> dst) {
  Validate(options);
  const uint64_t n = options.num_vertices;
  const uint64_t seed_key = Mix64(options.seed ^ 0x756e69666f726dULL);  // "uniform"
  const int64_t count = static_cast<int64_t>(src.size());
#pragma omp parallel for schedule(static)
  for (int64_t i = 0; i < count; ++i) {
    SplitMix64 stream{Mix64(seed_key + first + static_cast<uint64_t>(i))};
    src[i] = static_cast<VertexId>(Below(stream.Next(), n));
    dst[i] = static_cast<VertexId>(Below(stream.Next(), n));
  }
}

EdgeList GenerateUniform(const UniformOptions& options) {
  Validate(options);
  EdgeList edges;
  edges.num_vertices = options.num_vertices;
  edges.src.resize(options.num_edges);
  edges.dst.resize(options.num_edges);
  GenerateUniformEdges(options, 0, edges.src, edges.dst);
  return edges;
}

}  // namespace cost::datasets
