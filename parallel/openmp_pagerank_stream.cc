// PageRank, push over the compressed Hilbert arcs streamed from the prepared file once per
// iteration, OpenMP. Per iteration: shares rank[u] / outdeg(u) (dangling rank pooled), one pass
// over the stream whose pieces all threads decode (stream_parts.h), each adding share[u] into its
// own next array for every arc (u, v) it decodes, then rank[v] = (1-d)/n + d*dangling/n +
// d * (sum of the threads' next[v]). Per-thread arrays rather than atomics: a double add by
// compare-exchange per arc costs more than the T x n sum per iteration, and a thread's share of
// a piece spans tiles whose target ranges overlap other threads'.
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, Table 4;
// LDBC Graphalytics specification, PageRank.
#include <omp.h>

#include <algorithm>

#include "parallel/openmp_stream.h"
#include "parallel/stream_parts.h"
#include "parallel/thread_arrays.h"

namespace cost::parallel {
namespace {

// rank[u] becomes its share (0 for a sink) and every thread's next[] is zeroed; returns the
// dangling sum.
double SharesAndClear(const uint32_t* degree, double* r, std::vector<std::vector<double>>* next,
                      uint64_t n, int threads) {
  double dangling = 0;
#pragma omp parallel for num_threads(threads) schedule(static) reduction(+ : dangling)
  for (uint64_t u = 0; u < n; ++u) {
    if (degree[u] == 0) dangling += r[u];
    r[u] = degree[u] == 0 ? 0.0 : r[u] / static_cast<double>(degree[u]);
    for (std::vector<double>& x : *next) x[u] = 0;
  }
  return dangling;
}

}  // namespace

std::vector<double> PageRankPushStreamOpenMP(datasets::CompressedArcStream& stream,
                                             const datasets::PageRankOptions& options,
                                             int threads) {
  const uint64_t n = stream.num_vertices();
  if (n == 0) return {};
  threads = std::max(1, threads);
  std::vector<uint32_t> degrees = HugePageArray<uint32_t>(n);
  stream.ReadOutDegrees(degrees);
  std::vector<double> rank = HugePageArray(n, 1.0 / static_cast<double>(n));
  std::vector<std::vector<double>> next(threads);
  for (std::vector<double>& x : next) x = HugePageArray<double>(n);
  std::vector<double*> x(threads);
  for (int t = 0; t < threads; ++t) x[t] = next[t].data();
  double* r = rank.data();
  const double d = options.damping;
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    const double dangling = SharesAndClear(degrees.data(), r, &next, n, threads);
    uint64_t arcs = 0;
    stream.Pass([&](std::span<const uint8_t> bytes) {
      arcs += DecodeArcsInParallel(
          bytes, threads, [&x, r](int part, uint32_t u, uint32_t v) { x[part][v] += r[u]; });
    });
    datasets::CheckArcCount(stream, arcs);
    const double base = (1.0 - d) / static_cast<double>(n) + d * dangling / static_cast<double>(n);
#pragma omp parallel for num_threads(threads) schedule(static)
    for (uint64_t v = 0; v < n; ++v) {
      double sum = 0;
      for (int t = 0; t < threads; ++t) sum += x[t][v];
      r[v] = base + d * sum;
    }
  }
  return rank;
}

}  // namespace cost::parallel
