// WCC by label propagation, one thread, in place over the edge stream (graph.out in CSR order).
//
// Every vertex starts with its own id; each pass visits every edge (u, v) and sets both ends to
// the smaller of their labels. Updates are visible within the same pass (unlike the synchronous
// form), which is what makes the single thread fast. Stops after a pass with no change. The
// number of passes grows with the graph's diameter; ConnectedComponentsUnionFind does not.
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, label
// propagation baseline.

#include "baselines/label_propagation_passes.h"
#include "baselines/wcc.h"

namespace cost::baselines {

std::vector<uint32_t> ConnectedComponentsLabelPropagation(const datasets::Graph& graph) {
  const uint64_t n = graph.num_vertices();
  const uint64_t* offsets = graph.out.offsets.data();
  const uint32_t* targets = graph.out.targets.data();
  return PropagateLabels(n, [n, offsets, targets](auto relax) {
    // Plain form: for (u, v) in out-edges: label[u] = label[v] = min(label[u], label[v]).
    for (uint64_t u = 0; u < n; ++u) {
      for (uint64_t e = offsets[u]; e < offsets[u + 1]; ++e)
        relax(static_cast<uint32_t>(u), targets[e]);
    }
  });
}

}  // namespace cost::baselines
