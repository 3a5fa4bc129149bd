// Streaming readers of the text and binary edge formats; see pair_readers.h.
#include "datasets/inputs/pair_readers.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "datasets/binary_edge_formats.h"
#include "datasets/dataset_error.h"
#include "datasets/inputs/line_blocks.h"
#include "datasets/inputs/parallel_lines.h"
#include "datasets/matrix_market.h"

namespace cost::datasets {
namespace {

[[noreturn]] void Fail(const std::string& path, const std::string& reason) {
  throw DatasetError(path + ": " + reason);
}

void CheckWholeRecords(const std::string& path, uint64_t bytes, uint64_t record_bytes,
                       const char* record) {
  if (bytes % record_bytes == 0) return;
  const uint64_t whole = bytes - bytes % record_bytes;
  Fail(path, std::to_string(bytes) + " bytes is not a whole number of " + record +
                 " records: " + std::to_string(bytes - whole) + " trailing bytes at byte offset " +
                 std::to_string(whole));
}

// A regular, uncompressed file's size is known before it is read; others' only at their end.
bool SizeKnown(ByteSource* source) { return source->regular_file() && !source->gzip(); }

// Little-endian u32 words of a binary input, a buffer at a time.
class WordReader {
 public:
  WordReader(ByteSource* source, uint64_t words)
      : source_(source), buffer_(std::max<uint64_t>(2, words)) {}

  // The next words (at most the buffer); empty at the end, when partial_bytes() says what was
  // left over.
  std::span<const uint32_t> Next() {
    char* bytes = reinterpret_cast<char*>(buffer_.data());
    std::memcpy(bytes, tail_, tail_bytes_);
    const uint64_t got = source_->Read(bytes + tail_bytes_, buffer_.size() * 4 - tail_bytes_);
    const uint64_t have = tail_bytes_ + got;
    tail_bytes_ = have % 4;
    std::memcpy(tail_, bytes + have - tail_bytes_, tail_bytes_);
    total_bytes_ += got;
    return {buffer_.data(), have / 4};
  }
  uint64_t total_bytes() const { return total_bytes_; }

 private:
  ByteSource* source_;
  std::vector<uint32_t> buffer_;
  char tail_[4] = {};
  uint64_t tail_bytes_ = 0;
  uint64_t total_bytes_ = 0;
};

}  // namespace

void ReadSnapPairs(ByteSource* source, uint64_t chunk_bytes, const PairChunkFn& fn) {
  // '%' lines are comments of an edge list: a Matrix Market file read as one would lose its
  // size line into a bogus edge.
  if (source->offset() == 0 && HasMatrixMarketBanner(source->Peek(14))) {
    Fail(source->path(), "a Matrix Market file (its banner is on line 1): read it as mtx");
  }
  LineBlockReader reader(source, chunk_bytes);
  ParallelLineParser parser;
  const auto parse = [](std::string_view line, RawPair* pair, std::string* reason) {
    return ParseEdgeLine(line, &pair->src, &pair->dst, reason);
  };
  std::string_view block;
  uint64_t first = 0;
  while (reader.Next(&block, &first)) parser.ParseBlock(block, first, source->path(), parse, fn);
}

void ReadRawPairs(ByteSource* source, uint64_t chunk_bytes, const PairChunkFn& fn) {
  const std::string& path = source->path();
  const char* const kRecord = "(u32 src, u32 dst)";
  if (SizeKnown(source)) {
    CheckWholeRecords(path, source->file_bytes(), 8, kRecord);
    if (source->file_bytes() == 0) Fail(path, "no edges");
  }
  WordReader words(source, std::max<uint64_t>(2, chunk_bytes / 4) / 2 * 2);
  std::vector<RawPair> pairs;
  uint32_t pending = 0;  // a src whose dst is in the next buffer
  bool have_pending = false;
  for (std::span<const uint32_t> w = words.Next(); !w.empty(); w = words.Next()) {
    pairs.clear();
    for (const uint32_t word : w) {
      if (have_pending) pairs.push_back({pending, word});
      pending = word;
      have_pending = !have_pending;
    }
    fn(pairs);
  }
  CheckWholeRecords(path, words.total_bytes(), 8, kRecord);
  if (words.total_bytes() == 0) Fail(path, "no edges");
}

namespace {

// The COST vertex layout's two files read in step: each (id, degree) record takes the next
// `degree` targets.
class CostVertexReader {
 public:
  CostVertexReader(const std::string& base, uint64_t chunk_bytes, const PairChunkFn& fn)
      : nodes_path_(base + ".nodes"),
        edges_path_(base + ".edges"),
        nodes_(nodes_path_),
        node_words_(&nodes_, std::max<uint64_t>(2, chunk_bytes / 8)),
        chunk_bytes_(chunk_bytes),
        fn_(fn),
        flush_at_(std::max<uint64_t>(1, chunk_bytes / 16)) {}

  void Read() {
    // In the order a whole-file read fails: the .nodes file's size, then the .edges file's.
    if (SizeKnown(&nodes_)) CheckWholeRecords(nodes_path_, nodes_.file_bytes(), 8, kNodeRecord);
    edges_.emplace(edges_path_);
    target_words_.emplace(&*edges_, std::max<uint64_t>(1, chunk_bytes_ / 8));
    if (SizeKnown(&*edges_)) {
      CheckWholeRecords(edges_path_, edges_->file_bytes(), 4, "u32 target");
      if (edges_->file_bytes() == 0) Fail(edges_path_, "no edges");
      if (SizeKnown(&nodes_)) known_targets_ = edges_->file_bytes() / 4;
    }
    uint32_t id = 0;
    bool have_id = false;
    for (std::span<const uint32_t> w = node_words_.Next(); !w.empty(); w = node_words_.Next()) {
      for (const uint32_t word : w) {
        if (!have_id) {
          id = word;
        } else {
          TakeTargets(id, word);
          ++record_;
        }
        have_id = !have_id;
      }
    }
    Flush();
    Finish();
  }

 private:
  static constexpr const char* kNodeRecord = "(u32 id, u32 degree)";

  [[noreturn]] void RunsPast(uint32_t id, uint32_t degree, uint64_t targets) const {
    Fail(nodes_path_, "byte offset " + std::to_string(8 * record_) + ": degree " +
                          std::to_string(degree) + " of vertex " + std::to_string(id) +
                          " runs past the " + std::to_string(targets) + " targets in " +
                          edges_path_);
  }

  void TakeTargets(uint32_t id, uint32_t degree) {
    if (known_targets_ && used_ + degree > *known_targets_) RunsPast(id, degree, *known_targets_);
    for (uint64_t left = degree; left > 0;) {
      if (at_ == targets_.size()) {
        targets_ = target_words_->Next();
        at_ = 0;
        if (targets_.empty()) RunsPast(id, degree, used_);
      }
      const uint64_t take = std::min<uint64_t>(left, targets_.size() - at_);
      for (uint64_t k = 0; k < take; ++k) pairs_.push_back({id, targets_[at_ + k]});
      at_ += take;
      used_ += take;
      left -= take;
      if (pairs_.size() >= flush_at_) Flush();
    }
  }

  void Flush() {
    if (!pairs_.empty()) fn_(pairs_);
    pairs_.clear();
  }

  // Targets no degree took, partial records, no edges.
  void Finish() {
    uint64_t total = used_ + (targets_.size() - at_);
    for (auto w = target_words_->Next(); !w.empty(); w = target_words_->Next()) total += w.size();
    CheckWholeRecords(nodes_path_, node_words_.total_bytes(), 8, kNodeRecord);
    CheckWholeRecords(edges_path_, target_words_->total_bytes(), 4, "u32 target");
    if (total == 0) Fail(edges_path_, "no edges");
    if (total != used_) {
      Fail(nodes_path_, "degrees add up to " + std::to_string(used_) + " but " + edges_path_ +
                            " holds " + std::to_string(total) + " targets");
    }
  }

  std::string nodes_path_, edges_path_;
  ByteSource nodes_;
  WordReader node_words_;
  uint64_t chunk_bytes_;
  std::optional<ByteSource> edges_;  // opened once the .nodes file's size is checked
  std::optional<WordReader> target_words_;
  const PairChunkFn& fn_;
  uint64_t flush_at_;
  std::optional<uint64_t> known_targets_;
  std::span<const uint32_t> targets_;
  uint64_t at_ = 0, used_ = 0, record_ = 0;
  std::vector<RawPair> pairs_;
};

}  // namespace

void ReadCostVertexPairs(const std::string& path, uint64_t chunk_bytes, const PairChunkFn& fn) {
  CostVertexReader(CostVertexBaseName(path), chunk_bytes, fn).Read();
}

}  // namespace cost::datasets
