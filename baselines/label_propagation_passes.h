// The passes both single-threaded label propagations share (vertex order and Hilbert order):
// they differ only in the order their arcs are scanned. Internal to baselines/.
#ifndef COST_BASELINES_LABEL_PROPAGATION_PASSES_H_
#define COST_BASELINES_LABEL_PROPAGATION_PASSES_H_

#include <cstdint>
#include <numeric>
#include <vector>

#include "baselines/huge_pages.h"

namespace cost::baselines {

// The relaxation of one arc: both ends take the smaller of their labels. A scan that can prefetch
// for arcs ahead (the streaming row) calls Prefetch for them; the others call the relax only.
struct RelaxLabels {
  uint32_t* label;
  bool* changed;
  void operator()(uint32_t u, uint32_t v) const {
    const uint32_t lu = label[u], lv = label[v];
    if (lu == lv) return;
    const uint32_t smaller = lu < lv ? lu : lv;
    label[u] = smaller;
    label[v] = smaller;
    *changed = true;
  }
  void Prefetch(uint32_t u, uint32_t v) const {
    __builtin_prefetch(label + u, /*rw=*/1);
    __builtin_prefetch(label + v, /*rw=*/1);
  }
};

// Labels start as ids; each pass calls scan(relax), which must call relax(u, v) (a RelaxLabels)
// once per arc; relax sets both ends to the smaller of their labels, in place, so updates are
// seen within the same pass. Stops after a pass that changes nothing. Label = smallest id in the
// component.
template <typename ScanArcs>
std::vector<uint32_t> PropagateLabels(uint64_t num_vertices, ScanArcs scan) {
  std::vector<uint32_t> label = HugePageVector<uint32_t>(num_vertices);
  std::iota(label.begin(), label.end(), 0u);
  bool changed = true;
  while (changed) {
    changed = false;
    scan(RelaxLabels{.label = label.data(), .changed = &changed});
  }
  return label;
}

}  // namespace cost::baselines

#endif  // COST_BASELINES_LABEL_PROPAGATION_PASSES_H_
