// Parallel BGL (parallel/mpi/pbgl*.cc), run as `mpirun -np P cost_pbgl`: its ranks run one
// thread each, and a call takes minutes where the other rows take seconds (the rows are slow).
#include <vector>

#include "harness/run/implementations/table_rows.h"

namespace cost::harness {
namespace {

constexpr MpiProgram kCostPbgl{.executable = "cost_pbgl", .single_threaded_ranks = true};

}  // namespace

std::vector<Implementation> PbglRows() {
  return {
      Implementation{.name = "pbgl:pagerank",
                     .kernel = Kernel::kPageRank,
                     .system = "pbgl",
                     .algorithm = "pagerank-push",
                     .kind = kMultiprocess,
                     .description = "PageRank, Parallel BGL page_rank on a distributed CSR "
                                    "(dangling term added through its done hook)",
                     .runner = kCostPbgl,
                     .slow = true},

      Implementation{.name = "pbgl:wcc",
                     .kernel = Kernel::kWcc,
                     .system = "pbgl",
                     .algorithm = "connected-components",
                     .kind = kMultiprocess,
                     .description = "WCC, Parallel BGL connected_components on a distributed "
                                    "adjacency_list",
                     .runner = kCostPbgl,
                     .slow = true},

  };
}

}  // namespace cost::harness
