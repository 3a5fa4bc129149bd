// PageRank, vertex order, push over the out-edge stream (graph.out), one thread.
//
// Per iteration: every vertex u with out-edges adds rank[u] / outdeg(u) to next[v] for each
// out-neighbour v; the rank of vertices without out-edges is pooled as the dangling sum; then
// rank[v] = (1-d)/n + d*dangling/n + d*next[v]. Unlike the pull sibling (pagerank.cc), it
// reads the edges in the order they are stored and never touches the transpose, at the price
// of scattered read-modify-write stores into `next`: the COST paper's "call me once per edge"
// form, whose speed depends on the edge order the dataset was prepared in.
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, PageRank
// baseline; LDBC Graphalytics specification, PageRank.
#include <algorithm>
#include <cstdint>

#include "baselines/pagerank.h"

namespace cost::baselines {

std::vector<double> PageRankPush(const datasets::Graph& graph,
                                 const datasets::PageRankOptions& options) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  const double d = options.damping;
  std::vector<double> rank(n, 1.0 / static_cast<double>(n));
  std::vector<double> next(n);
  const uint64_t* offsets = graph.out.offsets.data();
  const uint32_t* targets = graph.out.targets.data();
  double* r = rank.data();
  double* x = next.data();
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    std::fill(next.begin(), next.end(), 0.0);
    double dangling = 0;
    // Plain form: for u: for v in out.Neighbors(u): next[v] += rank[u] / out.Degree(u).
    for (uint64_t u = 0; u < n; ++u) {
      const uint64_t begin = offsets[u], end = offsets[u + 1];
      if (begin == end) {
        dangling += r[u];
        continue;
      }
      const double share = r[u] / static_cast<double>(end - begin);
      for (uint64_t e = begin; e < end; ++e) x[targets[e]] += share;
    }
    const double base = (1.0 - d) / static_cast<double>(n) + d * dangling / static_cast<double>(n);
    for (uint64_t v = 0; v < n; ++v) r[v] = base + d * x[v];
  }
  return rank;
}

}  // namespace cost::baselines
