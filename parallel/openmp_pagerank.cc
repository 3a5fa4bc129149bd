// PageRank, vertex order, pull over the CSR transpose, OpenMP.
//
// The same two loops as baselines/pagerank.cc. The gather loop is split into one contiguous
// vertex range per thread holding about m/T in-edges (not n/T vertices): on skewed graphs a
// vertex split leaves one thread with the hubs. Each thread writes only its own range of rank[],
// so there are no races and no atomics; the dangling sum is an OpenMP reduction.
// Reference: LDBC Graphalytics specification, PageRank; GAP Benchmark Suite pr.cc (pull form).
#include <omp.h>

#include <algorithm>

#include "parallel/openmp.h"
#include "parallel/thread_arrays.h"

namespace cost::parallel {
namespace {

// boundaries[t]..boundaries[t+1] is thread t's vertex range, balanced by in-edge count.
std::vector<uint64_t> EdgeBalancedRanges(const datasets::Csr& csr, int parts) {
  std::vector<uint64_t> boundaries(parts + 1, csr.num_vertices);
  boundaries[0] = 0;
  const uint64_t m = csr.num_edges();
  for (int t = 1; t < parts; ++t) {
    const uint64_t edge_target = m / parts * t + std::min<uint64_t>(t, m % parts);
    // First vertex whose row starts at or after the target edge.
    auto it = std::lower_bound(csr.offsets.begin(), csr.offsets.end() - 1, edge_target);
    boundaries[t] = std::max<uint64_t>(boundaries[t - 1], it - csr.offsets.begin());
  }
  return boundaries;
}

}  // namespace

std::vector<double> PageRankPullOpenMP(const datasets::Graph& graph,
                                       const datasets::PageRankOptions& options, int threads) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  threads = std::max(1, threads);
  const double d = options.damping;
  std::vector<double> rank = HugePageArray(n, 1.0 / static_cast<double>(n));
  std::vector<double> contribution = HugePageArray<double>(n);
  const std::vector<uint64_t> ranges = EdgeBalancedRanges(graph.in, threads);
  const uint64_t* out_offsets = graph.out.offsets.data();
  const uint64_t* in_offsets = graph.in.offsets.data();
  const uint32_t* in_sources = graph.in.targets.data();
  double* r = rank.data();
  double* c = contribution.data();
  double dangling = 0;  // shared; reset by one thread, summed by a reduction
#pragma omp parallel num_threads(threads)
  {
    // The runtime may grant fewer threads than asked: each thread takes every nt-th range.
    const int t = omp_get_thread_num(), nt = omp_get_num_threads();
    for (int iteration = 0; iteration < options.iterations; ++iteration) {
#pragma omp single
      dangling = 0;
#pragma omp for schedule(static) reduction(+ : dangling)
      for (uint64_t u = 0; u < n; ++u) {
        const uint64_t degree = out_offsets[u + 1] - out_offsets[u];
        if (degree == 0) dangling += r[u];
        c[u] = degree == 0 ? 0.0 : r[u] / static_cast<double>(degree);
      }
      const double base =
          (1.0 - d) / static_cast<double>(n) + d * dangling / static_cast<double>(n);
      for (int part = t; part < threads; part += nt) {
        for (uint64_t v = ranges[part]; v < ranges[part + 1]; ++v) {
          double sum = 0;
          for (uint64_t e = in_offsets[v]; e < in_offsets[v + 1]; ++e) sum += c[in_sources[e]];
          r[v] = base + d * sum;
        }
      }
#pragma omp barrier
    }
  }
  return rank;
}

}  // namespace cost::parallel
