// The grid / road-like generator; see grid_graph.h.
#include "datasets/grid_graph.h"

#include <cmath>
#include <string>

#include "datasets/dataset_error.h"
#include "datasets/random_streams.h"

namespace cost::datasets {

EdgeList GenerateGrid(const GridOptions& o) {
  if (o.rows < 1 || o.cols < 1 || o.rows > (uint64_t{1} << 32) / o.cols) {
    throw DatasetError("grid: " + std::to_string(o.rows) + " x " + std::to_string(o.cols) +
                       " must have between 1 and 2^32 vertices");
  }
  if (!(o.drop_probability >= 0 && o.drop_probability < 1)) {
    throw DatasetError("grid: drop probability " + std::to_string(o.drop_probability) +
                       " is outside [0, 1)");
  }
  const uint64_t right = o.rows * (o.cols - 1), down = (o.rows - 1) * o.cols;
  const uint64_t total = right + down;
  // Keep edge i when its draw is at or above the threshold (drop_probability of 2^64).
  const uint64_t threshold = static_cast<uint64_t>(std::ldexp(o.drop_probability, 64));
  const uint64_t seed_key = Mix64(o.seed ^ 0x67726964ULL);  // "grid"
  std::vector<uint8_t> kept(total);
#pragma omp parallel for schedule(static)
  for (uint64_t i = 0; i < total; ++i) kept[i] = Mix64(seed_key + i) >= threshold;

  EdgeList edges;
  edges.num_vertices = o.rows * o.cols;
  for (uint64_t i = 0; i < total; ++i) {
    if (!kept[i]) continue;
    uint64_t u, v;
    if (i < right) {
      const uint64_t r = i / (o.cols - 1), c = i % (o.cols - 1);
      u = r * o.cols + c;
      v = u + 1;
    } else {
      u = i - right;
      v = u + o.cols;
    }
    edges.src.push_back(static_cast<VertexId>(u));
    edges.dst.push_back(static_cast<VertexId>(v));
  }
  if (edges.src.empty()) throw DatasetError("grid: no edges (a 1 x 1 grid, or all dropped)");
  return edges;
}

}  // namespace cost::datasets
