// BFS, direction-optimizing, OpenMP.
//
// The structure is that of baselines/bfs_direction_optimizing.cc, so at one thread the
// difference is the synchronisation alone. Each level is either
//   - top-down: every frontier vertex claims its unvisited out-neighbours by an atomic fetch-or
//     on their bit of the visited bitmap (the thread that set the bit queues the vertex, in a
//     queue of its own): cost ~ the frontier's out-edges, plus one locked instruction per vertex
//     discovered;
//   - bottom-up: every unvisited vertex scans its in-neighbours (graph.in) for one in the
//     frontier (a bitmap) and stops at the first: cost ~ the unvisited vertices' in-edges, cut
//     short, which on low-diameter graphs is far less than the top-down edge count in the
//     middle levels. Each thread owns whole 64-vertex words of the visited and next bitmaps: no
//     atomics. The rows of the next word's unvisited vertices are prefetched, as in the serial
//     kernel.
// The visited test reads the bitmap (n bits, L2-resident), not the 8-byte depths, which would
// miss on every probe. Switching follows Beamer et al. and the serial kernel: go bottom-up when
// the frontier's out-edges exceed (edges not yet explored) / kAlpha; return top-down when the
// frontier is shrinking and below n / kBeta. Depths are the same as the serial queue's
// (baselines/bfs.cc): a vertex gets depth d+1 exactly when it is first reached from level d, in
// either direction.
// Why a bitmap claimed by fetch-or, and the prefetch, rather than a compare-exchange on the int64
// depths: docs/implementations.md ("Design choices, measured") has what each costs at one thread.
// Reference: Beamer, Asanovic, Patterson, "Direction-Optimizing Breadth-First Search", SC 2012;
// GAP Benchmark Suite bfs.cc.
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cstddef>

#include "datasets/kernel_definitions.h"
#include "parallel/openmp.h"
#include "parallel/thread_arrays.h"

namespace cost::parallel {
namespace {

// The paper's tuned values for its Kronecker and real graphs.
constexpr uint64_t kAlpha = 15;
constexpr uint64_t kBeta = 18;
// Bitmap words per unit of OpenMP work in the bottom-up step: at most 64 (4096 vertices), at
// least 16 units per thread, so that the tests' small graphs run concurrently too.
size_t WordsPerChunk(size_t words, int threads) {
  return std::clamp<size_t>(words / (16 * static_cast<size_t>(threads)), 1, 64);
}

bool Test(const uint64_t* bits, uint64_t v) { return (bits[v >> 6] >> (v & 63)) & 1; }

// One top-down level: every unvisited out-neighbour of `frontier` gets depth `level` and goes
// into next[its claiming thread]. Returns the out-degree sum of the vertices discovered.
uint64_t TopDownStep(const datasets::Csr& out, const std::vector<uint32_t>& frontier, int64_t level,
                     uint64_t* visited, int64_t* depth, int threads,
                     std::vector<std::vector<uint32_t>>* next) {
  const uint64_t* offsets = out.offsets.data();
  const uint32_t* targets = out.targets.data();
  uint64_t scout = 0;
#pragma omp parallel num_threads(threads) reduction(+ : scout)
  {
    std::vector<uint32_t>& mine = (*next)[omp_get_thread_num()];
#pragma omp for schedule(dynamic, 64) nowait
    for (size_t i = 0; i < frontier.size(); ++i) {
      const uint32_t u = frontier[i];
      for (uint64_t e = offsets[u]; e < offsets[u + 1]; ++e) {
        const uint32_t v = targets[e];
        std::atomic_ref<uint64_t> word(visited[v >> 6]);
        const uint64_t bit = uint64_t{1} << (v & 63);
        if (word.load(std::memory_order_relaxed) & bit) continue;
        if (word.fetch_or(bit, std::memory_order_relaxed) & bit) continue;  // another thread won
        depth[v] = level;
        mine.push_back(v);
        scout += offsets[v + 1] - offsets[v];
      }
    }
  }
  return scout;
}

// One bottom-up level: every unvisited vertex with an in-neighbour in `frontier` gets depth
// `level` and a bit in `next` (all zero on entry). Returns how many vertices it woke.
uint64_t BottomUpStep(const datasets::Csr& in, const uint64_t* frontier, int64_t level,
                      uint64_t* visited, int64_t* depth, uint64_t* next, int threads) {
  const size_t words = (in.num_vertices + 63) / 64;
  const uint64_t* offsets = in.offsets.data();
  const uint32_t* sources = in.targets.data();
  const size_t chunk = WordsPerChunk(words, threads);
  uint64_t awake = 0;
#pragma omp parallel for num_threads(threads) schedule(dynamic, chunk) reduction(+ : awake)
  for (size_t word = 0; word < words; ++word) {
    uint64_t unvisited = ~visited[word];  // padding bits past n are set: never unvisited
    // The next word may belong to another thread, which stores it when done: a relaxed load
    // (a plain move on x86) makes that read well defined; a stale value only misses a prefetch.
    if (word + 1 < words) {
      const uint64_t next_visited =
          std::atomic_ref<uint64_t>(visited[word + 1]).load(std::memory_order_relaxed);
      for (uint64_t ahead = ~next_visited; ahead != 0; ahead &= ahead - 1) {
        __builtin_prefetch(sources + offsets[word * 64 + 64 + __builtin_ctzll(ahead)]);
      }
    }
    uint64_t found = 0;
    while (unvisited != 0) {
      const uint64_t v = word * 64 + static_cast<uint64_t>(__builtin_ctzll(unvisited));
      unvisited &= unvisited - 1;
      for (uint64_t e = offsets[v]; e < offsets[v + 1]; ++e) {
        if (!Test(frontier, sources[e])) continue;
        found |= uint64_t{1} << (v & 63);
        depth[v] = level;
        ++awake;
        break;
      }
    }
    std::atomic_ref<uint64_t>(visited[word])
        .store(visited[word] | found, std::memory_order_relaxed);
    next[word] = found;
  }
  return awake;
}

}  // namespace

std::vector<int64_t> BreadthFirstSearchDirectionOptimizingOpenMP(const datasets::Graph& graph,
                                                                 datasets::VertexId source,
                                                                 int threads) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  threads = std::max(1, threads);
  const uint64_t words = (n + 63) / 64;
  std::vector<int64_t> depth = HugePageArray<int64_t>(n, datasets::kUnreachable);
  std::vector<uint64_t> visited(words, 0), front_bits(words, 0), next_bits(words, 0);
  if (n % 64 != 0) visited.back() = ~uint64_t{0} << (n % 64);  // padding counts as visited
  std::vector<uint32_t> frontier;
  frontier.reserve(n);
  std::vector<std::vector<uint32_t>> next(threads);
  depth[source] = 0;
  visited[source >> 6] |= uint64_t{1} << (source & 63);
  frontier.push_back(source);
  uint64_t edges_to_check = graph.num_edges();
  uint64_t scout = graph.out.Degree(source);
  int64_t level = 0;
  while (!frontier.empty()) {
    if (scout > edges_to_check / kAlpha) {
      // Bottom-up until the frontier is small and shrinking.
      std::fill(front_bits.begin(), front_bits.end(), 0);
      for (const uint32_t v : frontier) front_bits[v >> 6] |= uint64_t{1} << (v & 63);
      uint64_t awake = frontier.size(), previous;
      do {
        previous = awake;
        awake = BottomUpStep(graph.in, front_bits.data(), ++level, visited.data(), depth.data(),
                             next_bits.data(), threads);
        front_bits.swap(next_bits);
      } while (awake >= previous || awake > n / kBeta);
      frontier.clear();
      for (uint64_t word = 0; word < words; ++word) {
        for (uint64_t bits = front_bits[word]; bits != 0; bits &= bits - 1) {
          frontier.push_back(static_cast<uint32_t>(word * 64 + __builtin_ctzll(bits)));
        }
      }
      scout = 1;  // GAP's reset: re-measure from the next top-down step
    } else {
      edges_to_check -= std::min(edges_to_check, scout);
      scout =
          TopDownStep(graph.out, frontier, ++level, visited.data(), depth.data(), threads, &next);
      frontier.clear();
      for (std::vector<uint32_t>& part : next) {
        frontier.insert(frontier.end(), part.begin(), part.end());
        part.clear();
      }
    }
  }
  return depth;
}

}  // namespace cost::parallel
