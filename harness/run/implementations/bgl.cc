// Boost.Graph 1.74, one thread; each call includes copying our CSR into BGL's.
#include "baselines/bgl.h"

#include <vector>

#include "harness/run/implementations/table_rows.h"

namespace cost::harness {
namespace {

Values BglPageRank(const datasets::Graph& g, const RunParams& p) {
  return baselines::PageRankBgl(g, PageRankOptionsOf(p));
}
Values BglUnionFind(const datasets::Graph& g, const RunParams&) {
  return baselines::ConnectedComponentsBglDisjointSets(g);
}
Values BglConnectedComponents(const datasets::Graph& g, const RunParams&) {
  return baselines::ConnectedComponentsBgl(g);
}
Values BglBfs(const datasets::Graph& g, const RunParams& p) {
  return baselines::BreadthFirstSearchBgl(g, p.source);
}

}  // namespace

std::vector<Implementation> BglRows() {
  return {
      Implementation{.name = "bgl:pagerank",
                     .kernel = Kernel::kPageRank,
                     .system = "bgl",
                     .algorithm = "pagerank-push",
                     .kind = kSingle,
                     .description = "PageRank, boost::graph::page_rank on BGL's CSR (push), one "
                                    "thread",
                     .runner = BglPageRank,
                     .deviation = "Boost.Graph's page_rank drops dangling rank (no term for "
                                  "vertices without out-edges): valid only on graphs without sinks",
                     .deviation_applies = baselines::HasSinks},
      Implementation{.name = "bgl:union-find",
                     .kernel = Kernel::kWcc,
                     .system = "bgl",
                     .algorithm = "union-find",
                     .kind = kSingle,
                     .description = "WCC, boost::disjoint_sets over the edges, one thread",
                     .runner = BglUnionFind},
      Implementation{.name = "bgl:connected-components",
                     .kernel = Kernel::kWcc,
                     .system = "bgl",
                     .algorithm = "depth-first-search",
                     .kind = kSingle,
                     .description = "WCC, boost::connected_components (DFS) on a symmetrised BGL "
                                    "CSR, one thread",
                     .runner = BglConnectedComponents},
      Implementation{.name = "bgl:bfs",
                     .kernel = Kernel::kBfs,
                     .system = "bgl",
                     .algorithm = "bfs-queue",
                     .kind = kSingle,
                     .description = "BFS, boost::breadth_first_search on BGL's CSR, one thread",
                     .runner = BglBfs},
  };
}

}  // namespace cost::harness
