// PageRank, vertex order, pull over the CSR transpose, one thread.
//
// Per iteration: contribution[u] = rank[u] / outdeg(u) for every u with out-edges (the rest add
// their rank to the dangling sum), then rank[v] = (1-d)/n + d*dangling/n + d * sum of
// contribution[u] over in-neighbours u. Pulling writes each rank once (no scattered stores) and
// reads contributions through the transpose's sorted rows. Siblings: pagerank_push.cc scatters
// over the out-edges instead; parallel/openmp_pagerank.cc runs these loops split across
// threads. Reference: LDBC Graphalytics specification, PageRank.
#include "baselines/pagerank.h"

#include <cstdint>

#include "baselines/huge_pages.h"

namespace cost::baselines {

std::vector<double> PageRankPull(const datasets::Graph& graph,
                                 const datasets::PageRankOptions& options) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  const double d = options.damping;
  std::vector<double> rank = HugePageVector(n, 1.0 / static_cast<double>(n));
  std::vector<double> contribution = HugePageVector<double>(n);
  const uint64_t* out_offsets = graph.out.offsets.data();
  const uint64_t* in_offsets = graph.in.offsets.data();
  const uint32_t* in_sources = graph.in.targets.data();
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    double dangling = 0;
    for (uint64_t u = 0; u < n; ++u) {
      const uint64_t degree = out_offsets[u + 1] - out_offsets[u];
      if (degree == 0) dangling += rank[u];
      contribution[u] = degree == 0 ? 0.0 : rank[u] / static_cast<double>(degree);
    }
    const double base = (1.0 - d) / static_cast<double>(n) + d * dangling / static_cast<double>(n);
    // Plain form: for v: rank[v] = base + d * sum(contribution[u] for u in in.Neighbors(v)).
    for (uint64_t v = 0; v < n; ++v) {
      double sum = 0;
      for (uint64_t e = in_offsets[v]; e < in_offsets[v + 1]; ++e)
        sum += contribution[in_sources[e]];
      rank[v] = base + d * sum;
    }
  }
  return rank;
}

}  // namespace cost::baselines
