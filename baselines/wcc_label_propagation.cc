// WCC by label propagation, one thread, in place over the edge stream (graph.out in CSR order).
//
// Every vertex starts with its own id; each pass visits every edge (u, v) and sets both ends to
// the smaller of their labels. Updates are visible within the same pass (unlike the synchronous
// form), which is what makes the single thread fast. Stops after a pass with no change. The
// number of passes grows with the graph's diameter; ConnectedComponentsUnionFind does not.
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, label
// propagation baseline.
#include <numeric>

#include "baselines/wcc.h"

namespace cost::baselines {

std::vector<uint32_t> ConnectedComponentsLabelPropagation(const datasets::Graph& graph) {
  const uint64_t n = graph.num_vertices();
  std::vector<uint32_t> label(n);
  std::iota(label.begin(), label.end(), 0u);
  const uint64_t* offsets = graph.out.offsets.data();
  const uint32_t* targets = graph.out.targets.data();
  uint32_t* l = label.data();
  bool changed = true;
  while (changed) {
    changed = false;
    for (uint64_t u = 0; u < n; ++u) {
      for (uint64_t e = offsets[u]; e < offsets[u + 1]; ++e) {
        const uint32_t v = targets[e];
        const uint32_t lu = l[u], lv = l[v];
        if (lu == lv) continue;
        const uint32_t smaller = lu < lv ? lu : lv;
        l[u] = smaller;
        l[v] = smaller;
        changed = true;
      }
    }
  }
  return label;
}

}  // namespace cost::baselines
