// WCC by Afforest, a concurrent union-find, OpenMP.
//
// parent[] is a forest where every link points from a larger id to a smaller one, so trees
// cannot form cycles and a compare-exchange on a root's parent is the only synchronisation:
//   1. Link each vertex to its first kSampledNeighbours out-neighbours, then compress (every
//      vertex points at its root). On graphs with a giant component this already joins most of
//      it, after reading 2 of the ~30 arcs per vertex.
//   2. Sample kLabelSamples vertices' roots; the most frequent is very likely the giant
//      component's.
//   3. Link the remaining edges, skipping every vertex already in that component: its edges can
//      only join things to it, and the other end (not in it) links them itself. A directed graph
//      needs the other end to see the edge, so there each such vertex also links its in-edges.
//   4. Compress. Label = the root, which is the smallest id in the component: links only hang
//      a larger root under a smaller one, so parent[v] <= v throughout.
// The loops are those of baselines/wcc_afforest.cc (vertex-major sampling, the same prefetches,
// Find with path halving), so at one thread the difference is the synchronisation alone: a
// compare-exchange per successful link and relaxed atomic loads and stores elsewhere (plain
// moves on x86). Path halving is safe without a compare-exchange: it only writes parent[v] of a
// vertex that is not a root (no thread links a non-root), and what it writes, a grandparent, stays
// an ancestor of v whatever other threads do, since trees only ever merge.
// Why these forms rather than the paper's round-major sampling with a compression between rounds
// and a Link that climbs one step per failed compare-exchange: docs/implementations.md ("Design
// choices, measured") has what each costs at one thread.
// Reference: Sutton, Ben-Nun, Barak, "Optimizing Parallel Graph Connectivity Computation via
// Subgraph Sampling", IPDPS 2018; GAP Benchmark Suite cc.cc (its Afforest).
#include <algorithm>
#include <atomic>
#include <random>
#include <unordered_map>

#include "parallel/concurrent_union_find.h"
#include "parallel/openmp.h"
#include "parallel/thread_arrays.h"

namespace cost::parallel {
namespace {

constexpr uint64_t kSampledNeighbours = 2;
constexpr int kLabelSamples = 1024;
constexpr uint64_t kPrefetchDistance = 16;
// Vertices per unit of OpenMP work: at most 16384, so scheduling costs nothing at one thread and
// there are 256 units at 2^22 vertices to balance the final pass's skewed rows; at least 16 units
// per thread on small graphs, so that the tests' graphs (2^12 vertices) run concurrently too.
uint64_t BlockSize(uint64_t n, int threads) {
  return std::clamp<uint64_t>(n / (16 * static_cast<uint64_t>(threads)), 64, 16384);
}

// Points every vertex at its root. Ascending within a block, as the serial pass: parent[p] for
// p < v is then usually a root already.
void Compress(uint32_t* parent, uint64_t n, int threads) {
  const uint64_t block_size = BlockSize(n, threads);
#pragma omp parallel for num_threads(threads) schedule(static)
  for (uint64_t block = 0; block < n; block += block_size) {
    const uint64_t end = std::min(n, block + block_size);
    for (uint64_t v = block; v < end; ++v) {
      const uint32_t p = Load(parent, static_cast<uint32_t>(v));
      if (Load(parent, p) != p) Store(parent, static_cast<uint32_t>(v), FindHalving(parent, p));
    }
  }
}

// The most frequent root among kLabelSamples vertices drawn with a fixed seed (deterministic).
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

// Sampling, vertex-major: both sampled arcs of a row in one visit. Prefetches as the serial
// kernel's: the row kPrefetchDistance vertices ahead, the first sampled neighbour's parent half
// that far ahead (its row was fetched earlier). They may run past the block: harmless.
void LinkSampledNeighbours(const datasets::Graph& graph, uint32_t* parent, uint64_t block_size,
                           int threads) {
  const uint64_t n = graph.num_vertices();
  const uint64_t* offsets = graph.out.offsets.data();
  const uint32_t* targets = graph.out.targets.data();
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
  for (uint64_t block = 0; block < n; block += block_size) {
    const uint64_t block_end = std::min(n, block + block_size);
    for (uint64_t u = block; u < block_end; ++u) {
      if (u + kPrefetchDistance < n) {
        __builtin_prefetch(targets + offsets[u + kPrefetchDistance]);
        const uint64_t w = u + kPrefetchDistance / 2;
        if (offsets[w] < offsets[w + 1]) __builtin_prefetch(parent + targets[offsets[w]]);
      }
      const uint64_t end = std::min(offsets[u] + kSampledNeighbours, offsets[u + 1]);
      for (uint64_t e = offsets[u]; e < end; ++e) {
        Link(parent, static_cast<uint32_t>(u), targets[e]);
      }
    }
  }
}

// The arcs sampling left, of every vertex outside the giant component: out-arcs past the
// sampled ones, and in-arcs when the graph is directed.
void LinkRemainingEdges(const datasets::Graph& graph, uint32_t* parent, uint32_t giant,
                        uint64_t block_size, int threads) {
  const uint64_t n = graph.num_vertices();
  const uint64_t* offsets = graph.out.offsets.data();
  const uint32_t* targets = graph.out.targets.data();
  const uint64_t* in_offsets = graph.in.offsets.data();
  const uint32_t* in_sources = graph.in.targets.data();
  const bool link_in_edges = !graph.symmetric;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
  for (uint64_t block = 0; block < n; block += block_size) {
    const uint64_t block_end = std::min(n, block + block_size);
    for (uint64_t v = block; v < block_end; ++v) {
      const uint32_t u = static_cast<uint32_t>(v);
      if (Load(parent, u) == giant) continue;
      for (uint64_t e = offsets[u] + kSampledNeighbours; e < offsets[u + 1]; ++e) {
        Link(parent, u, targets[e]);
      }
      if (!link_in_edges) continue;
      for (uint64_t e = in_offsets[u]; e < in_offsets[u + 1]; ++e) Link(parent, u, in_sources[e]);
    }
  }
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
  const uint64_t block_size = BlockSize(n, threads);
  LinkSampledNeighbours(graph, parent, block_size, threads);
  Compress(parent, n, threads);
  LinkRemainingEdges(graph, parent, SampleFrequentRoot(parent, n), block_size, threads);
  Compress(parent, n, threads);
  return component;
}

}  // namespace cost::parallel
