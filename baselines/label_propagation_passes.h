// The passes both single-threaded label propagations share (vertex order and Hilbert order):
// they differ only in the order their arcs are scanned. Internal to baselines/.
#ifndef COST_BASELINES_LABEL_PROPAGATION_PASSES_H_
#define COST_BASELINES_LABEL_PROPAGATION_PASSES_H_

#include <cstdint>
#include <numeric>
#include <vector>

#include "baselines/huge_pages.h"
namespace cost::baselines {

// Labels start as ids; each pass calls scan(relax), which must call relax(u, v) once per arc;
// relax sets both ends to the smaller of their labels, in place, so updates are seen within the
// same pass. Stops after a pass that changes nothing. Label = smallest id in the component.
template <typename ScanArcs>
std::vector<uint32_t> PropagateLabels(uint64_t num_vertices, ScanArcs scan) {
  std::vector<uint32_t> label = HugePageVector<uint32_t>(num_vertices);
  std::iota(label.begin(), label.end(), 0u);
  uint32_t* l = label.data();
  bool changed = true;
  while (changed) {
    changed = false;
    scan([l, &changed](uint32_t u, uint32_t v) {
      const uint32_t lu = l[u], lv = l[v];
      if (lu == lv) return;
      const uint32_t smaller = lu < lv ? lu : lv;
      l[u] = smaller;
      l[v] = smaller;
      changed = true;
    });
  }
  return label;
}

}  // namespace cost::baselines

#endif  // COST_BASELINES_LABEL_PROPAGATION_PASSES_H_
