// SuiteSparse:GraphBLAS 7.4 with its own threads; each call includes copying our CSR into
// a GrB_Matrix (offsets copied, targets widened to 64 bits), as the bgl rows time theirs.
#include "parallel/graphblas/graphblas.h"

#include <vector>

#include "harness/run/implementations/table_rows.h"

namespace cost::harness {
namespace {

Values GraphBlasPageRank(const datasets::Graph& g, const RunParams& p) {
  return parallel::graphblas::PageRankGraphBlas(g, PageRankOptionsOf(p), p.threads);
}
Values GraphBlasWcc(const datasets::Graph& g, const RunParams& p) {
  return parallel::graphblas::ConnectedComponentsGraphBlas(g, p.threads);
}
Values GraphBlasFastSv(const datasets::Graph& g, const RunParams& p) {
  return parallel::graphblas::ConnectedComponentsFastSvGraphBlas(g, p.threads);
}
Values GraphBlasBfs(const datasets::Graph& g, const RunParams& p) {
  return parallel::graphblas::BreadthFirstSearchGraphBlas(g, p.source, p.threads);
}

}  // namespace

std::vector<Implementation> GraphBlasRows() {
  return {
      Implementation{.name = "graphblas:pagerank",
                     .kernel = Kernel::kPageRank,
                     .system = "graphblas",
                     .algorithm = "pagerank-pull",
                     .kind = kThreaded,
                     .description =
                         "PageRank, GraphBLAS mxv over the transpose (plus.second), "
                         "dangling term by a masked reduce; times the GrB_Matrix import, "
                         "threads",
                     .runner = GraphBlasPageRank},

      Implementation{.name = "graphblas:wcc",
                     .kernel = Kernel::kWcc,
                     .system = "graphblas",
                     .algorithm = "label-propagation",
                     .kind = kThreaded,
                     .description = "WCC, GraphBLAS min.second mxv until labels stop falling "
                                    "(synchronous label propagation); times the GrB_Matrix import, "
                                    "threads",
                     .runner = GraphBlasWcc},
      Implementation{.name = "graphblas:wcc-fastsv",
                     .kernel = Kernel::kWcc,
                     .system = "graphblas",
                     .algorithm = "fastsv",
                     .kind = kThreaded,
                     .description =
                         "WCC, FastSV in GraphBLAS (min.second mxv over the "
                         "grandparents, hooking, shortcutting; LAGraph's form), O(log n) "
                         "rounds; times the GrB_Matrix import, threads",
                     .runner = GraphBlasFastSv},

      Implementation{.name = "graphblas:bfs",
                     .kernel = Kernel::kBfs,
                     .system = "graphblas",
                     .algorithm = "bfs-level-synchronous",
                     .kind = kThreaded,
                     .description = "BFS, GraphBLAS vxm (any.pair) per level masked by the "
                                    "unvisited vertices; times the GrB_Matrix import, threads",
                     .runner = GraphBlasBfs},

  };
}

}  // namespace cost::harness
