// WCC by label propagation, OpenMP.
//
// Each pass, every vertex v takes the minimum label over itself and its undirected
// neighbourhood (out-edges and, unless the graph is symmetric, in-edges), writing it in place.
// Labels only ever decrease, so reading a neighbour's label that another thread is updating in
// the same pass is harmless: it is either the old or a smaller value, both valid. The accesses
// go through std::atomic_ref with relaxed order to make that defined behaviour (plain loads and
// stores on x86). Stops after a pass with no change. Label = smallest id in the component,
// as in baselines/wcc_label_propagation.cc, which instead scans edges and updates both ends.
// Reference: McSherry, Isard, Murray, HotOS 2015; GAP Benchmark Suite cc.cc (for comparison
// with Shiloach-Vishkin, which converges in far fewer passes).
#include <atomic>
#include <numeric>

#include "parallel/openmp.h"

namespace cost::parallel {
namespace {

// Smallest label over `neighbors`, starting from `current`.
inline uint32_t MinLabel(uint32_t* labels, const uint64_t* offsets, const uint32_t* targets,
                         uint64_t v, uint32_t current) {
  for (uint64_t e = offsets[v]; e < offsets[v + 1]; ++e) {
    const uint32_t l = std::atomic_ref<uint32_t>(labels[targets[e]]).load(std::memory_order_relaxed);
    current = l < current ? l : current;
  }
  return current;
}

}  // namespace

std::vector<uint32_t> ConnectedComponentsLabelPropagationOpenMP(const datasets::Graph& graph,
                                                                int threads) {
  const uint64_t n = graph.num_vertices();
  std::vector<uint32_t> label(n);
  std::iota(label.begin(), label.end(), 0u);
  uint32_t* l = label.data();
  const uint64_t* out_offsets = graph.out.offsets.data();
  const uint32_t* out_targets = graph.out.targets.data();
  const uint64_t* in_offsets = graph.in.offsets.data();
  const uint32_t* in_sources = graph.in.targets.data();
  const bool use_in_edges = !graph.symmetric;
  bool changed = true;
  while (changed) {
    changed = false;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1024) reduction(|| : changed)
    for (uint64_t v = 0; v < n; ++v) {
      std::atomic_ref<uint32_t> mine(l[v]);
      const uint32_t before = mine.load(std::memory_order_relaxed);
      uint32_t best = MinLabel(l, out_offsets, out_targets, v, before);
      if (use_in_edges) best = MinLabel(l, in_offsets, in_sources, v, best);
      if (best < before) {
        mine.store(best, std::memory_order_relaxed);
        changed = true;
      }
    }
  }
  return label;
}

}  // namespace cost::parallel
