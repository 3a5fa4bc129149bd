// The pairs of a whole input held in memory, for the loaders that return an EdgeList (the
// in-memory path the bounded-memory builder is checked against). Relabelling here is its own
// code (a rank table or a sorted, deduplicated copy of the ids), independent of DistinctIds,
// so that the two paths check each other. The memory is checked before it is taken: an input
// too large for it is refused naming the file ("NAME: needs N bytes, M available"), never
// std::bad_alloc or the OOM killer.
#ifndef COST_DATASETS_INPUTS_COLLECTED_PAIRS_H_
#define COST_DATASETS_INPUTS_COLLECTED_PAIRS_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "datasets/graph.h"
#include "datasets/inputs/edge_pairs.h"

namespace cost::datasets {

class CollectedPairs {
 public:
  explicit CollectedPairs(std::string name);

  void Add(std::span<const RawPair> pairs);
  uint64_t size() const { return src_.size(); }

  // Dense id = rank among the distinct ids (original_ids keeps them, ascending). Throws
  // DatasetError("NAME: no edges") when there are none, and for more than 2^32-1 distinct ids.
  EdgeList Relabel();
  // Dense id = rank(id) for ids another table defines (an LDBC vertex file's), whose ascending
  // list is original_ids.
  EdgeList RankedBy(const std::function<VertexId(uint64_t)>& rank,
                    std::vector<uint64_t> original_ids);

 private:
  void Reserve(uint64_t pairs);

  std::string name_;
  std::vector<uint64_t> src_, dst_;
};

// Throws DatasetError("NAME: needs N bytes, M available (WHAT)") when MemAvailable (when it can
// be read) is below `bytes`.
void RequireAvailableMemory(const std::string& name, uint64_t bytes, const std::string& what);

}  // namespace cost::datasets

#endif  // COST_DATASETS_INPUTS_COLLECTED_PAIRS_H_
