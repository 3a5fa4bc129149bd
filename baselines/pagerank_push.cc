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
#include <cstdint>

#include "baselines/pagerank.h"
#include "baselines/pagerank_push_iterations.h"

namespace cost::baselines {

std::vector<double> PageRankPush(const datasets::Graph& graph,
                                 const datasets::PageRankOptions& options) {
  const uint64_t n = graph.num_vertices();
  const uint64_t* offsets = graph.out.offsets.data();
  const uint32_t* targets = graph.out.targets.data();
  return PushOverArcs(graph, options, [n, offsets, targets](auto push) {
    // Plain form: for u: for v in out.Neighbors(u): next[v] += rank[u] / out.Degree(u).
    for (uint64_t u = 0; u < n; ++u) {
      for (uint64_t e = offsets[u]; e < offsets[u + 1]; ++e)
        push(static_cast<uint32_t>(u), targets[e]);
    }
  });
}

}  // namespace cost::baselines
