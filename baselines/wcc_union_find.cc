// WCC by union-find, one thread: one pass over the edges, then one compression pass.
//
// Roots are found without path compression during the pass and joined by rank (8-bit ranks keep
// the rank array small), so trees stay O(log n) deep; a final pass points every vertex at its
// root. Unlike label propagation its cost does not depend on the graph's diameter.
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, Table 5.
#include <numeric>

#include "baselines/wcc.h"

namespace cost::baselines {
namespace {

inline uint32_t FindRoot(const uint32_t* parent, uint32_t v) {
  while (parent[v] != v) v = parent[v];
  return v;
}

}  // namespace

std::vector<uint32_t> ConnectedComponentsUnionFind(const datasets::Graph& graph) {
  const uint64_t n = graph.num_vertices();
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  std::vector<uint8_t> rank(n, 0);
  uint32_t* p = parent.data();
  uint8_t* r = rank.data();
  const uint64_t* offsets = graph.out.offsets.data();
  const uint32_t* targets = graph.out.targets.data();
  for (uint64_t u = 0; u < n; ++u) {
    for (uint64_t e = offsets[u]; e < offsets[u + 1]; ++e) {
      uint32_t a = FindRoot(p, static_cast<uint32_t>(u));
      uint32_t b = FindRoot(p, targets[e]);
      if (a == b) continue;
      if (r[a] < r[b]) std::swap(a, b);  // a is the taller tree
      p[b] = a;
      if (r[a] == r[b]) ++r[a];
    }
  }
  for (uint64_t v = 0; v < n; ++v) p[v] = FindRoot(p, static_cast<uint32_t>(v));
  return parent;
}

}  // namespace cost::baselines
