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

#include "baselines/union_find.h"
#include "baselines/wcc.h"
#include "datasets/hilbert_layout.h"

namespace cost::baselines {

std::vector<uint32_t> ConnectedComponentsUnionFindHilbert(const datasets::Graph& graph) {
  datasets::RequireEdgeLayout(graph, datasets::EdgeLayout::kHilbert);
  UnionByRank forest(graph.num_vertices());
  const uint64_t m = graph.num_edges();
  const uint32_t* src = graph.hilbert_src.data();
  const uint32_t* dst = graph.hilbert_dst.data();
  for (uint64_t e = 0; e < m; ++e) forest.Union(src[e], dst[e]);
  return std::move(forest).CompressToRoots();
}

}  // namespace cost::baselines
