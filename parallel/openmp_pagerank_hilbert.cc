// PageRank, push over the arcs in Hilbert-curve order (graph.hilbert_src/dst), OpenMP.
//
// The serial sibling (baselines/pagerank_hilbert.cc) adds share[u] to next[v] for every arc in
// curve order. Run in parallel as is, two threads would add to the same next[v]. Two ways out:
// per-thread next[] copies summed afterwards (T*n doubles more memory and a T*n reduction every
// iteration: at scale 22 and 2 threads another 100 MB of traffic per iteration against ~1 GB of
// arcs), or giving each thread the arcs of its own destinations. We do the second, and it costs
// no copy of the arcs: every aligned 2^s x 2^s square of the adjacency matrix is one contiguous
// run of the Hilbert stream (the curve visits a square's cells before leaving it), so the stream
// cuts into tiles (src >> s, dst >> s) by a search over curve indices, with no pass over the
// arcs. Each column of tiles (one destination range) belongs to one thread; columns are dealt
// out in contiguous, arc-balanced ranges, and a thread walks its tiles in stream order. So:
//   - no two threads write the same next[v]: no atomics, no reduction of next[];
//   - each thread keeps the curve's locality within its tiles (sources and destinations);
//   - every next[v] sums its arcs in the serial order, so the ranks equal the serial ones up to
//     the order of the dangling sum (an OpenMP reduction).
// At one thread this is the serial loop plus the tile search (O(tiles log m)).
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, Table 4
// (Hilbert order); LDBC Graphalytics specification, PageRank.
#include <omp.h>

#include <algorithm>
#include <bit>

#include "datasets/hilbert.h"
#include "datasets/hilbert_layout.h"
#include "parallel/openmp.h"
#include "parallel/thread_arrays.h"

namespace cost::parallel {
namespace {

// Arcs [begin, end) of the stream, all in one tile; column = dst >> shift of each of them.
struct Tile {
  uint64_t begin, end;
  uint32_t column;
};

// Cuts the Hilbert-ordered arcs into their tiles of side 2^shift, in stream order. The tile of
// arc e is HilbertIndex(src[e], dst[e]) >> 2*shift, non-decreasing along the stream, so each
// tile's end is found by a galloping search from its start.
std::vector<Tile> TilesOf(const uint32_t* src, const uint32_t* dst, uint64_t m, int shift) {
  auto tile_of = [&](uint64_t e) { return datasets::HilbertIndex(src[e], dst[e]) >> (2 * shift); };
  std::vector<Tile> tiles;
  for (uint64_t begin = 0; begin < m;) {
    const uint64_t key = tile_of(begin);
    // Gallop: the first `end` past begin whose tile differs lies in (begin + step/2, begin + step].
    uint64_t step = 1;
    while (begin + step < m && tile_of(begin + step) == key) step *= 2;
    uint64_t lo = begin + step / 2, hi = std::min(begin + step, m);  // tile_of(lo) == key
    while (hi - lo > 1) {
      const uint64_t mid = lo + (hi - lo) / 2;
      (tile_of(mid) == key ? lo : hi) = mid;
    }
    tiles.push_back({begin, hi, dst[begin] >> shift});
    begin = hi;
  }
  return tiles;
}

// tiles_of_part[p]: the tiles (in stream order) whose columns fall in part p's column range;
// the ranges are contiguous and hold about m/parts arcs each.
std::vector<std::vector<Tile>> DealColumns(const std::vector<Tile>& tiles, uint64_t columns,
                                           uint64_t m, int parts) {
  std::vector<uint64_t> arcs_before(columns + 1, 0);  // prefix sums of arcs per column
  for (const Tile& tile : tiles) arcs_before[tile.column + 1] += tile.end - tile.begin;
  for (uint64_t c = 0; c < columns; ++c) arcs_before[c + 1] += arcs_before[c];
  std::vector<int> part_of(columns);
  for (uint64_t c = 0; c < columns; ++c) {
    // The part whose share of the arcs holds the column's first arc.
    const uint64_t p = m == 0 ? 0 : arcs_before[c] * static_cast<uint64_t>(parts) / m;
    part_of[c] = static_cast<int>(std::min<uint64_t>(p, parts - 1));
  }
  std::vector<std::vector<Tile>> tiles_of_part(parts);
  for (const Tile& tile : tiles) tiles_of_part[part_of[tile.column]].push_back(tile);
  return tiles_of_part;
}

}  // namespace

std::vector<double> PageRankPushHilbertOpenMP(const datasets::Graph& graph,
                                              const datasets::PageRankOptions& options,
                                              int threads) {
  datasets::RequireEdgeLayout(graph, datasets::EdgeLayout::kHilbert);
  const uint64_t n = graph.num_vertices(), m = graph.num_edges();
  if (n == 0) return {};
  threads = std::max(1, threads);
  // At least 16 columns per thread, so a few heavy columns cannot unbalance the deal.
  const int id_bits = std::bit_width(n - 1);
  const int column_bits = std::bit_width(static_cast<uint64_t>(16 * threads - 1));
  const int shift = std::max(0, id_bits - column_bits);
  const uint64_t columns = ((n - 1) >> shift) + 1;
  const uint32_t* src = graph.hilbert_src.data();
  const uint32_t* dst = graph.hilbert_dst.data();
  const std::vector<std::vector<Tile>> tiles_of_part =
      DealColumns(TilesOf(src, dst, m, shift), columns, m, threads);

  const double d = options.damping;
  std::vector<double> rank = HugePageArray(n, 1.0 / static_cast<double>(n));
  std::vector<double> next = HugePageArray<double>(n);
  const uint64_t* offsets = graph.out.offsets.data();
  double* r = rank.data();
  double* x = next.data();
  double dangling = 0;  // shared; reset by one thread, summed by a reduction
#pragma omp parallel num_threads(threads)
  {
    // The runtime may grant fewer threads than asked: each thread takes every nt-th part.
    const int t = omp_get_thread_num(), nt = omp_get_num_threads();
    for (int iteration = 0; iteration < options.iterations; ++iteration) {
#pragma omp single
      dangling = 0;
#pragma omp for schedule(static) reduction(+ : dangling)
      for (uint64_t u = 0; u < n; ++u) {
        const uint64_t degree = offsets[u + 1] - offsets[u];
        if (degree == 0) dangling += r[u];
        r[u] = degree == 0 ? 0.0 : r[u] / static_cast<double>(degree);  // r holds the share
        x[u] = 0;
      }
      // Plain form: for e in [0, m): next[dst[e]] += share[src[e]], over this thread's tiles.
      for (int part = t; part < threads; part += nt) {
        for (const Tile& tile : tiles_of_part[part]) {
          for (uint64_t e = tile.begin; e < tile.end; ++e) x[dst[e]] += r[src[e]];
        }
      }
      const double base =
          (1.0 - d) / static_cast<double>(n) + d * dangling / static_cast<double>(n);
#pragma omp barrier
#pragma omp for schedule(static)
      for (uint64_t v = 0; v < n; ++v) r[v] = base + d * x[v];
    }
  }
  return rank;
}

}  // namespace cost::parallel
