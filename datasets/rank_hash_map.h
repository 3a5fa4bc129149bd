// An open-addressing map from ids to their dense ranks, for ids too sparse for a rank table.
#ifndef COST_DATASETS_RANK_HASH_MAP_H_
#define COST_DATASETS_RANK_HASH_MAP_H_

#include <cstdint>
#include <limits>
#include <vector>

namespace cost::datasets {

// An open-addressing map from each distinct id to its rank: one or two cache misses per lookup,
// where a binary search over millions of ids takes twenty.
class RankHashMap {
 public:
  explicit RankHashMap(const std::vector<uint64_t>& sorted_ids) {
    uint64_t capacity = 16;
    while (capacity < 2 * sorted_ids.size()) capacity *= 2;
    mask_ = capacity - 1;
    keys_.resize(capacity);
    ranks_.assign(capacity, kEmpty);
    for (uint64_t rank = 0; rank < sorted_ids.size(); ++rank) {
      uint64_t slot = Hash(sorted_ids[rank]) & mask_;
      while (ranks_[slot] != kEmpty) slot = (slot + 1) & mask_;
      keys_[slot] = sorted_ids[rank];
      ranks_[slot] = static_cast<uint32_t>(rank);
    }
  }

  // The memory the table holds.
  uint64_t bytes() const { return keys_.capacity() * sizeof(uint64_t) + ranks_.capacity() * 4; }

  // Requires: id is one of the sorted_ids.
  uint32_t Rank(uint64_t id) const {
    uint64_t slot = Hash(id) & mask_;
    while (keys_[slot] != id || ranks_[slot] == kEmpty) slot = (slot + 1) & mask_;
    return ranks_[slot];
  }

  bool Contains(uint64_t id) const {
    for (uint64_t slot = Hash(id) & mask_; ranks_[slot] != kEmpty; slot = (slot + 1) & mask_) {
      if (keys_[slot] == id) return true;
    }
    return false;
  }

 private:
  // No rank reaches 2^32-1: at most 2^32-1 distinct ids are allowed.
  static constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  // splitmix64's finaliser: sequential or strided ids still spread over the slots.
  static uint64_t Hash(uint64_t x) {
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }
  uint64_t mask_ = 0;
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> ranks_;
};

}  // namespace cost::datasets

#endif  // COST_DATASETS_RANK_HASH_MAP_H_
