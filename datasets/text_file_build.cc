// Building a Graph from a text edge list in three streaming passes; see text_file_build.h.
#include "datasets/text_file_build.h"

#include <fcntl.h>
#include <omp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "datasets/dataset_error.h"
#include "datasets/output_file.h"
#include "datasets/rank_hash_map.h"
#include "datasets/text_edge_line.h"

namespace cost::datasets {
namespace {

struct RawPair {
  uint64_t src, dst;
};

// Closes the descriptor on every way out of the function that opened it.
struct FileDescriptor {
  int fd = -1;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// One piece of a chunk, parsed by one thread.
struct ParsedPiece {
  std::vector<RawPair> pairs;
  uint64_t lines = 0;       // lines it holds (all of them when it parsed without error)
  uint64_t error_line = 0;  // 1-based within the piece; 0: none
  std::string reason;
};

// Parses the lines of `text` (whole lines; the last may lack its '\n').
void ParsePiece(std::string_view text, ParsedPiece* piece) {
  piece->pairs.clear();
  piece->lines = 0;
  piece->error_line = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    ++piece->lines;
    const char* eol = static_cast<const char*>(std::memchr(p, '\n', end - p));
    if (eol == nullptr) eol = end;
    RawPair pair;
    switch (ParseEdgeLine(std::string_view(p, eol - p), &pair.src, &pair.dst, &piece->reason)) {
      case LineKind::kEdge:
        piece->pairs.push_back(pair);
        break;
      case LineKind::kSkip:
        break;
      case LineKind::kError:
        piece->error_line = piece->lines;
        return;
    }
    p = eol + 1;
  }
}

// Reads the file chunk by chunk, each cut after its last '\n', parses each chunk's lines in one
// piece per thread and calls consume(pairs) for each piece, in file order. Throws
// DatasetError("PATH:LINE: reason") for the first malformed line.
template <typename Consume>
void ForEachEdgePiece(const std::string& path, uint64_t chunk_bytes, Consume consume) {
  const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) throw DatasetError(path + ": " + std::strerror(errno));
  std::vector<char> buffer(std::max<uint64_t>(chunk_bytes, 1));
  const int parts = std::max(1, omp_get_max_threads());
  std::vector<ParsedPiece> pieces(parts);
  uint64_t filled = 0, lines_before = 0;
  bool at_end = false;
  while (!at_end || filled > 0) {
    while (!at_end && filled < buffer.size()) {
      const ssize_t got = ::read(file.fd, buffer.data() + filled, buffer.size() - filled);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) throw DatasetError(path + ": " + std::strerror(errno));
      if (got == 0) at_end = true;
      filled += static_cast<uint64_t>(got);
    }
    const std::string_view text(buffer.data(), filled);
    const size_t last_newline = text.rfind('\n');
    if (!at_end && last_newline == std::string_view::npos) {
      buffer.resize(2 * buffer.size());  // a line longer than the chunk
      continue;
    }
    const std::string_view block = at_end ? text : text.substr(0, last_newline + 1);
    // Piece p starts after the first '\n' at or after block.size() * p / parts.
    std::vector<size_t> cut(parts + 1, block.size());
    cut[0] = 0;
    for (int p = 1; p < parts; ++p) {
      const size_t newline = block.find('\n', block.size() * p / parts);
      cut[p] = std::max(cut[p - 1], newline == std::string_view::npos ? block.size() : newline + 1);
    }
#pragma omp parallel for schedule(static, 1)
    for (int p = 0; p < parts; ++p)
      ParsePiece(block.substr(cut[p], cut[p + 1] - cut[p]), &pieces[p]);
    for (const ParsedPiece& piece : pieces) {
      if (piece.error_line != 0) {
        throw DatasetError(path + ":" + std::to_string(lines_before + piece.error_line) + ": " +
                           piece.reason);
      }
      lines_before += piece.lines;
    }
    for (const ParsedPiece& piece : pieces) consume(std::span<const RawPair>(piece.pairs));
    std::memmove(buffer.data(), buffer.data() + block.size(), filled - block.size());
    filled -= block.size();
  }
}

// Pass 1's result: which ids occur, and each one's rank among them.
class DistinctIds {
 public:
  // Ids below dense_limit are kept in a bitmap, the others in a vector.
  explicit DistinctIds(uint64_t dense_limit)
      : limit_((dense_limit + 63) / 64 * 64),
        bits_(static_cast<uint64_t*>(std::calloc(limit_ / 64, sizeof(uint64_t))), std::free) {
    if (bits_ == nullptr) throw std::bad_alloc();
  }

  void Add(std::span<const RawPair> pairs) {
    const uint64_t limit = limit_;
    const int64_t size = static_cast<int64_t>(pairs.size());
    uint64_t words_used = words_used_;
#pragma omp parallel for schedule(static) reduction(max : words_used)
    for (int64_t i = 0; i < size; ++i) {
      for (const uint64_t id : {pairs[i].src, pairs[i].dst}) {
        if (id >= limit) continue;
        words_used = std::max(words_used, id / 64 + 1);
        std::atomic_ref<uint64_t> word(bits_[id / 64]);
        const uint64_t bit = uint64_t{1} << (id % 64);
        if ((word.load(std::memory_order_relaxed) & bit) == 0) {
          word.fetch_or(bit, std::memory_order_relaxed);
        }
      }
    }
    words_used_ = words_used;
    for (const RawPair& pair : pairs) {
      if (pair.src >= limit) sparse_.push_back(pair.src);
      if (pair.dst >= limit) sparse_.push_back(pair.dst);
    }
    // Dedupe now and then, so the vector stays within twice the distinct sparse ids.
    if (sparse_.size() > 2 * deduped_size_ + (uint64_t{1} << 20)) SortSparse();
  }

  // Computes the ranks; throws when there are more distinct ids than 32-bit ids number.
  void Finish(const std::string& name) {
    SortSparse();
    // Only the words up to the last set bit: the bitmap's pages above it were never touched.
    const uint64_t used = words_used_;
    word_rank_.resize(used);
    uint64_t count = 0;
    for (size_t w = 0; w < used; ++w) {
      word_rank_[w] = count;
      count += std::popcount(bits_[w]);
    }
    dense_count_ = count;
    CheckVertexCount(count + sparse_.size(), name);
    sparse_ranks_ = std::make_unique<RankHashMap>(sparse_);
  }

  uint64_t size() const { return dense_count_ + sparse_.size(); }

  // Requires: Finish() was called and id was added.
  VertexId Rank(uint64_t id) const {
    if (id < limit_) {
      const uint64_t below = bits_[id / 64] & ((uint64_t{1} << (id % 64)) - 1);
      return static_cast<VertexId>(word_rank_[id / 64] + std::popcount(below));
    }
    return static_cast<VertexId>(dense_count_ + sparse_ranks_->Rank(id));
  }

  // The ids in ascending order: original_ids[rank] = id.
  std::vector<uint64_t> OriginalIds() const {
    std::vector<uint64_t> ids;
    ids.reserve(size());
    for (size_t w = 0; w < word_rank_.size(); ++w) {
      for (uint64_t word = bits_[w]; word != 0; word &= word - 1) {
        ids.push_back(w * 64 + std::countr_zero(word));
      }
    }
    ids.insert(ids.end(), sparse_.begin(), sparse_.end());
    return ids;
  }

 private:
  void SortSparse() {
    std::sort(sparse_.begin(), sparse_.end());
    sparse_.erase(std::unique(sparse_.begin(), sparse_.end()), sparse_.end());
    deduped_size_ = sparse_.size();
  }

  uint64_t limit_;  // ids below it are in the bitmap
  // calloc: the pages above the largest id are never touched, so they cost no memory.
  std::unique_ptr<uint64_t[], void (*)(void*)> bits_;
  uint64_t words_used_ = 0;          // one past the word of the largest id in the bitmap
  std::vector<uint64_t> word_rank_;  // set bits before each word
  uint64_t dense_count_ = 0;
  std::vector<uint64_t> sparse_;  // ids >= the bitmap's limit
  uint64_t deduped_size_ = 0;
  std::unique_ptr<RankHashMap> sparse_ranks_;
};

// What the Graph's spans point into.
struct TextGraphStorage {
  std::vector<EdgeIndex> out_offsets, in_offsets;  // in_offsets empty when symmetrised
  std::unique_ptr<VertexId[]> out_targets, in_targets;
  std::vector<uint64_t> original_ids;
};

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
  const bool symmetrize = options.symmetrize;

  // Pass 1: the distinct ids. A line holds two ids in at least 4 bytes, so a file of B bytes
  // has at most B / 2 distinct ids: dense ids fall below that and cost one bit each.
  DistinctIds ids(static_cast<uint64_t>(st.st_size) / 2 + 1024);
  uint64_t m = 0;
  ForEachEdgePiece(path, chunk_bytes, [&](std::span<const RawPair> pairs) {
    ids.Add(pairs);
    m += pairs.size();
  });
  if (m == 0) throw DatasetError(path + ": no edges");
  ids.Finish(path);
  const uint64_t n = ids.size();
  auto storage = std::make_shared<TextGraphStorage>();
  storage->original_ids = ids.OriginalIds();

  // Pass 2: arcs per row, counted in offsets[v + 1].
  storage->out_offsets.assign(n + 1, 0);
  if (!symmetrize) storage->in_offsets.assign(n + 1, 0);
  EdgeIndex* out_count = storage->out_offsets.data() + 1;
  EdgeIndex* in_count = symmetrize ? out_count : storage->in_offsets.data() + 1;
  uint64_t self_loops = 0;
  ForEachEdgePiece(path, chunk_bytes, [&](std::span<const RawPair> pairs) {
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
  CountsToOffsets(&storage->out_offsets);
  const uint64_t arcs = storage->out_offsets[n];
  storage->out_targets.reset(new VertexId[arcs]);
  if (!symmetrize) {
    CountsToOffsets(&storage->in_offsets);
    storage->in_targets.reset(new VertexId[arcs]);
  }

  // Pass 3: every arc at its row's cursor (offsets[v], which ends at row v's end).
  EdgeIndex* out_cursor = storage->out_offsets.data();
  EdgeIndex* in_cursor = symmetrize ? out_cursor : storage->in_offsets.data();
  VertexId* out_targets = storage->out_targets.get();
  VertexId* in_targets = symmetrize ? out_targets : storage->in_targets.get();
  ForEachEdgePiece(path, chunk_bytes, [&](std::span<const RawPair> pairs) {
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
  const uint64_t kept = FinishRows(&storage->out_offsets, out_targets);
  if (!symmetrize) FinishRows(&storage->in_offsets, storage->in_targets.get());

  Graph graph;
  graph.out = {n, storage->out_offsets, {out_targets, kept}};
  graph.in =
      symmetrize ? graph.out : Csr{n, storage->in_offsets, {storage->in_targets.get(), kept}};
  graph.original_ids = storage->original_ids;
  graph.symmetric = symmetrize;
  graph.storage = std::move(storage);
  if (stats != nullptr) {
    stats->input_edges = m;
    stats->self_loops_dropped = self_loops;
    stats->duplicates_removed = arcs - kept;
  }
  return graph;
}

}  // namespace cost::datasets
