// Edge list -> out-CSR and its transpose.
//
// Steps: count arcs per row, place them with a counting sort (atomic cursors, so the order
// inside a row is arbitrary), sort and dedupe each row, compact into exact-size arrays, then
// transpose. Every row is sorted before it is used, so the result does not depend on how
// threads interleaved. A symmetrised graph is its own transpose, so `in` shares `out`'s arrays.
//
// BuildStats: input_edges = edges.num_edges(); self_loops_dropped = input edges with src == dst;
// duplicates_removed = arcs removed by deduplication *after* symmetrisation, so that
//   num_edges = (input_edges - self_loops_dropped) * (symmetrize ? 2 : 1) - duplicates_removed.
// (With symmetrize, an input pair (u,v), (v,u) counts two duplicates.)
#include "datasets/csr_build.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "datasets/dataset_error.h"

namespace cost::datasets {
namespace {

// What a built Graph's spans point into.
struct CsrStorage {
  std::vector<EdgeIndex> out_offsets;
  std::vector<VertexId> out_targets;
  std::vector<EdgeIndex> in_offsets;  // empty when `in` shares `out`
  std::vector<VertexId> in_targets;
  std::vector<uint64_t> original_ids;
};

void CheckInput(const EdgeList& edges) {
  if (edges.num_vertices > (uint64_t{1} << 32)) {
    throw DatasetError("edge list: " + std::to_string(edges.num_vertices) +
                       " vertices do not fit 32-bit ids");
  }
  if (edges.dst.size() != edges.src.size()) {
    throw DatasetError("edge list: src and dst have different lengths");
  }
  if (!edges.original_ids.empty() && edges.original_ids.size() != edges.num_vertices) {
    throw DatasetError("edge list: original_ids has " + std::to_string(edges.original_ids.size()) +
                       " entries for " + std::to_string(edges.num_vertices) + " vertices");
  }
  const uint64_t n = edges.num_vertices;
  const uint64_t m = edges.num_edges();
  uint64_t bad = 0;  // one past the largest out-of-range id, or 0
#pragma omp parallel for schedule(static) reduction(max : bad)
  for (uint64_t e = 0; e < m; ++e) {
    if (edges.src[e] >= n) bad = std::max<uint64_t>(bad, edges.src[e] + uint64_t{1});
    if (edges.dst[e] >= n) bad = std::max<uint64_t>(bad, edges.dst[e] + uint64_t{1});
  }
  if (bad != 0) {
    throw DatasetError("edge list: vertex id " + std::to_string(bad - 1) + " is not below " +
                       std::to_string(n));
  }
}

// Exclusive prefix sum of counts[0..n) into offsets[0..n]; returns the total.
std::vector<EdgeIndex> OffsetsFromCounts(const std::vector<EdgeIndex>& counts) {
  std::vector<EdgeIndex> offsets(counts.size() + 1);
  offsets[0] = 0;
  for (size_t v = 0; v < counts.size(); ++v) offsets[v + 1] = offsets[v] + counts[v];
  return offsets;
}

// Out-rows with self-loops dropped and (optionally) reverse arcs added; rows unsorted, with
// duplicates. Returns the offsets; fills *targets.
std::vector<EdgeIndex> ScatterArcs(const EdgeList& edges, bool symmetrize,
                                   std::vector<VertexId>* targets) {
  const uint64_t m = edges.num_edges();
  std::vector<EdgeIndex> counts(edges.num_vertices, 0);
#pragma omp parallel for schedule(static)
  for (uint64_t e = 0; e < m; ++e) {
    const VertexId u = edges.src[e], v = edges.dst[e];
    if (u == v) continue;
    std::atomic_ref<EdgeIndex>(counts[u]).fetch_add(1, std::memory_order_relaxed);
    if (symmetrize) std::atomic_ref<EdgeIndex>(counts[v]).fetch_add(1, std::memory_order_relaxed);
  }
  std::vector<EdgeIndex> offsets = OffsetsFromCounts(counts);
  std::copy(offsets.begin(), offsets.end() - 1, counts.begin());  // counts become cursors
  targets->resize(offsets.back());
  VertexId* out = targets->data();
#pragma omp parallel for schedule(static)
  for (uint64_t e = 0; e < m; ++e) {
    const VertexId u = edges.src[e], v = edges.dst[e];
    if (u == v) continue;
    out[std::atomic_ref<EdgeIndex>(counts[u]).fetch_add(1, std::memory_order_relaxed)] = v;
    if (symmetrize) {
      out[std::atomic_ref<EdgeIndex>(counts[v]).fetch_add(1, std::memory_order_relaxed)] = u;
    }
  }
  return offsets;
}

// Sorts every row; with `dedupe`, also removes repeats and compacts into exact-size arrays.
void SortRows(bool dedupe, std::vector<EdgeIndex>* offsets, std::vector<VertexId>* targets) {
  const int64_t n = static_cast<int64_t>(offsets->size()) - 1;
  std::vector<EdgeIndex> kept(n);
  EdgeIndex* off = offsets->data();
  VertexId* t = targets->data();
#pragma omp parallel for schedule(dynamic, 1024)
  for (int64_t v = 0; v < n; ++v) {
    std::sort(t + off[v], t + off[v + 1]);
    kept[v] = dedupe ? std::unique(t + off[v], t + off[v + 1]) - (t + off[v]) : off[v + 1] - off[v];
  }
  if (!dedupe) return;
  std::vector<EdgeIndex> new_offsets = OffsetsFromCounts(kept);
  std::vector<VertexId> new_targets(new_offsets.back());
#pragma omp parallel for schedule(dynamic, 1024)
  for (int64_t v = 0; v < n; ++v) {
    std::copy(t + off[v], t + off[v] + kept[v], new_targets.data() + new_offsets[v]);
  }
  *offsets = std::move(new_offsets);
  *targets = std::move(new_targets);
}

// In-CSR from a sorted, deduplicated out-CSR: row v lists the sources of v's in-arcs, ascending.
void Transpose(const std::vector<EdgeIndex>& out_offsets, const std::vector<VertexId>& out_targets,
               std::vector<EdgeIndex>* in_offsets, std::vector<VertexId>* in_targets) {
  const int64_t n = static_cast<int64_t>(out_offsets.size()) - 1;
  std::vector<EdgeIndex> counts(n, 0);
#pragma omp parallel for schedule(static)
  for (uint64_t i = 0; i < out_targets.size(); ++i) {
    std::atomic_ref<EdgeIndex>(counts[out_targets[i]]).fetch_add(1, std::memory_order_relaxed);
  }
  *in_offsets = OffsetsFromCounts(counts);
  std::copy(in_offsets->begin(), in_offsets->end() - 1, counts.begin());
  in_targets->resize(out_targets.size());
  VertexId* in = in_targets->data();
#pragma omp parallel for schedule(dynamic, 1024)
  for (int64_t u = 0; u < n; ++u) {
    for (EdgeIndex i = out_offsets[u]; i < out_offsets[u + 1]; ++i) {
      const VertexId v = out_targets[i];
      in[std::atomic_ref<EdgeIndex>(counts[v]).fetch_add(1, std::memory_order_relaxed)] =
          static_cast<VertexId>(u);
    }
  }
  SortRows(/*dedupe=*/false, in_offsets, in_targets);
}

}  // namespace

Graph BuildGraph(const EdgeList& edges, const BuildOptions& options, BuildStats* stats) {
  CheckInput(edges);
  auto storage = std::make_shared<CsrStorage>();
  storage->out_offsets = ScatterArcs(edges, options.symmetrize, &storage->out_targets);
  const uint64_t arcs_before_dedupe = storage->out_targets.size();
  SortRows(/*dedupe=*/true, &storage->out_offsets, &storage->out_targets);
  if (!options.symmetrize) {
    Transpose(storage->out_offsets, storage->out_targets, &storage->in_offsets,
              &storage->in_targets);
  }
  storage->original_ids = edges.original_ids;
  if (storage->original_ids.empty()) {
    storage->original_ids.resize(edges.num_vertices);
    std::iota(storage->original_ids.begin(), storage->original_ids.end(), uint64_t{0});
  }

  Graph graph;
  graph.out = {edges.num_vertices, storage->out_offsets, storage->out_targets};
  graph.in = options.symmetrize ? graph.out
                                : Csr{edges.num_vertices, storage->in_offsets, storage->in_targets};
  graph.original_ids = storage->original_ids;
  graph.symmetric = options.symmetrize;
  graph.storage = std::move(storage);

  if (stats != nullptr) {
    const uint64_t m = edges.num_edges();
    const uint64_t non_loops = (options.symmetrize ? arcs_before_dedupe / 2 : arcs_before_dedupe);
    stats->input_edges = m;
    stats->self_loops_dropped = m - non_loops;
    stats->duplicates_removed = arcs_before_dedupe - graph.num_edges();
  }
  return graph;
}

}  // namespace cost::datasets
