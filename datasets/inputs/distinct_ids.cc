// Distinct ids and their ranks; see distinct_ids.h.
#include "datasets/inputs/distinct_ids.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdlib>
#include <filesystem>

#include "datasets/dataset_error.h"
#include "datasets/text_edge_line.h"

namespace cost::datasets {
namespace {

// Bytes per sparse id: the sorted vector, then the hash table of at most 4 slots per id of 12
// bytes each (rank_hash_map.h).
constexpr uint64_t kSparseBytesPerId = 8 + 4 * 12;

}  // namespace

DistinctIds::DistinctIds(uint64_t dense_limit)
    : limit_((dense_limit + 63) / 64 * 64),
      bits_(static_cast<uint64_t*>(std::calloc(std::max<uint64_t>(1, limit_ / 64), 8)), std::free) {
  if (bits_ == nullptr) {
    throw DatasetError("id bitmap: cannot allocate " + std::to_string(limit_ / 8) + " bytes");
  }
}

void DistinctIds::Add(std::span<const RawPair> pairs) {
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
  // Dedupe now and then, so the vector stays within twice the distinct sparse ids (plus a slack
  // small enough for a tiny budget's share).
  if (sparse_.size() > 2 * deduped_size_ + (uint64_t{1} << 16)) SortSparse();
}

bool DistinctIds::AddOne(uint64_t id) {
  if (id >= limit_) {
    sparse_.push_back(id);  // repeats are found when sorted, in Finish
    return true;
  }
  words_used_ = std::max(words_used_, id / 64 + 1);
  const uint64_t bit = uint64_t{1} << (id % 64);
  const bool fresh = (bits_[id / 64] & bit) == 0;
  bits_[id / 64] |= bit;
  return fresh;
}

void DistinctIds::SortSparse() {
  std::sort(sparse_.begin(), sparse_.end());
  const auto repeat = std::adjacent_find(sparse_.begin(), sparse_.end());
  if (repeat != sparse_.end() && !repeated_) {
    repeated_ = true;
    repeated_id_ = *repeat;
  }
  sparse_.erase(std::unique(sparse_.begin(), sparse_.end()), sparse_.end());
  deduped_size_ = sparse_.size();
}

// The bitmap's ids become the front of the sorted vector (they are all below the sparse ones).
void DistinctIds::MoveBitmapToSparse() {
  std::vector<uint64_t> ids;
  ids.reserve(dense_count_ + sparse_.size());
  for (uint64_t w = 0; w < words_used_; ++w) {
    for (uint64_t word = bits_[w]; word != 0; word &= word - 1) {
      ids.push_back(w * 64 + std::countr_zero(word));
    }
  }
  ids.insert(ids.end(), sparse_.begin(), sparse_.end());
  sparse_ = std::move(ids);
  bits_.reset(static_cast<uint64_t*>(std::calloc(1, 8)));
  limit_ = words_used_ = dense_count_ = 0;
  word_rank_ = {};
}

void DistinctIds::Finish(const std::string& name) {
  SortSparse();
  // Only the words up to the last set bit: the bitmap's pages above it were never touched.
  word_rank_.resize(words_used_);
  uint64_t count = 0;
  for (uint64_t w = 0; w < words_used_; ++w) {
    word_rank_[w] = count;
    count += std::popcount(bits_[w]);
  }
  dense_count_ = count;
  // 16 bytes per bitmap word (the word and its rank) against the sparse form's bytes per id.
  if (16 * words_used_ > kSparseBytesPerId * dense_count_ + 4096) MoveBitmapToSparse();
  CheckVertexCount(size(), name);
  sparse_.shrink_to_fit();
  sparse_ranks_ = std::make_unique<RankHashMap>(sparse_);
}

uint64_t DistinctIds::bytes() const {
  return 8 * words_used_ + 8 * word_rank_.capacity() + 8 * sparse_.capacity() +
         (sparse_ranks_ ? sparse_ranks_->bytes() : 0);
}

bool DistinctIds::Contains(uint64_t id) const {
  if (id < limit_) return id / 64 < words_used_ && (bits_[id / 64] >> (id % 64) & 1) != 0;
  return sparse_ranks_->Contains(id);
}

void DistinctIds::ForEachInOrder(const std::function<void(std::span<const uint64_t>)>& fn) const {
  constexpr size_t kChunk = 1 << 16;
  std::vector<uint64_t> chunk;
  chunk.reserve(kChunk);
  for (uint64_t w = 0; w < words_used_; ++w) {
    for (uint64_t word = bits_[w]; word != 0; word &= word - 1) {
      chunk.push_back(w * 64 + std::countr_zero(word));
      if (chunk.size() == kChunk) {
        fn(chunk);
        chunk.clear();
      }
    }
  }
  if (!chunk.empty()) fn(chunk);
  for (uint64_t at = 0; at < sparse_.size(); at += kChunk) {
    fn(std::span<const uint64_t>(sparse_).subspan(at,
                                                  std::min<uint64_t>(kChunk, sparse_.size() - at)));
  }
}

std::vector<uint64_t> DistinctIds::OriginalIds() const {
  std::vector<uint64_t> ids;
  ids.reserve(size());
  ForEachInOrder(
      [&](std::span<const uint64_t> chunk) { ids.insert(ids.end(), chunk.begin(), chunk.end()); });
  return ids;
}

uint64_t DenseIdLimit(uint64_t input_bytes, bool size_known, uint64_t memory) {
  const uint64_t by_memory = 2 * memory;  // memory / 4 bytes of bitmap, 8 ids a byte
  return size_known ? std::min(input_bytes / 2 + 1024, by_memory) : by_memory;
}

uint64_t DenseIdLimitForFile(const std::string& path) {
  std::error_code ec;
  const bool regular = std::filesystem::is_regular_file(path, ec);
  const uint64_t bytes = regular ? std::filesystem::file_size(path, ec) : 0;
  return DenseIdLimit(bytes, regular && !ec, uint64_t{1} << 30);
}

}  // namespace cost::datasets
