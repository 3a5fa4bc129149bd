// WCC by label propagation, MPI: every round, each rank first receives its ghosts' current labels
// from their owners (MPI_Alltoallv along the ghost plan), then sweeps its own rows once, in place,
// taking the minimum label over each row's undirected neighbourhood. An MPI_Allreduce(LOR) of
// "did any label change" ends the loop: a round in which no rank changed anything, after the
// ghosts were refreshed, is a fixed point everywhere. Labels start as the global ids, so the
// result is the smallest id in each component, as in serial:label-propagation.
// Reference: McSherry, Isard, Murray, HotOS 2015 (label propagation is what vertex-centric
// systems run); openmp:label-propagation is the shared-memory sibling.
#include <numeric>
#include <vector>

#include "parallel/mpi/mpi_kernels.h"

namespace cost::parallel::mpi {

std::vector<uint32_t> ConnectedComponentsLabelPropagationMpi(const LocalView& view,
                                                             MPI_Comm comm) {
  const uint64_t rows = view.rows;
  const GhostPlan& plan = view.plan;
  std::vector<uint32_t> label(view.num_local());
  for (uint64_t i = 0; i < label.size(); ++i) label[i] = view.GlobalId(static_cast<uint32_t>(i));
  std::vector<uint32_t> outgoing(plan.exports.size());
  int changed = 1;
  while (changed) {
    for (size_t i = 0; i < outgoing.size(); ++i) outgoing[i] = label[plan.exports[i]];
    MPI_Alltoallv(outgoing.data(), plan.export_counts.data(), plan.export_displs.data(),
                  MPI_UINT32_T, label.data() + rows, plan.ghost_counts.data(),
                  plan.ghost_displs.data(), MPI_UINT32_T, comm);
    changed = 0;
    for (uint64_t v = 0; v < rows; ++v) {
      uint32_t best = label[v];
      for (uint64_t e = view.offsets[v]; e < view.offsets[v + 1]; ++e) {
        best = std::min(best, label[view.targets[e]]);
      }
      if (best < label[v]) {
        label[v] = best;
        changed = 1;
      }
    }
    MPI_Allreduce(MPI_IN_PLACE, &changed, 1, MPI_INT, MPI_LOR, comm);
  }
  label.resize(rows);
  return label;
}

}  // namespace cost::parallel::mpi
