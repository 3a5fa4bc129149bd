// igraph 0.10, one thread; its own structure is built once per measurement and timed apart
// (system_preparation_seconds). No rows where igraph was not found (COST_HAVE_IGRAPH).
#include <vector>

#include "harness/run/igraph_rows.h"
#include "harness/run/implementations/table_rows.h"

namespace cost::harness {

std::vector<Implementation> IgraphRows() {
  return {
#if COST_HAVE_IGRAPH
    Implementation{.name = "igraph:pagerank",
                   .kernel = Kernel::kPageRank,
                   .system = "igraph",
                   .algorithm = "pagerank-spmv",
                   .kind = kSingle,
                   .description =
                       "PageRank, the definition's steps as igraph_sparsemat_gaxpy on "
                       "igraph's compressed sparse matrix (igraph_pagerank's PRPACK "
                       "solves to the fixed point instead), one thread",
                   .runner = PreparingKernel{PrepareIgraphPageRank}},
        Implementation{.name = "igraph:connected-components",
                       .kernel = Kernel::kWcc,
                       .system = "igraph",
                       .algorithm = "bfs",
                       .kind = kSingle,
                       .description =
                           "WCC, igraph_connected_components (IGRAPH_WEAK) on igraph's "
                           "graph, one thread",
                       .runner = PreparingKernel{PrepareIgraphComponents}},
        Implementation{.name = "igraph:bfs",
                       .kernel = Kernel::kBfs,
                       .system = "igraph",
                       .algorithm = "bfs-queue",
                       .kind = kSingle,
                       .description =
                           "BFS, igraph_bfs_simple over out-edges on igraph's graph, one "
                           "thread",
                       .runner = PreparingKernel{PrepareIgraphBfs}},
#endif
  };
}

}  // namespace cost::harness
