// PageRank, push over the arcs in Hilbert-curve order (graph.hilbert_src/dst, or the compressed
// stream graph.hilbert_compressed decoded on the fly), one thread.
//
// Per iteration: rank[u] becomes its share rank[u] / outdeg(u) (pooled as the dangling sum when
// u has no out-edges), every arc (u, v) adds share[u] to next[v], then
// rank[v] = (1-d)/n + d*dangling/n + d*next[v]. The same push as the vertex-order sibling
// (pagerank_push.cc) and the same output up to summation order; only the edge order differs.
// The curve keeps both the reads of share[u] and the writes to next[v] within small ranges of
// vertices at a time, so on graphs without id locality it misses the cache far less. The
// compressed form reads 4 bytes per arc instead of 8 (tile runs of 16-bit halves,
// datasets/hilbert_tiles.h) and pays two shifts and two ors per arc to rebuild them.
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, Table 4
// (Hilbert order, and its delta-compressed form); LDBC Graphalytics specification, PageRank.
#include <cstdint>
#include <string>

#include "baselines/pagerank.h"
#include "baselines/pagerank_push_iterations.h"
#include "datasets/dataset_error.h"
#include "datasets/hilbert_layout.h"

namespace cost::baselines {
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
