// Edges as an input gives them: pairs of original ids, before relabelling.
#ifndef COST_DATASETS_INPUTS_EDGE_PAIRS_H_
#define COST_DATASETS_INPUTS_EDGE_PAIRS_H_

#include <cstdint>
#include <functional>
#include <span>

namespace cost::datasets {

struct RawPair {
  uint64_t src, dst;
};

// Receives an input's pairs in file order, a chunk at a time.
using PairChunkFn = std::function<void(std::span<const RawPair>)>;

}  // namespace cost::datasets

#endif  // COST_DATASETS_INPUTS_EDGE_PAIRS_H_
