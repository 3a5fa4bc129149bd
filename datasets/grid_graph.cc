// The grid / road-like generator; see grid_graph.h.
#include "datasets/grid_graph.h"

#include <cmath>
#include <string>

#include "datasets/dataset_error.h"
#include "datasets/random_streams.h"

namespace cost::datasets {

uint64_t GridCandidateEdges(const GridOptions& o) {
  if (o.rows < 1 || o.cols < 1 || o.rows > (uint64_t{1} << 32) / o.cols) {
    throw DatasetError("grid: " + std::to_string(o.rows) + " x " + std::to_string(o.cols) +
                       " must have between 1 and 2^32 vertices");
  }
  if (!(o.drop_probability >= 0 && o.drop_probability < 1)) {
    throw DatasetError("grid: drop probability " + std::to_string(o.drop_probability) +
                       " is outside [0, 1)");
  }
  return o.rows * (o.cols - 1) + (o.rows - 1) * o.cols;
}

uint64_t GenerateGridEdges(const GridOptions& o, uint64_t first, uint64_t count, VertexId* src,
                           VertexId* dst) {
  GridCandidateEdges(o);
  const uint64_t right = o.rows * (o.cols - 1);
  // Keep edge i when its draw is at or above the threshold (drop_probability of 2^64).
  const uint64_t threshold = static_cast<uint64_t>(std::ldexp(o.drop_probability, 64));
  const uint64_t seed_key = Mix64(o.seed ^ 0x67726964ULL);  // "grid"
  uint64_t kept = 0;
  for (uint64_t i = first; i < first + count; ++i) {
    if (Mix64(seed_key + i) < threshold) continue;
    uint64_t u, v;
    if (i < right) {
      const uint64_t r = i / (o.cols - 1), c = i % (o.cols - 1);
      u = r * o.cols + c;
      v = u + 1;
    } else {
      u = i - right;
      v = u + o.cols;
    }
    src[kept] = static_cast<VertexId>(u);
    dst[kept] = static_cast<VertexId>(v);
    ++kept;
  }
  return kept;
}

EdgeList GenerateGrid(const GridOptions& o) {
  const uint64_t total = GridCandidateEdges(o);
  EdgeList edges;
  edges.num_vertices = o.rows * o.cols;
  edges.src.resize(total);
  edges.dst.resize(total);
  const uint64_t kept = GenerateGridEdges(o, 0, total, edges.src.data(), edges.dst.data());
  edges.src.resize(kept);
  edges.dst.resize(kept);
  if (edges.src.empty()) throw DatasetError("grid: no edges (a 1 x 1 grid, or all dropped)");
  return edges;
}

}  // namespace cost::datasets
