#include "parallel/mpi/partition.h"

#include "datasets/graph_file.h"
#include "datasets/graph_file_part.h"

namespace cost::parallel::mpi {

Partition PartitionByEdges(const std::string& path, int ranks) {
  datasets::GraphFileInfo info;
  const datasets::GraphFileSections sections = datasets::ReadGraphFileSections(path, &info);
  const uint64_t n = info.num_vertices, total = info.num_vertices + info.num_edges;
  Partition p;
  p.bounds.assign(ranks + 1, 0);
  p.bounds[ranks] = static_cast<datasets::VertexId>(n);
  for (int r = 1; r < ranks; ++r) {
    // Smallest v with offsets[v] + v >= r * total / ranks: the work before row v.
    const uint64_t target = total / ranks * r + total % ranks * r / ranks;
    uint64_t lo = p.bounds[r - 1], hi = n;
    while (lo < hi) {
      const uint64_t mid = lo + (hi - lo) / 2;
      if (datasets::ReadOutOffset(path, sections, mid) + mid >= target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    p.bounds[r] = static_cast<datasets::VertexId>(lo);
  }
  return p;
}

}  // namespace cost::parallel::mpi
