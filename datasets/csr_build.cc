// Edge list -> out-CSR and its transpose.
//
// The plain form is: count arcs per row, scatter each arc to its row, sort and dedupe each row,
// compact. Scattering straight into a big targets array writes to a random place per arc (a
// cache miss each), so the scatter is split in two cache-friendly counting sorts:
//   1. Bucket: arcs are partitioned by source into buckets of 2^shift consecutive vertices. Each
//      thread counts, then writes, its own contiguous part of the input into its own slot of each
//      bucket, so every thread writes to a few thousand sequential streams.
//   2. Rows: each bucket (sized to fit the L2 cache) is counting-sorted by source into rows in a
//      per-thread scratch array; each row is sorted and deduplicated there, and the compacted
//      bucket is written back over the start of its keys.
//   3. Place: offsets are the prefix sum of the kept row lengths; buckets are copied into place.
// Every row is sorted and deduplicated before it is placed, so the result does not depend on
// the thread count or on how threads interleaved. A symmetrised graph is its own transpose, so
// `in` shares `out`'s arrays; otherwise the transpose runs the same steps on the reversed arcs.
//
// BuildStats: input_edges = edges.num_edges(); self_loops_dropped = input edges with src == dst;
// duplicates_removed = arcs removed by deduplication *after* symmetrisation, so that
//   num_edges = (input_edges - self_loops_dropped) * (symmetrize ? 2 : 1) - duplicates_removed.
// (With symmetrize, an input pair (u,v), (v,u) counts two duplicates.)
#include "datasets/csr_build.h"

#include <omp.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <memory>
#include <numeric>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "datasets/dataset_error.h"

namespace cost::datasets {
namespace {

// An array left uninitialised, so that the threads that fill it also fault its pages in
// (std::vector would zero it on one thread first).
template <typename T>
struct RawArray {
  std::unique_ptr<T[]> data;
  uint64_t size = 0;

  RawArray() = default;
  explicit RawArray(uint64_t n) : data(new T[n]), size(n) {}
  std::span<const T> view() const { return {data.get(), size}; }
};

// What a built Graph's spans point into.
struct CsrStorage {
  std::vector<EdgeIndex> out_offsets;
  RawArray<VertexId> out_targets;
  std::vector<EdgeIndex> in_offsets;  // empty when `in` shares `out`
  RawArray<VertexId> in_targets;
  std::vector<uint64_t> original_ids;
  std::vector<uint32_t> out_degrees;
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

// Vertex v belongs to bucket v >> shift.
struct Buckets {
  int shift = 0;
  uint64_t count = 0;
};

// About 16K arcs per bucket keep step 2's keys, scratch and counters in L2; at most 4096
// buckets keep step 1's write streams (one cache line each per thread) in L2 too. A bucket
// spans at most 2^16 vertices, so its row counters stay small however sparse the graph.
Buckets ChooseBuckets(uint64_t n, uint64_t max_arcs) {
  constexpr int kMaxShift = 16;
  const uint64_t wanted = std::clamp<uint64_t>(max_arcs / 16384, 1, 4096);
  Buckets b;
  auto count_for = [n](int shift) { return (n + (uint64_t{1} << shift) - 1) >> shift; };
  while (b.shift < kMaxShift && count_for(b.shift) > wanted) ++b.shift;
  b.count = count_for(b.shift);
  return b;
}

// Step 1's output: bucket b's arcs are keys[starts[b], starts[b+1]), each key
// (source - first vertex of b) << 32 | target, in an order that depends on the thread count.
struct BucketedArcs {
  Buckets buckets;
  std::vector<uint64_t> starts;
  RawArray<uint64_t> keys;
};

// Step 1. for_each_arc(part, sink) calls sink(u, v) for every arc of input part `part` in
// [0, parts), the same arcs in the same order each time it is called.
template <typename ForEachArc>
BucketedArcs BucketArcs(uint64_t n, uint64_t max_arcs, int parts, ForEachArc for_each_arc) {
  BucketedArcs result;
  const Buckets b = result.buckets = ChooseBuckets(n, max_arcs);
  const uint64_t mask = (uint64_t{1} << b.shift) - 1;
  // slot[p * b.count + k]: arcs of part p in bucket k, then where part p writes its next one.
  std::vector<uint64_t> slot(static_cast<uint64_t>(parts) * b.count, 0);
#pragma omp parallel for schedule(static, 1)
  for (int p = 0; p < parts; ++p) {
    uint64_t* count = slot.data() + p * b.count;
    for_each_arc(p, [&](VertexId u, VertexId) { ++count[u >> b.shift]; });
  }
  // Bucket-major, part-minor exclusive prefix sum: part p's arcs of bucket k follow those of
  // the parts before it.
  result.starts.resize(b.count + 1);
  uint64_t sum = 0;
  for (uint64_t k = 0; k < b.count; ++k) {
    result.starts[k] = sum;
    for (int p = 0; p < parts; ++p) sum += std::exchange(slot[p * b.count + k], sum);
  }
  result.starts[b.count] = sum;
  result.keys = RawArray<uint64_t>(sum);
  uint64_t* keys = result.keys.data.get();
#pragma omp parallel for schedule(static, 1)
  for (int p = 0; p < parts; ++p) {
    uint64_t* cursor = slot.data() + p * b.count;
    for_each_arc(p, [&](VertexId u, VertexId v) {
      keys[cursor[u >> b.shift]++] = (uint64_t{u & mask} << 32) | v;
    });
  }
  return result;
}

// Per-thread buffers for step 2, reused from bucket to bucket.
struct BucketScratch {
  std::vector<uint64_t> keys[2];
  std::vector<VertexId> targets;
  std::vector<uint64_t> row_end;
};

constexpr int kDigitBits = 11;
constexpr uint64_t kDigitValues = uint64_t{1} << kDigitBits;
// Below this many arcs a bucket's rows are sorted with std::sort: clearing the radix counters
// would cost more than the sort.
constexpr uint64_t kMinRadixArcs = 2048;

// Step 2 for one bucket: its arcs' targets grouped by row into s->targets, row r ending at
// s->row_end[r]; with sort_targets, ascending within each row.
//
// Plain form: counting sort by row, then std::sort each row. For buckets of kMinRadixArcs and
// more, LSD counting sorts on the target's 11-bit digits come first instead, then the (stable)
// one by row: all in cache, and a hub's row of 10^5 arcs costs no more per arc than a short one.
void SortBucket(std::span<const uint64_t> keys, uint64_t rows, int target_bits, bool sort_targets,
                BucketScratch* s) {
  const uint64_t size = keys.size();
  const bool radix = sort_targets && size >= kMinRadixArcs;
  if (radix) {
    const int digits = (target_bits + kDigitBits - 1) / kDigitBits;
    std::vector<uint64_t> count(digits * kDigitValues, 0);
    for (const uint64_t key : keys) {
      for (int d = 0; d < digits; ++d)
        ++count[d * kDigitValues + ((key >> (d * kDigitBits)) & (kDigitValues - 1))];
    }
    s->keys[0].resize(size);
    s->keys[1].resize(size);
    int current = -1;  // which s->keys holds the keys; -1: still `keys`
    for (int d = 0; d < digits; ++d) {
      uint64_t* c = count.data() + d * kDigitValues;
      const int shift = d * kDigitBits;
      const uint64_t* from = current < 0 ? keys.data() : s->keys[current].data();
      if (c[(from[0] >> shift) & (kDigitValues - 1)] == size) continue;  // one value: no pass
      uint64_t sum = 0;
      for (uint64_t v = 0; v < kDigitValues; ++v) sum += std::exchange(c[v], sum);
      uint64_t* to = s->keys[current == 0 ? 1 : 0].data();
      for (uint64_t i = 0; i < size; ++i)
        to[c[(from[i] >> shift) & (kDigitValues - 1)]++] = from[i];
      current = current == 0 ? 1 : 0;
    }
    if (current >= 0) keys = s->keys[current];
  }
  // Counting sort by row (stable): row_end[r] is first where row r starts, then where it ends.
  s->row_end.assign(rows + 1, 0);
  for (const uint64_t key : keys) ++s->row_end[(key >> 32) + 1];
  for (uint64_t r = 0; r < rows; ++r) s->row_end[r + 1] += s->row_end[r];
  s->targets.resize(size);
  for (const uint64_t key : keys) {
    s->targets[s->row_end[key >> 32]++] = static_cast<VertexId>(key);
  }
  if (sort_targets && !radix) {
    for (uint64_t r = 0, begin = 0; r < rows; begin = s->row_end[r++]) {
      std::sort(s->targets.begin() + begin, s->targets.begin() + s->row_end[r]);
    }
  }
}

// Steps 2 and 3: rows from the bucketed arcs. With `sort_rows`, each row is sorted (and with
// `dedupe` also deduplicated); without, rows keep the order of their keys within the bucket.
// Fills offsets (n + 1 entries) and returns the targets. Frees arcs->keys.
RawArray<VertexId> PlaceRows(uint64_t n, BucketedArcs* arcs, bool sort_rows, bool dedupe,
                             std::vector<EdgeIndex>* offsets) {
  const Buckets b = arcs->buckets;
  const uint64_t span = uint64_t{1} << b.shift;
  const int target_bits = n <= 1 ? 0 : std::bit_width(n - 1);
  offsets->assign(n + 1, 0);
  std::vector<uint64_t> kept_in_bucket(b.count);
  // The compacted targets of a bucket (4 bytes each) overwrite the start of its keys (8 bytes
  // each); memcpy, as the bytes change type.
  char* key_bytes = reinterpret_cast<char*>(arcs->keys.data.get());
#pragma omp parallel
  {
    BucketScratch scratch;
#pragma omp for schedule(dynamic, 1)
    for (uint64_t k = 0; k < b.count; ++k) {
      const uint64_t first = k << b.shift;
      const uint64_t rows = std::min(n - first, span);
      const std::span<const uint64_t> keys(arcs->keys.data.get() + arcs->starts[k],
                                           arcs->starts[k + 1] - arcs->starts[k]);
      SortBucket(keys, rows, target_bits, sort_rows, &scratch);
      VertexId* const t = scratch.targets.data();
      uint64_t written = 0;
      for (uint64_t r = 0, begin = 0; r < rows; begin = scratch.row_end[r++]) {
        VertexId* const end =
            dedupe ? std::unique(t + begin, t + scratch.row_end[r]) : t + scratch.row_end[r];
        const uint64_t length = end - (t + begin);
        std::copy(t + begin, end, t + written);  // moves left or stays: safe
        (*offsets)[first + r + 1] = length;
        written += length;
      }
      // An empty bucket has no scratch memory (t may be null, which memcpy must not get).
      if (written > 0) {
        std::memcpy(key_bytes + arcs->starts[k] * sizeof(uint64_t), t, written * sizeof(VertexId));
      }
      kept_in_bucket[k] = written;
    }
  }
  std::partial_sum(offsets->begin(), offsets->end(), offsets->begin());
  RawArray<VertexId> targets(offsets->back());
#pragma omp parallel for schedule(dynamic, 16)
  for (uint64_t k = 0; k < b.count; ++k) {
    if (kept_in_bucket[k] == 0) continue;  // nothing to copy, and the arrays may be null
    std::memcpy(targets.data.get() + (*offsets)[k << b.shift],
                key_bytes + arcs->starts[k] * sizeof(uint64_t),
                kept_in_bucket[k] * sizeof(VertexId));
  }
  arcs->keys = {};
  return targets;
}

// How many parts to split the input into: one per thread (any number gives the same graph).
int Parts() { return std::max(1, omp_get_max_threads()); }

// The out-CSR: self-loops dropped, reverse arcs added when symmetrising, rows sorted and
// deduplicated. Returns the arcs there were before deduplication.
uint64_t BuildOut(const EdgeList& edges, bool symmetrize, std::vector<EdgeIndex>* offsets,
                  RawArray<VertexId>* targets) {
  const uint64_t m = edges.num_edges();
  const int parts = Parts();
  const VertexId* src = edges.src.data();
  const VertexId* dst = edges.dst.data();
  BucketedArcs arcs =
      BucketArcs(edges.num_vertices, symmetrize ? 2 * m : m, parts, [&](int part, auto&& sink) {
        const uint64_t begin = m * part / parts, end = m * (part + 1) / parts;
        for (uint64_t e = begin; e < end; ++e) {
          const VertexId u = src[e], v = dst[e];
          if (u == v) continue;
          sink(u, v);
          if (symmetrize) sink(v, u);
        }
      });
  const uint64_t arcs_before_dedupe = arcs.starts.back();
  *targets = PlaceRows(edges.num_vertices, &arcs, /*sort_rows=*/true, /*dedupe=*/true, offsets);
  return arcs_before_dedupe;
}

// The in-CSR of a sorted, deduplicated out-CSR: row v lists the sources of v's in-arcs. Parts
// are ranges of sources in ascending order, each holding about the same number of arcs, and
// both counting sorts are stable, so each row comes out ascending without sorting.
void Transpose(uint64_t n, const std::vector<EdgeIndex>& out_offsets,
               const RawArray<VertexId>& out_targets, std::vector<EdgeIndex>* in_offsets,
               RawArray<VertexId>* in_targets) {
  const uint64_t arcs_total = out_targets.size;
  const int parts = Parts();
  std::vector<uint64_t> first_vertex(parts + 1);
  for (int p = 0; p <= parts; ++p) {
    const uint64_t arc = arcs_total * p / parts;
    first_vertex[p] =
        std::lower_bound(out_offsets.begin(), out_offsets.end() - 1, arc) - out_offsets.begin();
  }
  first_vertex[parts] = n;
  const VertexId* targets = out_targets.data.get();
  BucketedArcs arcs = BucketArcs(n, arcs_total, parts, [&](int part, auto&& sink) {
    for (uint64_t u = first_vertex[part]; u < first_vertex[part + 1]; ++u) {
      for (EdgeIndex i = out_offsets[u]; i < out_offsets[u + 1]; ++i) {
        sink(targets[i], static_cast<VertexId>(u));
      }
    }
  });
  *in_targets = PlaceRows(n, &arcs, /*sort_rows=*/false, /*dedupe=*/false, in_offsets);
}

}  // namespace

Graph BuildGraph(const EdgeList& edges, const BuildOptions& options, BuildStats* stats) {
  CheckInput(edges);
  const uint64_t n = edges.num_vertices;
  auto storage = std::make_shared<CsrStorage>();
  const uint64_t arcs_before_dedupe =
      BuildOut(edges, options.symmetrize, &storage->out_offsets, &storage->out_targets);
  if (!options.symmetrize) {
    Transpose(n, storage->out_offsets, storage->out_targets, &storage->in_offsets,
              &storage->in_targets);
  }
  storage->original_ids = edges.original_ids;
  if (storage->original_ids.empty()) {
    storage->original_ids.resize(n);
    std::iota(storage->original_ids.begin(), storage->original_ids.end(), uint64_t{0});
  }

  storage->out_degrees.resize(n);
#pragma omp parallel for schedule(static)
  for (uint64_t v = 0; v < n; ++v) {
    storage->out_degrees[v] =
        static_cast<uint32_t>(storage->out_offsets[v + 1] - storage->out_offsets[v]);
  }

  Graph graph;
  graph.out = {n, storage->out_offsets, storage->out_targets.view()};
  graph.out_degrees = storage->out_degrees;
  graph.in =
      options.symmetrize ? graph.out : Csr{n, storage->in_offsets, storage->in_targets.view()};
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
