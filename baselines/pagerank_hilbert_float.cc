// PageRank, push over the arcs in Hilbert-curve order with float working arrays and software
// prefetch, one thread: the optimised single-threaded PageRank (serial:pagerank-hilbert-float).
//
// The same iteration as serial:pagerank-hilbert (pagerank_hilbert.cc): shares rank/outdeg, one
// add per arc into the next rank, dangling rank spread evenly. What differs is the memory the
// arc loop touches, which is all that decides its speed:
// - The Hilbert order is already a blocking: an aligned 2^k x 2^k square of the (src, dst) grid
//   is one contiguous run of the curve, so the arcs come grouped in tiles of every size at once,
//   tiles in curve order (consecutive tiles share their source or their destination range).
//   Tiling them again with 16-bit local offsets would halve the 8 bytes read per arc, which is
//   not where the time goes (the gathers are), so this kernel reads the existing layout.
// - Shares and sums are float (as GAP's PageRank): the two gathered arrays take half the bytes
//   (32 MiB instead of 64 MiB at 2^22 vertices), so twice as many vertices fit in a given cache.
//   Ranks stay double (the output is double); only a per-iteration share and its sum are rounded
//   to float, a relative error near 1e-7 per add, far inside the 1e-4 the definition allows.
// - Software prefetch of both gathers, kPrefetchDistance arcs ahead.
// - Huge pages (HugePageVector), as the other baselines, though the curve keeps the TLB footprint
//   small anyway.
// What is left is near a push's floor, one load-add-store per arc: going further needs a pull form
// that adds in registers, not a better push. The cost model behind that, with its measurements,
// is in docs/methodology.md ("The optimised PageRank against the model").
#include <cstdint>
#include <vector>

#include "baselines/huge_pages.h"
#include "baselines/pagerank.h"
#include "datasets/hilbert_layout.h"

namespace cost::baselines {
namespace {

constexpr uint64_t kPrefetchDistance = 192;

}  // namespace

std::vector<double> PageRankPushHilbertFloat(const datasets::Graph& graph,
                                             const datasets::PageRankOptions& options) {
  datasets::RequireEdgeLayout(graph, datasets::EdgeLayout::kHilbert);
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  const uint64_t m = graph.num_edges();
  const double d = options.damping;
  const double start = 1.0 / static_cast<double>(n);
  std::vector<double> rank = HugePageVector(n, start);
  if (options.iterations <= 0) return rank;
  // 1/outdeg once per call (0 for sinks, which also marks them): the per-vertex pass then reads
  // 4 bytes per vertex instead of two 8-byte offsets, and multiplies instead of dividing.
  std::vector<float> inverse_degree = HugePageVector<float>(n);
  std::vector<float> share = HugePageVector<float>(n);
  std::vector<float> sum = HugePageVector<float>(n);
  const uint64_t* offsets = graph.out.offsets.data();
  const uint32_t* src = graph.hilbert_src.data();
  const uint32_t* dst = graph.hilbert_dst.data();
  float* inv = inverse_degree.data();
  float* s = share.data();
  float* x = sum.data();
  double dangling = 0;
  for (uint64_t u = 0; u < n; ++u) {
    const uint64_t degree = offsets[u + 1] - offsets[u];
    inv[u] = degree == 0 ? 0.0f : 1.0f / static_cast<float>(degree);
    s[u] = static_cast<float>(start * inv[u]);
    dangling += degree == 0 ? start : 0.0;
  }
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    // Plain form: for e in [0, m): sum[hilbert_dst[e]] += share[hilbert_src[e]].
    // Software prefetch kPrefetchDistance arcs ahead, both arrays: the curve's misses are to L3
    // and too far apart for the out-of-order window to overlap them on its own. The distance is
    // where measured loop times bottom out between too late and evicted before use (the
    // distances tried are in docs/methodology.md).
    uint64_t e = 0;
    for (; e + kPrefetchDistance < m; ++e) {
      __builtin_prefetch(s + src[e + kPrefetchDistance]);
      __builtin_prefetch(x + dst[e + kPrefetchDistance], /*rw=*/1);
      x[dst[e]] += s[src[e]];
    }
    for (; e < m; ++e) x[dst[e]] += s[src[e]];
    const double base = (1.0 - d) / static_cast<double>(n) + d * dangling / static_cast<double>(n);
    if (iteration + 1 == options.iterations) {
      for (uint64_t v = 0; v < n; ++v) rank[v] = base + d * static_cast<double>(x[v]);
      break;
    }
    // One pass ends this iteration and starts the next: the new rank r is only needed for the
    // next shares and the next dangling sum, so it is never stored until the last iteration.
    // Plain form: rank[v] = base + d*sum[v]; then share[v] = rank[v]/outdeg(v), dangling sum.
    dangling = 0;
    for (uint64_t v = 0; v < n; ++v) {
      const double r = base + d * static_cast<double>(x[v]);
      x[v] = 0.0f;
      s[v] = static_cast<float>(r * inv[v]);
      dangling += inv[v] == 0.0f ? r : 0.0;
    }
  }
  return rank;
}

}  // namespace cost::baselines
