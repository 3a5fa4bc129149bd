// The one definition of each kernel's parameters, shared by every implementation
// (baselines/, parallel/) and by validation (harness/). See README.md "Kernels".
#ifndef COST_DATASETS_KERNEL_DEFINITIONS_H_
#define COST_DATASETS_KERNEL_DEFINITIONS_H_

#include <cstdint>
#include <limits>

namespace cost::datasets {

// LDBC Graphalytics PageRank: rank starts at 1/n; each of `iterations` synchronous steps sets
//   rank'(v) = (1 - d)/n + d * (sum over in-edges (u,v) of rank(u)/outdeg(u) + dangling/n)
// where dangling = sum of rank(u) over vertices u with no out-edges. Ranks are doubles.
struct PageRankOptions {
  int iterations = 20;  // the paper's count
  double damping = 0.85;
};

// WCC: edges are treated as undirected; the output is a component label per vertex and is
// validated up to equivalence (any labelling of the same partition passes).

// BFS: the hop depth of every vertex from one source vertex, following out-edges (int64). The
// source has depth 0; a vertex the source cannot reach has kUnreachable (LDBC's value, int64
// max). Validated exactly.
inline constexpr int64_t kUnreachable = std::numeric_limits<int64_t>::max();

}  // namespace cost::datasets

#endif  // COST_DATASETS_KERNEL_DEFINITIONS_H_
