// PageRank, push over the arcs in Hilbert-curve order (graph.hilbert_src/dst, or the compressed
// stream graph.hilbert_compressed decoded on the fly), one thread.
//
// Per iteration: rank[u] becomes its share rank[u] / outdeg(u) (pooled as the dangling sum when
// u has no out-edges), every arc (u, v) adds share[u] to next[v], then
// rank[v] = (1-d)/n + d*dangling/n + d*next[v]. The same push as the vertex-order sibling
// (pagerank_push.cc) and the same output up to summation order; only the edge order differs.
// The curve keeps both the reads of share[u] and the writes to next[v] within small ranges of
// vertices at a time, so on graphs without id locality it misses the cache far less. The
// compressed form reads ~1-2 bytes per arc instead of 8 and pays a varint decode plus a curve
// inverse (HilbertPoint) per arc per iteration.
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, Table 4
// (Hilbert order, and its delta-compressed form); LDBC Graphalytics specification, PageRank.
#include <algorithm>
#include <cstdint>
#include <string>

#include "baselines/pagerank.h"
#include "datasets/dataset_error.h"
#include "datasets/hilbert_layout.h"

namespace cost::baselines {
namespace {

// The iterations, given scan(fn) that calls fn(u, v) once per arc, in the layout's order.
template <typename ScanArcs>
std::vector<double> PushOverArcs(const datasets::Graph& graph,
                                 const datasets::PageRankOptions& options, ScanArcs scan) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  const double d = options.damping;
  std::vector<double> rank(n, 1.0 / static_cast<double>(n));
  std::vector<double> next(n);
  const uint64_t* offsets = graph.out.offsets.data();
  double* r = rank.data();
  double* x = next.data();
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    double dangling = 0;
    for (uint64_t u = 0; u < n; ++u) {
      const uint64_t degree = offsets[u + 1] - offsets[u];
      if (degree == 0) {
        dangling += r[u];
        r[u] = 0;
      } else {
        r[u] /= static_cast<double>(degree);  // from here on r holds the share
      }
    }
    std::fill(next.begin(), next.end(), 0.0);
    scan([x, r](uint32_t u, uint32_t v) { x[v] += r[u]; });
    const double base = (1.0 - d) / static_cast<double>(n) + d * dangling / static_cast<double>(n);
    for (uint64_t v = 0; v < n; ++v) r[v] = base + d * x[v];
  }
  return rank;
}

}  // namespace

std::vector<double> PageRankPushHilbert(const datasets::Graph& graph,
                                        const datasets::PageRankOptions& options) {
  datasets::RequireEdgeLayout(graph, datasets::EdgeLayout::kHilbert);
  const uint64_t m = graph.num_edges();
  const uint32_t* src = graph.hilbert_src.data();
  const uint32_t* dst = graph.hilbert_dst.data();
  return PushOverArcs(graph, options, [m, src, dst](auto push) {
    // Plain form: for e in [0, m): push(hilbert_src[e], hilbert_dst[e]).
    for (uint64_t e = 0; e < m; ++e) push(src[e], dst[e]);
  });
}

std::vector<double> PageRankPushHilbertCompressed(const datasets::Graph& graph,
                                                  const datasets::PageRankOptions& options) {
  datasets::RequireEdgeLayout(graph, datasets::EdgeLayout::kCompressed);
  const uint64_t m = graph.num_edges();
  const std::span<const uint8_t> stream = graph.hilbert_compressed;
  return PushOverArcs(graph, options, [m, stream](auto push) {
    const uint64_t count = datasets::ForEachCompressedEdge(stream, push);
    if (count != m) {
      throw datasets::DatasetError("compressed Hilbert stream holds " + std::to_string(count) +
                                   " arcs, the graph " + std::to_string(m));
    }
  });
}

}  // namespace cost::baselines
