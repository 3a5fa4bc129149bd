// Building a Graph from a text edge list in three streaming passes; see text_file_build.h. The
// file is read with the streaming text reader (inputs/pair_readers.h) and the ids counted with
// DistinctIds (inputs/distinct_ids.h), the same pieces the bounded-memory builder uses.
#include "datasets/text_file_build.h"

#include <omp.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <numeric>
#include <span>
#include <string>
#include <vector>

#include "datasets/dataset_error.h"
#include "datasets/inputs/byte_source.h"
#include "datasets/inputs/distinct_ids.h"
#include "datasets/inputs/pair_readers.h"
#include "datasets/output_file.h"

namespace cost::datasets {
namespace {

// What the Graph's spans point into.
struct TextGraphStorage {
  std::vector<EdgeIndex> out_offsets, in_offsets;  // in_offsets empty when symmetrised
  std::unique_ptr<VertexId[]> out_targets, in_targets;
  std::vector<uint64_t> original_ids;
  std::vector<uint32_t> out_degrees;
};

// One pass over the file's pairs, in chunks of text of chunk_bytes.
void ForEachPairChunk(const std::string& path, uint64_t chunk_bytes, const PairChunkFn& fn) {
  ByteSource source(path);
  ReadSnapPairs(&source, chunk_bytes, fn);
}

// Pass 1: the distinct ids and the edge count. A line holds two ids in at least 4 bytes, so a
// file of B bytes has at most B / 2 distinct ids: dense ids fall below that and cost one bit.
DistinctIds ScanIds(const std::string& path, uint64_t file_bytes, uint64_t chunk_bytes,
                    uint64_t* edges) {
  DistinctIds ids(file_bytes / 2 + 1024);
  *edges = 0;
  ForEachPairChunk(path, chunk_bytes, [&](std::span<const RawPair> pairs) {
    ids.Add(pairs);
    *edges += pairs.size();
  });
  if (*edges == 0) throw DatasetError(path + ": no edges");
  ids.Finish(path);
  return ids;
}

// Pass 2: arcs per row, counted in offsets[v + 1]; returns the self-loops.
uint64_t CountRows(const std::string& path, uint64_t chunk_bytes, const DistinctIds& ids,
                   EdgeIndex* out_count, EdgeIndex* in_count) {
  uint64_t self_loops = 0;
  ForEachPairChunk(path, chunk_bytes, [&](std::span<const RawPair> pairs) {
    const int64_t size = static_cast<int64_t>(pairs.size());
    uint64_t loops = 0;
#pragma omp parallel for schedule(static) reduction(+ : loops)
    for (int64_t i = 0; i < size; ++i) {
      const VertexId u = ids.Rank(pairs[i].src), v = ids.Rank(pairs[i].dst);
      if (u == v) {
        ++loops;
        continue;
      }
      std::atomic_ref<EdgeIndex>(out_count[u]).fetch_add(1, std::memory_order_relaxed);
      std::atomic_ref<EdgeIndex>(in_count[v]).fetch_add(1, std::memory_order_relaxed);
    }
    self_loops += loops;
  });
  return self_loops;
}

// Pass 3: every arc at its row's cursor (offsets[v], which ends at row v's end).
void FillRows(const std::string& path, uint64_t chunk_bytes, const DistinctIds& ids,
              EdgeIndex* out_cursor, EdgeIndex* in_cursor, VertexId* out_targets,
              VertexId* in_targets) {
  ForEachPairChunk(path, chunk_bytes, [&](std::span<const RawPair> pairs) {
    const int64_t size = static_cast<int64_t>(pairs.size());
#pragma omp parallel for schedule(static)
    for (int64_t i = 0; i < size; ++i) {
      const VertexId u = ids.Rank(pairs[i].src), v = ids.Rank(pairs[i].dst);
      if (u == v) continue;
      out_targets[std::atomic_ref<EdgeIndex>(out_cursor[u])
                      .fetch_add(1, std::memory_order_relaxed)] = v;
      in_targets[std::atomic_ref<EdgeIndex>(in_cursor[v]).fetch_add(1, std::memory_order_relaxed)] =
          u;
    }
  });
}

// Turns counts (count of row v in offsets[v + 1]) into row starts.
void CountsToOffsets(std::vector<EdgeIndex>* offsets) {
  std::partial_sum(offsets->begin(), offsets->end(), offsets->begin());
}

// After the fill, offsets[v] (used as row v's cursor) is the end of row v: shift them back to
// row starts. Then sorts and dedupes every row and compacts the rows in place; returns the
// number of targets kept.
uint64_t FinishRows(std::vector<EdgeIndex>* offsets, VertexId* targets) {
  const int64_t n = static_cast<int64_t>(offsets->size()) - 1;
  for (int64_t v = n; v > 0; --v) (*offsets)[v] = (*offsets)[v - 1];
  (*offsets)[0] = 0;
  std::vector<EdgeIndex> kept(n);
  const EdgeIndex* off = offsets->data();
#pragma omp parallel for schedule(dynamic, 1024)
  for (int64_t v = 0; v < n; ++v) {
    std::sort(targets + off[v], targets + off[v + 1]);
    kept[v] = std::unique(targets + off[v], targets + off[v + 1]) - (targets + off[v]);
  }
  // Serial: a row moves left over rows already moved.
  uint64_t written = 0;
  for (int64_t v = 0; v < n; ++v) {
    std::memmove(targets + written, targets + (*offsets)[v], kept[v] * sizeof(VertexId));
    (*offsets)[v] = written;
    written += kept[v];
  }
  (*offsets)[n] = written;
  return written;
}

// Passes 2 and 3 into `storage`; returns the self-loops and sets *arcs (before deduplication)
// and *kept (after).
uint64_t BuildRows(const std::string& path, uint64_t chunk_bytes, const DistinctIds& ids,
                   bool symmetrize, TextGraphStorage* storage, uint64_t* arcs, uint64_t* kept) {
  const uint64_t n = ids.size();
  storage->out_offsets.assign(n + 1, 0);
  if (!symmetrize) storage->in_offsets.assign(n + 1, 0);
  EdgeIndex* out = storage->out_offsets.data();
  EdgeIndex* in = symmetrize ? out : storage->in_offsets.data();
  const uint64_t self_loops = CountRows(path, chunk_bytes, ids, out + 1, in + 1);
  CountsToOffsets(&storage->out_offsets);
  *arcs = storage->out_offsets[n];
  storage->out_targets.reset(new VertexId[*arcs]);
  if (!symmetrize) {
    CountsToOffsets(&storage->in_offsets);
    storage->in_targets.reset(new VertexId[*arcs]);
  }
  VertexId* out_targets = storage->out_targets.get();
  FillRows(path, chunk_bytes, ids, out, in, out_targets,
           symmetrize ? out_targets : storage->in_targets.get());
  *kept = FinishRows(&storage->out_offsets, out_targets);
  if (!symmetrize) FinishRows(&storage->in_offsets, storage->in_targets.get());
  return self_loops;
}

Graph GraphOf(std::shared_ptr<TextGraphStorage> storage, uint64_t n, uint64_t kept,
              bool symmetrize) {
  storage->out_degrees.resize(n);
  for (uint64_t v = 0; v < n; ++v) {
    storage->out_degrees[v] =
        static_cast<uint32_t>(storage->out_offsets[v + 1] - storage->out_offsets[v]);
  }
  Graph graph;
  graph.out = {n, storage->out_offsets, {storage->out_targets.get(), kept}};
  graph.in =
      symmetrize ? graph.out : Csr{n, storage->in_offsets, {storage->in_targets.get(), kept}};
  graph.original_ids = storage->original_ids;
  graph.out_degrees = storage->out_degrees;
  graph.symmetric = symmetrize;
  graph.storage = std::move(storage);
  return graph;
}

}  // namespace

bool CanBuildFromTextFile(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
         !IsGzipFile(path);
}

Graph BuildGraphFromTextFile(const std::string& path, const BuildOptions& options,
                             BuildStats* stats, uint64_t chunk_bytes) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) throw DatasetError(path + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw DatasetError(path + ": is a directory");
  uint64_t m = 0;
  const DistinctIds ids = ScanIds(path, static_cast<uint64_t>(st.st_size), chunk_bytes, &m);
  auto storage = std::make_shared<TextGraphStorage>();
  storage->original_ids = ids.OriginalIds();
  uint64_t arcs = 0, kept = 0;
  const uint64_t self_loops =
      BuildRows(path, chunk_bytes, ids, options.symmetrize, storage.get(), &arcs, &kept);
  if (stats != nullptr) {
    stats->input_edges = m;
    stats->self_loops_dropped = self_loops;
    stats->duplicates_removed = arcs - kept;
  }
  return GraphOf(std::move(storage), ids.size(), kept, options.symmetrize);
}

}  // namespace cost::datasets
