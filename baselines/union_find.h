// The union-find forest the single-threaded union-find baselines share (vertex order and Hilbert
// order differ only in the order they call Union): roots found without path compression, union
// by 8-bit rank (trees stay O(log n) deep), one compression pass at the end.
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, Table 5.
#ifndef COST_BASELINES_UNION_FIND_H_
#define COST_BASELINES_UNION_FIND_H_

#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

#include "baselines/huge_pages.h"
namespace cost::baselines {

struct UnionByRank {
  explicit UnionByRank(uint64_t n)
      : parent(HugePageVector<uint32_t>(n)), rank(HugePageVector<uint8_t>(n)) {
    std::iota(parent.begin(), parent.end(), 0u);
  }

  uint32_t Find(uint32_t v) const {
    while (parent[v] != v) v = parent[v];
    return v;
  }

  void Union(uint32_t u, uint32_t v) {
    uint32_t a = Find(u), b = Find(v);
    if (a == b) return;
    if (rank[a] < rank[b]) std::swap(a, b);  // a is the taller tree
    parent[b] = a;
    if (rank[a] == rank[b]) ++rank[a];
  }

  // For a scan that prefetches arcs ahead: the parents a Union(u, v) reads first.
  void Prefetch(uint32_t u, uint32_t v) const {
    __builtin_prefetch(parent.data() + u);
    __builtin_prefetch(parent.data() + v);
  }

  // Points every vertex at its root and returns the labels (the roots).
  std::vector<uint32_t> CompressToRoots() && {
    for (uint64_t v = 0; v < parent.size(); ++v) parent[v] = Find(static_cast<uint32_t>(v));
    return std::move(parent);
  }

  std::vector<uint32_t> parent;
  std::vector<uint8_t> rank;
};

}  // namespace cost::baselines

#endif  // COST_BASELINES_UNION_FIND_H_
