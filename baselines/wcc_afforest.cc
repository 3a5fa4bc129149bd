// WCC by union-find with neighbour sampling (Afforest), one thread.
//
// Sutton, Ben-Nun, Barak, "Optimizing Parallel Graph Connectivity Computation via Subgraph
// Sampling", IPDPS 2018 (the GAP Benchmark Suite's cc.cc is the model, not the source), run on
// one core. The tricks, and why each pays on one thread:
// - Sampling: link every vertex to its first kSampledNeighbours out-neighbours only. On a
//   small-world graph that already joins almost every vertex that has edges into one giant
//   component, after reading 2 of the ~30 arcs per vertex.
// - Skipping the giant component: a short random sample of labels finds the most frequent root;
//   its vertices' remaining edges are never read. An edge (u, v) with u in that component either
//   joins v's component to it from v's side (v scans its own edges: out-edges, and in-edges when
//   the graph is not symmetric) or has v in it already. So the final pass reads the edges of the
//   few vertices outside the giant component only.
// - Link by index: the larger root is hung under the smaller, so a root never needs a rank
//   array (one 4-byte array, 16 MiB at 2^22 vertices, instead of parent plus rank).
// - Path halving in Find (every visited vertex points at its grandparent): keeps trees flat
//   without a second pass, and costs no extra misses since the grandparent is being read anyway.
// Label = the component's root after a final compression pass. Every link hangs the larger root
// under the smaller and path halving only moves a vertex to an ancestor, so parent[v] <= v holds
// throughout and the root is the smallest id in the component.
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <unordered_map>
#include <utility>
#include <vector>

#include "baselines/huge_pages.h"
#include "baselines/wcc.h"

namespace cost::baselines {
namespace {

constexpr uint64_t kSampledNeighbours = 2;
constexpr int kLabelSamples = 1024;
constexpr uint64_t kPrefetchDistance = 16;

uint32_t FindHalving(uint32_t* parent, uint32_t v) {
  while (parent[v] != v) {
    parent[v] = parent[parent[v]];
    v = parent[v];
  }
  return v;
}

void Link(uint32_t* parent, uint32_t u, uint32_t v) {
  uint32_t a = FindHalving(parent, u), b = FindHalving(parent, v);
  if (a == b) return;
  if (a < b) std::swap(a, b);
  parent[a] = b;  // the larger root under the smaller
}

void CompressAll(uint32_t* parent, uint64_t n) {
  // Ascending order: parent[p] for p < v is already a root when v reads it, unless a later link
  // moved it; FindHalving covers that case.
  for (uint64_t v = 0; v < n; ++v) {
    const uint32_t p = parent[v];
    parent[v] = parent[p] == p ? p : FindHalving(parent, p);
  }
}

// The most frequent root among kLabelSamples vertices drawn with a fixed seed.
uint32_t SampleFrequentRoot(const uint32_t* parent, uint64_t n) {
  std::mt19937_64 random(7);
  std::unordered_map<uint32_t, int> count;
  uint32_t best = parent[0];
  int best_count = 0;
  for (int i = 0; i < kLabelSamples; ++i) {
    const uint32_t root = parent[random() % n];
    const int c = ++count[root];
    if (c > best_count) best_count = c, best = root;
  }
  return best;
}

}  // namespace

std::vector<uint32_t> ConnectedComponentsAfforest(const datasets::Graph& graph) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  std::vector<uint32_t> label = HugePageVector<uint32_t>(n);
  std::iota(label.begin(), label.end(), 0u);
  uint32_t* parent = label.data();
  const uint64_t* offsets = graph.out.offsets.data();
  const uint32_t* targets = graph.out.targets.data();
  // Sampling: link each vertex to its first kSampledNeighbours out-neighbours. Vertex-major (one
  // visit per row, both sampled arcs in one cache line) rather than the paper's round-major
  // order with a compression between rounds (which suits threads, not one core).
  // The prefetches run kPrefetchDistance vertices ahead (the row) and half that (the first
  // sampled neighbour's parent, from the row fetched earlier). What each choice gained is in
  // docs/implementations.md ("Design choices, measured").
  // Plain form: for u: for r < kSampledNeighbours, r < outdeg(u): Link(u, out.Neighbors(u)[r]).
  for (uint64_t u = 0; u < n; ++u) {
    if (u + kPrefetchDistance < n) {
      __builtin_prefetch(targets + offsets[u + kPrefetchDistance]);
      const uint64_t w = u + kPrefetchDistance / 2;
      if (offsets[w] < offsets[w + 1]) __builtin_prefetch(parent + targets[offsets[w]]);
    }
    const uint64_t end = std::min(offsets[u] + kSampledNeighbours, offsets[u + 1]);
    for (uint64_t e = offsets[u]; e < end; ++e) Link(parent, static_cast<uint32_t>(u), targets[e]);
  }
  CompressAll(parent, n);
  const uint32_t giant = SampleFrequentRoot(parent, n);
  const uint64_t* in_offsets = graph.in.offsets.data();
  const uint32_t* in_sources = graph.in.targets.data();
  // Plain form: for u with parent[u] != giant: Link(u, v) for every remaining out-edge (u, v),
  // and for every in-edge when the graph is directed (its other endpoint may be skipped).
  for (uint64_t u = 0; u < n; ++u) {
    if (parent[u] == giant) continue;
    const uint32_t uu = static_cast<uint32_t>(u);
    for (uint64_t e = offsets[u] + kSampledNeighbours; e < offsets[u + 1]; ++e) {
      Link(parent, uu, targets[e]);
    }
    if (!graph.symmetric) {
      for (uint64_t e = in_offsets[u]; e < in_offsets[u + 1]; ++e) Link(parent, uu, in_sources[e]);
    }
  }
  CompressAll(parent, n);
  return label;
}

}  // namespace cost::baselines
