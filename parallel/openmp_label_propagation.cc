// WCC by label propagation, OpenMP, with a frontier: only vertices whose label changed
// propagate again.
//
// Every vertex starts with its own id; labels only decrease, to the smallest id in the
// component (as in baselines/wcc_label_propagation.cc, which instead scans every edge every
// pass until a pass changes nothing). The plain parallel form (every vertex pulls the minimum
// over its neighbours, every pass, until nothing changes) rescans all m edges per pass although
// after the first pass or two almost no label moves: m edges of work for a handful of changes.
// Here a pass is one of two kinds, chosen like direction-optimizing BFS by how much work the
// frontier holds:
//   - dense (pull): every vertex takes the minimum over its undirected neighbourhood, in place;
//     only the owner writes a label, so no atomics beyond relaxed loads. Used first (every
//     vertex is new) and whenever the frontier's edges are a large share of all edges.
//   - sparse (push): each frontier vertex lowers its neighbours' labels with an atomic
//     fetch-min (compare-exchange loop, only tried when the neighbour's label is larger).
// Either way the next frontier is the set of vertices whose label fell during the pass. That is
// enough: a vertex whose label did not change was read by all its neighbours during the pass (or
// pushed to them), so its edges hold; one whose label fell is pushed next pass. Stops when the
// frontier is empty. Concurrent reads of a label being lowered see the old or a smaller value,
// both valid lower bounds; std::atomic_ref makes those accesses defined (plain moves on x86).
// Reference: McSherry, Isard, Murray, HotOS 2015 (label propagation); Beamer, Asanovic,
// Patterson, "Direction-Optimizing Breadth-First Search", SC 2012 (choosing pull or push by
// frontier size).
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cstddef>

#include "parallel/openmp.h"
#include "parallel/thread_arrays.h"

namespace cost::parallel {
namespace {

// A pass pulls over every vertex when the frontier's edges exceed 1/kDenseShare of all edges:
// a pull scans edges sequentially without atomics, about this many times cheaper per edge.
constexpr uint64_t kDenseShare = 4;

struct Neighborhoods {
  const uint64_t* out_offsets;
  const uint32_t* out_targets;
  const uint64_t* in_offsets;  // unused when the graph is symmetric
  const uint32_t* in_sources;
  bool use_in_edges;

  uint64_t Degree(uint32_t v) const {
    return out_offsets[v + 1] - out_offsets[v] +
           (use_in_edges ? in_offsets[v + 1] - in_offsets[v] : 0);
  }
  // Calls fn(w) for each undirected neighbour w of v.
  template <typename Fn>
  void ForEach(uint32_t v, Fn fn) const {
    for (uint64_t e = out_offsets[v]; e < out_offsets[v + 1]; ++e) fn(out_targets[e]);
    if (!use_in_edges) return;
    for (uint64_t e = in_offsets[v]; e < in_offsets[v + 1]; ++e) fn(in_sources[e]);
  }
};

inline uint32_t Load(uint32_t* labels, uint32_t v) {
  return std::atomic_ref<uint32_t>(labels[v]).load(std::memory_order_relaxed);
}

// Lowers labels[v] to at most `value`; true when this call lowered it.
inline bool FetchMin(uint32_t* labels, uint32_t v, uint32_t value) {
  std::atomic_ref<uint32_t> label(labels[v]);
  uint32_t current = label.load(std::memory_order_relaxed);
  while (value < current) {
    if (label.compare_exchange_weak(current, value, std::memory_order_relaxed)) return true;
  }
  return false;
}

// Dense pass: every vertex pulls. Appends the vertices whose label fell to changed[thread].
void PullPass(const Neighborhoods& g, uint64_t n, uint32_t* labels, int threads,
              std::vector<std::vector<uint32_t>>* changed) {
#pragma omp parallel num_threads(threads)
  {
    std::vector<uint32_t>& mine = (*changed)[omp_get_thread_num()];
#pragma omp for schedule(dynamic, 4096) nowait
    for (uint64_t v = 0; v < n; ++v) {
      const uint32_t before = Load(labels, static_cast<uint32_t>(v));
      uint32_t best = before;
      g.ForEach(static_cast<uint32_t>(v),
                [&](uint32_t w) { best = std::min(best, Load(labels, w)); });
      if (best < before) {
        std::atomic_ref<uint32_t>(labels[v]).store(best, std::memory_order_relaxed);
        mine.push_back(static_cast<uint32_t>(v));
      }
    }
  }
}

// Sparse pass: every frontier vertex pushes its label. A neighbour enters changed[thread] once
// (queued[] dedupes; the caller clears it).
void PushPass(const Neighborhoods& g, const std::vector<uint32_t>& frontier, uint32_t* labels,
              uint8_t* queued, int threads, std::vector<std::vector<uint32_t>>* changed) {
#pragma omp parallel num_threads(threads)
  {
    std::vector<uint32_t>& mine = (*changed)[omp_get_thread_num()];
#pragma omp for schedule(dynamic, 64) nowait
    for (size_t i = 0; i < frontier.size(); ++i) {
      const uint32_t label = Load(labels, frontier[i]);
      g.ForEach(frontier[i], [&](uint32_t w) {
        if (!FetchMin(labels, w, label)) return;
        if (std::atomic_ref<uint8_t>(queued[w]).exchange(1, std::memory_order_relaxed) == 0) {
          mine.push_back(w);
        }
      });
    }
  }
}

}  // namespace

std::vector<uint32_t> ConnectedComponentsLabelPropagationOpenMP(const datasets::Graph& graph,
                                                                int threads) {
  const uint64_t n = graph.num_vertices();
  threads = std::max(1, threads);
  std::vector<uint32_t> label = HugePageArray<uint32_t>(n);
  uint32_t* l = label.data();
#pragma omp parallel for num_threads(threads) schedule(static)
  for (uint64_t v = 0; v < n; ++v) l[v] = static_cast<uint32_t>(v);
  const Neighborhoods g{graph.out.offsets.data(), graph.out.targets.data(), graph.in.offsets.data(),
                        graph.in.targets.data(), !graph.symmetric};
  const uint64_t all_edges = graph.symmetric ? graph.num_edges() : 2 * graph.num_edges();
  std::vector<uint8_t> queued(n, 0);
  std::vector<std::vector<uint32_t>> changed(threads);
  std::vector<uint32_t> frontier;
  bool dense = true;  // the first pass: every vertex is new
  while (true) {
    if (dense) {
      PullPass(g, n, l, threads, &changed);
    } else {
      PushPass(g, frontier, l, queued.data(), threads, &changed);
    }
    frontier.clear();
    for (std::vector<uint32_t>& part : changed) {
      frontier.insert(frontier.end(), part.begin(), part.end());
      part.clear();
    }
    if (frontier.empty()) break;
    uint64_t frontier_edges = 0;
    uint8_t* q = queued.data();
#pragma omp parallel for num_threads(threads) schedule(static) reduction(+ : frontier_edges)
    for (size_t i = 0; i < frontier.size(); ++i) {
      q[frontier[i]] = 0;
      frontier_edges += g.Degree(frontier[i]);
    }
    dense = frontier_edges * kDenseShare > all_edges;
  }
  return label;
}

}  // namespace cost::parallel
