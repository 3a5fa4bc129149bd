// WCC by label propagation, one thread, in place over the arcs in Hilbert-curve order
// (graph.hilbert_src/dst).
//
// The algorithm of wcc_label_propagation.cc: labels start as ids, each pass sets both ends of
// every arc to the smaller of their labels (updates visible within the pass), until a pass
// changes nothing. Only the edge order differs: the curve keeps the labels a pass touches within
// small ranges of vertices, and mixes the order in which labels travel, so the number of passes
// can differ from the vertex-order sibling (the labels cannot: smallest id per component).
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, label
// propagation baseline and Table 4 (Hilbert order).
#include "baselines/label_propagation_passes.h"
#include "baselines/wcc.h"
#include "datasets/hilbert_layout.h"

namespace cost::baselines {

std::vector<uint32_t> ConnectedComponentsLabelPropagationHilbert(const datasets::Graph& graph) {
  datasets::RequireEdgeLayout(graph, datasets::EdgeLayout::kHilbert);
  const uint64_t m = graph.num_edges();
  const uint32_t* src = graph.hilbert_src.data();
  const uint32_t* dst = graph.hilbert_dst.data();
  return PropagateLabels(graph.num_vertices(), [m, src, dst](auto relax) {
    // Plain form: for e: relax(hilbert_src[e], hilbert_dst[e]).
    for (uint64_t e = 0; e < m; ++e) relax(src[e], dst[e]);
  });
}

}  // namespace cost::baselines
