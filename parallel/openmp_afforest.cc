// WCC by Afforest, a concurrent union-find, OpenMP.
//
// parent[] is a forest where every link points from a larger id to a smaller one, so trees
// cannot form cycles and a compare-exchange on a root's parent is the only synchronisation:
//   1. Link each vertex to its first kNeighborRounds out-neighbours, then compress (every vertex
//      points at its root). On graphs with a giant component this already joins most of it.
//   2. Sample kSamples vertices' roots; the most frequent is very likely the giant component's.
//   3. Link the remaining edges, skipping every vertex already in that component: its edges can
//      only join things to it, and the other end (not in it) links them itself. A directed graph
//      needs the other end to see the edge, so there each such vertex also links its in-edges.
//   4. Compress. Label = the root, the smallest id of its tree.
// Against baselines/wcc_union_find.cc (union by rank over every edge in one pass), Afforest
// reads a fraction of the edges on graphs with one large component; on graphs without one it
// reads them all, like the serial one.
// Reference: Sutton, Ben-Nun, Barak, "Optimizing Parallel Graph Connectivity Computation via
// Subgraph Sampling", IPDPS 2018; GAP Benchmark Suite cc.cc (its Afforest).
#include <algorithm>
#include <atomic>
#include <random>
#include <unordered_map>

#include "parallel/openmp.h"
#include "parallel/thread_arrays.h"

namespace cost::parallel {
namespace {

constexpr uint64_t kNeighborRounds = 2;
constexpr int kSamples = 1024;

inline uint32_t Load(uint32_t* parent, uint32_t v) {
  return std::atomic_ref<uint32_t>(parent[v]).load(std::memory_order_relaxed);
}

// Joins the trees of u and v: hooks the larger root under the smaller one. Retries when
// another thread moved a root in between.
void Link(uint32_t* parent, uint32_t u, uint32_t v) {
  uint32_t a = Load(parent, u), b = Load(parent, v);
  while (a != b) {
    const uint32_t high = std::max(a, b), low = std::min(a, b);
    uint32_t high_parent = Load(parent, high);
    if (high_parent == low) return;  // already joined
    if (high_parent == high &&
        std::atomic_ref<uint32_t>(parent[high])
            .compare_exchange_strong(high_parent, low, std::memory_order_relaxed)) {
      return;
    }
    // high was not a root (or stopped being one): climb one step on both sides and retry.
    a = Load(parent, Load(parent, high));
    b = Load(parent, low);
  }
}

// Points every vertex at its root.
void Compress(uint32_t* parent, uint64_t n, int threads) {
#pragma omp parallel for num_threads(threads) schedule(dynamic, 16384)
  for (uint64_t v = 0; v < n; ++v) {
    const uint32_t u = static_cast<uint32_t>(v);
    while (Load(parent, u) != Load(parent, Load(parent, u))) {
      std::atomic_ref<uint32_t>(parent[u]).store(Load(parent, Load(parent, u)),
                                                 std::memory_order_relaxed);
    }
  }
}

// The most frequent root among kSamples vertices drawn with a fixed seed (deterministic).
uint32_t SampleFrequentRoot(const uint32_t* parent, uint64_t n) {
  std::mt19937_64 random(27491095);
  std::unordered_map<uint32_t, int> count;
  for (int i = 0; i < kSamples; ++i) ++count[parent[random() % n]];
  return std::ranges::max_element(count, {}, [](const auto& entry) { return entry.second; })->first;
}

}  // namespace

std::vector<uint32_t> ConnectedComponentsAfforestOpenMP(const datasets::Graph& graph, int threads) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  threads = std::max(1, threads);
  std::vector<uint32_t> component = HugePageArray<uint32_t>(n);
  uint32_t* parent = component.data();
#pragma omp parallel for num_threads(threads) schedule(static)
  for (uint64_t v = 0; v < n; ++v) parent[v] = static_cast<uint32_t>(v);
  const uint64_t* out_offsets = graph.out.offsets.data();
  const uint32_t* out_targets = graph.out.targets.data();

  for (uint64_t round = 0; round < kNeighborRounds; ++round) {
#pragma omp parallel for num_threads(threads) schedule(dynamic, 16384)
    for (uint64_t u = 0; u < n; ++u) {
      if (out_offsets[u] + round < out_offsets[u + 1]) {
        Link(parent, static_cast<uint32_t>(u), out_targets[out_offsets[u] + round]);
      }
    }
    Compress(parent, n, threads);
  }

  const uint32_t giant = SampleFrequentRoot(parent, n);
  const uint64_t* in_offsets = graph.in.offsets.data();
  const uint32_t* in_sources = graph.in.targets.data();
  const bool link_in_edges = !graph.symmetric;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 16384)
  for (uint64_t v = 0; v < n; ++v) {
    const uint32_t u = static_cast<uint32_t>(v);
    if (Load(parent, u) == giant) continue;
    for (uint64_t e = out_offsets[u] + kNeighborRounds; e < out_offsets[u + 1]; ++e) {
      Link(parent, u, out_targets[e]);
    }
    if (!link_in_edges) continue;
    for (uint64_t e = in_offsets[u]; e < in_offsets[u + 1]; ++e) Link(parent, u, in_sources[e]);
  }
  Compress(parent, n, threads);
  return component;
}

}  // namespace cost::parallel
