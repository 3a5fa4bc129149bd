// The Parallel BGL peer (Boost 1.74): pbgl:pagerank on a distributed CSR and pbgl:wcc with
// connected_components on a distributed adjacency_list. Each rank maps only the rows PBGL's block
// distribution gives it and passes those edges to the graph's constructor (PBGL keeps the edges
// whose source it owns, so the local rows are all it needs). Building the graph is the
// partitioning time; the kernel is timed like cost_mpi's (rank_driver.h), and what it sends is
// counted at the MPI interface (pmpi_traffic.h).
#ifndef COST_PARALLEL_MPI_PBGL_H_
#define COST_PARALLEL_MPI_PBGL_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "parallel/mpi/rank_driver.h"

namespace cost::parallel::mpi {

// The (source, target) edges of this rank's block of rows [first, last) of PBGL's block
// distribution, in global ids, sorted by source; only_forward keeps u < v (one copy of each
// undirected edge of a symmetric graph). *num_vertices is the whole graph's; *sinks marks the
// rows without out-edges.
std::vector<std::pair<uint64_t, uint64_t>> ReadBlockEdges(const RankOptions& options,
                                                          bool only_forward, uint64_t* num_vertices,
                                                          std::vector<char>* sinks = nullptr);

// Both run the whole measurement on every rank: build, time, write values, print the report.
void RunPageRankPbgl(const RankOptions& options, RunReport* report);
void RunConnectedComponentsPbgl(const RankOptions& options, RunReport* report);

}  // namespace cost::parallel::mpi

#endif  // COST_PARALLEL_MPI_PBGL_H_
