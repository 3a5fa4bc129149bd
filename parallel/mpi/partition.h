// 1D vertex partitioning for the MPI kernels: rank r owns the contiguous rows
// [bounds[r], bounds[r + 1]) of the prepared graph, chosen so that every rank holds about the same
// number of out-edges plus vertices (Kronecker degrees are skewed: equal vertex counts would give
// one rank most of the edges).
#ifndef COST_PARALLEL_MPI_PARTITION_H_
#define COST_PARALLEL_MPI_PARTITION_H_

#include <string>
#include <vector>

#include "datasets/graph.h"

namespace cost::parallel::mpi {

struct Partition {
  std::vector<datasets::VertexId> bounds;  // ranks + 1 entries, bounds[0] = 0, back() = n

  int ranks() const { return static_cast<int>(bounds.size()) - 1; }
  datasets::VertexId first(int rank) const { return bounds[rank]; }
  datasets::VertexId last(int rank) const { return bounds[rank + 1]; }
};

// Splits the rows of `path` into `ranks` ranges of about (n + m) / ranks vertices plus out-edges.
// Reads only O(ranks * log n) entries of the offsets array, so every rank computes the same
// answer without mapping the whole file.
Partition PartitionByEdges(const std::string& path, int ranks);

}  // namespace cost::parallel::mpi

#endif  // COST_PARALLEL_MPI_PARTITION_H_
