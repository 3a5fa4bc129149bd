// BFS, one thread, direction-optimizing: top-down steps while the frontier is small, bottom-up
// steps while it is large (Beamer, Asanovic, Patterson, "Direction-Optimizing Breadth-First
// Search", SC 2012; the GAP Benchmark Suite's bfs.cc is the model, not the source).
//
// Top-down (the serial:bfs step): every frontier vertex scans its out-edges for unvisited
// vertices. Bottom-up: every unvisited vertex scans its in-edges (graph.in) for one parent in the
// frontier and stops at the first: on a small-world graph the two or three middle levels hold
// most vertices, almost every unvisited vertex finds a parent among its first few in-edges, and
// most of the edges are never read. The frontier is a queue in top-down and a bitmap (n bits,
// L2-resident) in bottom-up. Switching heuristics (GAP's, Beamer's alpha = 15, beta = 18): go
// bottom-up when the frontier's out-edges exceed 1/alpha of the edges not yet explored; go back
// top-down when the frontier shrinks below n/beta vertices and is shrinking.
//
// The visited test in both directions reads a bitmap, not the 8-byte depth array: one bit per
// vertex keeps it in L2 (512 KiB at 2^22 vertices), where the int64 depths (32 MiB) would miss
// on every probe of the top-down step.
// Depths are unique, so the output is the same as serial:bfs's, vertex for vertex.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "baselines/bfs.h"
#include "baselines/huge_pages.h"
#include "datasets/kernel_definitions.h"

namespace cost::baselines {
namespace {

constexpr uint64_t kAlpha = 15;
constexpr uint64_t kBeta = 18;

bool Test(const uint64_t* bits, uint64_t v) { return (bits[v >> 6] >> (v & 63)) & 1; }
void Set(uint64_t* bits, uint64_t v) { bits[v >> 6] |= uint64_t{1} << (v & 63); }

// One top-down level: expands `frontier` into `next`, marking and giving depth `level`.
// Returns the out-degree sum of the vertices it discovered (the next step's "scout count").
uint64_t TopDownStep(const datasets::Csr& out, const std::vector<uint32_t>& frontier, int64_t level,
                     uint64_t* visited, int64_t* depth, std::vector<uint32_t>* next) {
  const uint64_t* offsets = out.offsets.data();
  const uint32_t* targets = out.targets.data();
  uint64_t scout = 0;
  // Plain form: for u in frontier: for v in out.Neighbors(u): if unvisited, visit v, push v.
  for (const uint32_t u : frontier) {
    for (uint64_t e = offsets[u]; e < offsets[u + 1]; ++e) {
      const uint32_t v = targets[e];
      if (Test(visited, v)) continue;
      Set(visited, v);
      depth[v] = level;
      next->push_back(v);
      scout += offsets[v + 1] - offsets[v];
    }
  }
  return scout;
}

// One bottom-up level: every unvisited vertex with an in-neighbour in `frontier` gets depth
// `level` and a bit in `next`. Returns how many vertices it woke.
uint64_t BottomUpStep(const datasets::Csr& in, const uint64_t* frontier, int64_t level,
                      uint64_t* visited, int64_t* depth, uint64_t* next) {
  const uint64_t words = (in.num_vertices + 63) / 64;
  const uint64_t* offsets = in.offsets.data();
  const uint32_t* sources = in.targets.data();
  uint64_t awake = 0;
  // Plain form: for v unvisited: if any u in in.Neighbors(v) is in frontier: visit v.
  // The word loop skips 64 visited vertices at a time: late levels are mostly visited.
  for (uint64_t word = 0; word < words; ++word) {
    uint64_t unvisited = ~visited[word];  // padding bits past n are set: never unvisited
    // Most vertices stop at their first or second in-edge, so each costs one cache miss on its
    // row, and the unpredictable early exit keeps the core from running ahead to the next row:
    // prefetching the rows of the next word's unvisited vertices overlaps those misses (what it
    // gained: docs/implementations.md, "Design choices, measured").
    if (word + 1 < words) {
      for (uint64_t ahead = ~visited[word + 1]; ahead != 0; ahead &= ahead - 1) {
        __builtin_prefetch(sources + offsets[word * 64 + 64 + __builtin_ctzll(ahead)]);
      }
    }
    while (unvisited != 0) {
      const uint64_t v = word * 64 + static_cast<uint64_t>(__builtin_ctzll(unvisited));
      unvisited &= unvisited - 1;
      for (uint64_t e = offsets[v]; e < offsets[v + 1]; ++e) {
        if (!Test(frontier, sources[e])) continue;
        visited[word] |= uint64_t{1} << (v & 63);
        next[word] |= uint64_t{1} << (v & 63);
        depth[v] = level;
        ++awake;
        break;
      }
    }
  }
  return awake;
}

}  // namespace

std::vector<int64_t> BreadthFirstSearchDirectionOptimizing(const datasets::Graph& graph,
                                                           datasets::VertexId source) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  const uint64_t words = (n + 63) / 64;
  std::vector<int64_t> depth = HugePageVector(n, datasets::kUnreachable);
  std::vector<uint64_t> visited(words, 0), front_bits(words, 0), next_bits(words, 0);
  if (n % 64 != 0) visited.back() = ~uint64_t{0} << (n % 64);  // padding counts as visited
  std::vector<uint32_t> frontier, next;
  frontier.reserve(n);
  next.reserve(n);
  depth[source] = 0;
  Set(visited.data(), source);
  frontier.push_back(source);
  uint64_t edges_to_check = graph.num_edges();
  uint64_t scout = graph.out.Degree(source);
  int64_t level = 0;
  while (!frontier.empty()) {
    if (scout > edges_to_check / kAlpha) {
      // Bottom-up until the frontier is small and shrinking.
      std::fill(front_bits.begin(), front_bits.end(), 0);
      for (const uint32_t v : frontier) Set(front_bits.data(), v);
      uint64_t awake = frontier.size(), previous;
      do {
        previous = awake;
        std::fill(next_bits.begin(), next_bits.end(), 0);
        awake = BottomUpStep(graph.in, front_bits.data(), ++level, visited.data(), depth.data(),
                             next_bits.data());
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
      next.clear();
      scout = TopDownStep(graph.out, frontier, ++level, visited.data(), depth.data(), &next);
      frontier.swap(next);
    }
  }
  return depth;
}

}  // namespace cost::baselines
