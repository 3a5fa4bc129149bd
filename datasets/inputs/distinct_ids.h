// The distinct ids of an input and the dense id of each (its rank among them, so dense order is
// ascending original-id order, whatever the edge order). Ids below a limit are kept in a bitmap
// (one bit per possible id: what dense ids cost least as), the others in a sorted vector with a
// hash table of ranks; after the last Add, a bitmap sparser than the vector would be is turned
// into vector entries, so the memory is bounded by the distinct ids seen, not by the largest.
#ifndef COST_DATASETS_INPUTS_DISTINCT_IDS_H_
#define COST_DATASETS_INPUTS_DISTINCT_IDS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "datasets/graph.h"
#include "datasets/inputs/edge_pairs.h"
#include "datasets/rank_hash_map.h"

namespace cost::datasets {

class DistinctIds {
 public:
  // Ids below dense_limit go to the bitmap, whose pages are touched only where ids fall.
  explicit DistinctIds(uint64_t dense_limit);

  // Both ends of every pair (in parallel).
  void Add(std::span<const RawPair> pairs);
  // Ids one by one (a vertex file); returns false for an id already added to the bitmap (the
  // sparse part finds repeats in Finish: see repeated()).
  bool AddOne(uint64_t id);

  // Computes the ranks; throws DatasetError naming `name` when there are more distinct ids
  // than 32-bit ids number.
  void Finish(const std::string& name);

  uint64_t size() const { return dense_count_ + sparse_.size(); }
  // What the structure holds now, in bytes (touched bitmap words, the vector, the ranks).
  uint64_t bytes() const;
  // Whether AddOne or Add saw an id twice among the sparse ones; valid after Finish when ids
  // came through AddOne only. The id is in repeated_id().
  bool repeated() const { return repeated_; }
  uint64_t repeated_id() const { return repeated_id_; }

  // Requires: Finish() was called and id was added.
  VertexId Rank(uint64_t id) const {
    if (id < limit_) {
      const uint64_t below = bits_[id / 64] & ((uint64_t{1} << (id % 64)) - 1);
      return static_cast<VertexId>(word_rank_[id / 64] + std::popcount(below));
    }
    return static_cast<VertexId>(dense_count_ + sparse_ranks_->Rank(id));
  }
  // After Finish: whether id was added.
  bool Contains(uint64_t id) const;

  // The ids in ascending order, a chunk at a time: fn(span) with original_ids[rank] = id.
  void ForEachInOrder(const std::function<void(std::span<const uint64_t>)>& fn) const;
  std::vector<uint64_t> OriginalIds() const;

 private:
  void SortSparse();
  void MoveBitmapToSparse();

  uint64_t limit_;  // ids below it are in the bitmap
  // calloc: the pages above the largest id are never touched, so they cost no memory.
  std::unique_ptr<uint64_t[], void (*)(void*)> bits_;
  uint64_t words_used_ = 0;          // one past the word of the largest id in the bitmap
  std::vector<uint64_t> word_rank_;  // set bits before each word
  uint64_t dense_count_ = 0;
  std::vector<uint64_t> sparse_;  // ids >= the bitmap's limit
  uint64_t deduped_size_ = 0;
  std::unique_ptr<RankHashMap> sparse_ranks_;
  bool repeated_ = false;
  uint64_t repeated_id_ = 0;
};

// The bitmap limit for the ids of a file: below half its size (a line or record of B bytes names
// at most B / 2 ids, so dense ids fall below that), at most what `memory` / 4 bytes of bitmap
// cover; `memory` alone for an input whose size is not known (a pipe, a gzip file).
uint64_t DenseIdLimit(uint64_t input_bytes, bool size_known, uint64_t memory);
// The same for a file named by path, with 1 GiB for `memory`.
uint64_t DenseIdLimitForFile(const std::string& path);

}  // namespace cost::datasets

#endif  // COST_DATASETS_INPUTS_DISTINCT_IDS_H_
