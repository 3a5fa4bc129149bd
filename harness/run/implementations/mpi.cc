// Our MPI programs (parallel/mpi/), run as `mpirun -np P cost_mpi`; see harness/run/multiprocess.h.
#include <vector>

#include "harness/run/implementations/table_rows.h"

namespace cost::harness {
namespace {

constexpr MpiProgram kCostMpi{.executable = "cost_mpi"};

}  // namespace

std::vector<Implementation> MpiRows() {
  return {
      // PageRank, multiprocess.
      Implementation{.name = "mpi:pagerank",
                     .kernel = Kernel::kPageRank,
                     .system = "mpi",
                     .algorithm = "pagerank-push",
                     .kind = kMultiprocess,
                     .description = "PageRank, 1D rows per rank; per-target sums pulled over the "
                                    "rank's local transpose by its threads, ghost sums to owners "
                                    "by MPI_Alltoallv",
                     .runner = kCostMpi},

      // WCC, multiprocess.
      Implementation{.name = "mpi:label-propagation",
                     .kernel = Kernel::kWcc,
                     .system = "mpi",
                     .algorithm = "label-propagation",
                     .kind = kMultiprocess,
                     .description = "WCC, label propagation per rank (in-place sweep by its "
                                    "threads), ghost labels by MPI_Alltoallv each round",
                     .runner = kCostMpi},
      Implementation{.name = "mpi:union-find",
                     .kernel = Kernel::kWcc,
                     .system = "mpi",
                     .algorithm = "union-find",
                     .kind = kMultiprocess,
                     .description = "WCC, concurrent union-find per rank (its threads), forests "
                                    "merged up a binary tree of ranks",
                     .runner = kCostMpi},

      // BFS, multiprocess.
      Implementation{.name = "mpi:bfs",
                     .kernel = Kernel::kBfs,
                     .system = "mpi",
                     .algorithm = "bfs-level-synchronous",
                     .kind = kMultiprocess,
                     .description = "BFS, level-synchronous, frontier expanded by the rank's "
                                    "threads and exchanged by MPI_Alltoallv",
                     .runner = kCostMpi},
  };
}

}  // namespace cost::harness
