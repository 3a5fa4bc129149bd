// WCC by union-find, one thread, over the arcs in Hilbert-curve order (graph.hilbert_src/dst):
// one pass over the arcs, then one compression pass.
//
// The algorithm of wcc_union_find.cc (roots found without path compression during the pass,
// union by 8-bit rank, a final pass pointing every vertex at its root); only the edge order
// differs. The curve keeps the parent and rank entries a stretch of arcs touches within small
// ranges of vertices. Labels are roots, so they may differ from the sibling's; the components
// do not.
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, Tables 4-5.
#include <numeric>
#include <utility>

#include "baselines/wcc.h"
#include "datasets/hilbert_layout.h"

namespace cost::baselines {
namespace {

inline uint32_t FindRoot(const uint32_t* parent, uint32_t v) {
  while (parent[v] != v) v = parent[v];
  return v;
}

}  // namespace

std::vector<uint32_t> ConnectedComponentsUnionFindHilbert(const datasets::Graph& graph) {
  datasets::RequireEdgeLayout(graph, datasets::EdgeLayout::kHilbert);
  const uint64_t n = graph.num_vertices();
  const uint64_t m = graph.num_edges();
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  std::vector<uint8_t> rank(n, 0);
  uint32_t* p = parent.data();
  uint8_t* r = rank.data();
  const uint32_t* src = graph.hilbert_src.data();
  const uint32_t* dst = graph.hilbert_dst.data();
  // Plain form: for e: Union(Find(hilbert_src[e]), Find(hilbert_dst[e])).
  for (uint64_t e = 0; e < m; ++e) {
    uint32_t a = FindRoot(p, src[e]);
    uint32_t b = FindRoot(p, dst[e]);
    if (a == b) continue;
    if (r[a] < r[b]) std::swap(a, b);  // a is the taller tree
    p[b] = a;
    if (r[a] == r[b]) ++r[a];
  }
  for (uint64_t v = 0; v < n; ++v) p[v] = FindRoot(p, static_cast<uint32_t>(v));
  return parent;
}

}  // namespace cost::baselines
