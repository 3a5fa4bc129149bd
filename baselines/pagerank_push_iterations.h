// The iterations every push PageRank shares (vertex order, Hilbert order, compressed Hilbert
// order): they differ only in the order their arcs are scanned. Internal to baselines/.
#ifndef COST_BASELINES_PAGERANK_PUSH_ITERATIONS_H_
#define COST_BASELINES_PAGERANK_PUSH_ITERATIONS_H_

#include <algorithm>
#include <cstdint>
#include <vector>

#include "baselines/huge_pages.h"
#include "datasets/graph.h"
#include "datasets/kernel_definitions.h"

namespace cost::baselines {

// The push of one arc: next[v] += share[u]. A scan that can prefetch for arcs ahead (the
// streaming row) calls Prefetch for them; the others call the push only.
struct PushShare {
  double* next;
  const double* share;
  void operator()(uint32_t u, uint32_t v) const { next[v] += share[u]; }
  void Prefetch(uint32_t u, uint32_t v) const {
    __builtin_prefetch(share + u);
    __builtin_prefetch(next + v, /*rw=*/1);
  }
};

// Per iteration: rank[u] becomes its share rank[u] / outdeg(u) (pooled as the dangling sum when
// u has no out-edges), scan(push) calls push(u, v) (a PushShare) once per arc to add share[u] to
// next[v], then rank[v] = (1-d)/n + d*dangling/n + d*next[v]. The scan is a template argument so
// the push inlines into the caller's arc loop: no call per arc.
template <typename DegreeOf, typename ScanArcs>
std::vector<double> PushOverArcs(uint64_t n, DegreeOf degree_of,
                                 const datasets::PageRankOptions& options, ScanArcs scan) {
  if (n == 0) return {};
  const double d = options.damping;
  std::vector<double> rank = HugePageVector(n, 1.0 / static_cast<double>(n));
  std::vector<double> next = HugePageVector<double>(n);
  double* r = rank.data();
  double* x = next.data();
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    double dangling = 0;
    for (uint64_t u = 0; u < n; ++u) {
      const uint64_t degree = degree_of(u);
      if (degree == 0) {
        dangling += r[u];
        r[u] = 0;
      } else {
        r[u] /= static_cast<double>(degree);  // from here on r holds the share
      }
    }
    std::fill(next.begin(), next.end(), 0.0);
    scan(PushShare{.next = x, .share = r});
    const double base = (1.0 - d) / static_cast<double>(n) + d * dangling / static_cast<double>(n);
    for (uint64_t v = 0; v < n; ++v) r[v] = base + d * x[v];
  }
  return rank;
}

// The same over a graph's CSR, whose offsets give the out-degrees.
template <typename ScanArcs>
std::vector<double> PushOverArcs(const datasets::Graph& graph,
                                 const datasets::PageRankOptions& options, ScanArcs scan) {
  const uint64_t* offsets = graph.out.offsets.data();
  return PushOverArcs(
      graph.num_vertices(), [offsets](uint64_t u) { return offsets[u + 1] - offsets[u]; }, options,
      scan);
}

}  // namespace cost::baselines

#endif  // COST_BASELINES_PAGERANK_PUSH_ITERATIONS_H_
