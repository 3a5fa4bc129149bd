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
#include <numeric>

#include "baselines/wcc.h"
#include "datasets/hilbert_layout.h"

namespace cost::baselines {

std::vector<uint32_t> ConnectedComponentsLabelPropagationHilbert(const datasets::Graph& graph) {
  datasets::RequireEdgeLayout(graph, datasets::EdgeLayout::kHilbert);
  const uint64_t n = graph.num_vertices();
  const uint64_t m = graph.num_edges();
  std::vector<uint32_t> label(n);
  std::iota(label.begin(), label.end(), 0u);
  const uint32_t* src = graph.hilbert_src.data();
  const uint32_t* dst = graph.hilbert_dst.data();
  uint32_t* l = label.data();
  bool changed = true;
  while (changed) {
    changed = false;
    // Plain form: for e: u = hilbert_src[e], v = hilbert_dst[e]; label[u] = label[v] = min.
    for (uint64_t e = 0; e < m; ++e) {
      const uint32_t u = src[e], v = dst[e];
      const uint32_t lu = l[u], lv = l[v];
      if (lu == lv) continue;
      const uint32_t smaller = lu < lv ? lu : lv;
      l[u] = smaller;
      l[v] = smaller;
      changed = true;
    }
  }
  return label;
}

}  // namespace cost::baselines
