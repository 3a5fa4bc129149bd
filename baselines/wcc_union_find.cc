// WCC by union-find, one thread: one pass over the edges, then one compression pass.
//
// Roots are found without path compression during the pass and joined by rank (8-bit ranks keep
// the rank array small), so trees stay O(log n) deep; a final pass points every vertex at its
// root. Unlike label propagation its cost does not depend on the graph's diameter.
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, Table 5.
#include <numeric>

#include "baselines/union_find.h"
#include "baselines/wcc.h"

namespace cost::baselines {

std::vector<uint32_t> ConnectedComponentsUnionFind(const datasets::Graph& graph) {
  const uint64_t n = graph.num_vertices();
  UnionByRank forest(n);
  const uint64_t* offsets = graph.out.offsets.data();
  const uint32_t* targets = graph.out.targets.data();
  for (uint64_t u = 0; u < n; ++u) {
    for (uint64_t e = offsets[u]; e < offsets[u + 1]; ++e) {
      forest.Union(static_cast<uint32_t>(u), targets[e]);
    }
  }
  return std::move(forest).CompressToRoots();
}

}  // namespace cost::baselines
