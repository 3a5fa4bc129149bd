// BFS, direction-optimizing, OpenMP.
//
// Each level is either
//   - top-down: every frontier vertex claims its unvisited out-neighbours with a
//     compare-exchange on their depth (the winner queues it): cost ~ the frontier's out-edges;
//   - bottom-up: every unvisited vertex scans its in-neighbours (graph.in) for one in the
//     frontier (a bitmap) and stops at the first: cost ~ the unvisited vertices' in-edges, cut
//     short, which on low-diameter graphs is far less than the top-down edge count in the
//     middle levels. Each thread owns whole 64-vertex words of the next bitmap: no atomics.
// Switching follows Beamer et al.: go bottom-up when the frontier's out-edges exceed
// (edges not yet explored) / kAlpha while the frontier grows; return top-down when the frontier
// shrinks below n / kBeta. Depths are the same as the serial queue's (baselines/bfs.cc): a
// vertex gets depth d+1 exactly when it is first reached from level d, in either direction.
// Reference: Beamer, Asanovic, Patterson, "Direction-Optimizing Breadth-First Search", SC 2012;
// GAP Benchmark Suite bfs.cc.
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstddef>

#include "datasets/kernel_definitions.h"
#include "parallel/openmp.h"
#include "parallel/thread_arrays.h"

namespace cost::parallel {
namespace {

// The paper's tuned values for its Kronecker and real graphs.
constexpr uint64_t kAlpha = 15;
constexpr uint64_t kBeta = 18;

constexpr int64_t kUnvisited = datasets::kUnreachable;

struct Bitmap {
  explicit Bitmap(uint64_t n) : words((n + 63) / 64, 0) {}
  bool Get(uint64_t v) const { return (words[v >> 6] >> (v & 63)) & 1; }
  std::vector<uint64_t> words;
};

// One top-down level from `frontier`; returns the next frontier's out-edge count. The next
// frontier is left in next[thread] for the caller to concatenate.
uint64_t TopDownStep(const datasets::Csr& out, const std::vector<uint32_t>& frontier, int64_t level,
                     int64_t* depth, int threads, std::vector<std::vector<uint32_t>>* next) {
  uint64_t next_edges = 0;
#pragma omp parallel num_threads(threads) reduction(+ : next_edges)
  {
    std::vector<uint32_t>& mine = (*next)[omp_get_thread_num()];
#pragma omp for schedule(dynamic, 64) nowait
    for (size_t i = 0; i < frontier.size(); ++i) {
      const uint32_t u = frontier[i];
      for (uint64_t e = out.offsets[u]; e < out.offsets[u + 1]; ++e) {
        const uint32_t v = out.targets[e];
        std::atomic_ref<int64_t> dv(depth[v]);
        int64_t seen = dv.load(std::memory_order_relaxed);
        if (seen != kUnvisited) continue;
        if (dv.compare_exchange_strong(seen, level + 1, std::memory_order_relaxed)) {
          mine.push_back(v);
          next_edges += out.offsets[v + 1] - out.offsets[v];
        }
      }
    }
  }
  return next_edges;
}

// One bottom-up level: front holds level `level`; fills next_front with level + 1 and returns
// how many vertices it holds. Only this vertex's thread writes depth[v] and its bitmap word.
uint64_t BottomUpStep(const datasets::Csr& in, const Bitmap& front, int64_t level, int64_t* depth,
                      int threads, Bitmap* next_front) {
  const uint64_t n = in.num_vertices;
  uint64_t awake = 0;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 64) reduction(+ : awake)
  for (size_t w = 0; w < next_front->words.size(); ++w) {
    uint64_t word = 0;
    const uint64_t end = std::min<uint64_t>(n, (w + 1) * 64);
    for (uint64_t v = w * 64; v < end; ++v) {
      if (depth[v] != kUnvisited) continue;
      for (uint64_t e = in.offsets[v]; e < in.offsets[v + 1]; ++e) {
        if (!front.Get(in.targets[e])) continue;
        depth[v] = level + 1;
        word |= uint64_t{1} << (v & 63);
        ++awake;
        break;
      }
    }
    next_front->words[w] = word;
  }
  return awake;
}

void QueueToBitmap(const std::vector<uint32_t>& queue, Bitmap* bitmap) {
  std::fill(bitmap->words.begin(), bitmap->words.end(), 0);
  for (uint32_t v : queue) bitmap->words[v >> 6] |= uint64_t{1} << (v & 63);
}

// The vertices set in `bitmap`, ascending, and their out-edge count.
uint64_t BitmapToQueue(const Bitmap& bitmap, const datasets::Csr& out,
                       std::vector<uint32_t>* queue) {
  queue->clear();
  uint64_t edges = 0;
  for (size_t w = 0; w < bitmap.words.size(); ++w) {
    for (uint64_t word = bitmap.words[w]; word != 0; word &= word - 1) {
      const uint32_t v = static_cast<uint32_t>(w * 64 + std::countr_zero(word));
      queue->push_back(v);
      edges += out.Degree(v);
    }
  }
  return edges;
}

}  // namespace

std::vector<int64_t> BreadthFirstSearchDirectionOptimizingOpenMP(const datasets::Graph& graph,
                                                                 datasets::VertexId source,
                                                                 int threads) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  threads = std::max(1, threads);
  std::vector<int64_t> depth = HugePageArray<int64_t>(n, kUnvisited);
  int64_t* d = depth.data();
  d[source] = 0;
  std::vector<uint32_t> frontier = {source};
  std::vector<std::vector<uint32_t>> next(threads);
  Bitmap front(n), next_front(n);
  uint64_t edges_to_check = graph.num_edges();
  uint64_t frontier_edges = graph.out.Degree(source);
  int64_t level = 0;
  while (!frontier.empty()) {
    if (frontier_edges > edges_to_check / kAlpha) {
      // Bottom-up while the frontier grows or stays large.
      QueueToBitmap(frontier, &front);
      uint64_t awake = frontier.size(), previous;
      do {
        previous = awake;
        awake = BottomUpStep(graph.in, front, level, d, threads, &next_front);
        std::swap(front, next_front);
        ++level;
      } while (awake > 0 && (awake >= previous || awake > n / kBeta));
      frontier_edges = BitmapToQueue(front, graph.out, &frontier);
      continue;
    }
    edges_to_check -= std::min(edges_to_check, frontier_edges);
    frontier_edges = TopDownStep(graph.out, frontier, level, d, threads, &next);
    ++level;
    frontier.clear();
    for (std::vector<uint32_t>& part : next) {
      frontier.insert(frontier.end(), part.begin(), part.end());
      part.clear();
    }
  }
  return depth;
}

}  // namespace cost::parallel
