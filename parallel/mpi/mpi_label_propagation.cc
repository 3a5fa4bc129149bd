// WCC by label propagation, MPI: every round, each rank first receives its ghosts' current labels
// from their owners (Alltoallv along the ghost plan), then sweeps its own rows once, in place,
// taking the minimum label over each row's undirected neighbourhood. An Allreduce(LOR) of "did
// any label change" ends the loop: a round in which no rank changed anything, after the ghosts
// were refreshed, is a fixed point everywhere. Labels start as the global ids, so the result is
// the smallest id in each component, as in serial:label-propagation.
//
// Threads sweep blocks of rows in place, reading labels other threads may be lowering (relaxed
// atomics: labels only fall, and any value read is one the label held). The fixed point, and so
// the output, is the same at every thread count; the number of rounds may differ, since a sweep
// sees more or fewer of its own round's updates.
// Reference: McSherry, Isard, Murray, HotOS 2015 (label propagation is what vertex-centric
// systems run); openmp:label-propagation is the shared-memory sibling.
#include <algorithm>
#include <atomic>
#include <vector>

#include "parallel/mpi/mpi_kernels.h"

namespace cost::parallel::mpi {
namespace {

constexpr uint64_t kBlock = 1024;

inline uint32_t Load(std::vector<uint32_t>& label, uint64_t v) {
  return std::atomic_ref<uint32_t>(label[v]).load(std::memory_order_relaxed);
}

}  // namespace

std::vector<uint32_t> ConnectedComponentsLabelPropagationMpi(const LocalView& view, int threads,
                                                             CountingComm& comm) {
  const uint64_t rows = view.rows;
  const GhostPlan& plan = view.plan;
  std::vector<uint32_t> label(view.num_local());
  for (uint64_t i = 0; i < label.size(); ++i) label[i] = view.GlobalId(static_cast<uint32_t>(i));
  std::vector<uint32_t> outgoing(plan.exports.size());
  int changed = 1;
  while (changed) {
#pragma omp parallel for num_threads(threads) schedule(static)
    for (size_t i = 0; i < outgoing.size(); ++i) outgoing[i] = label[plan.exports[i]];
    Alltoallv(comm, outgoing.data(), plan.export_counts, plan.export_displs, label.data() + rows,
              plan.ghost_counts, plan.ghost_displs);
    changed = 0;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1) reduction(| : changed)
    for (uint64_t block = 0; block < rows; block += kBlock) {
      for (uint64_t v = block; v < std::min(rows, block + kBlock); ++v) {
        uint32_t best = Load(label, v);
        const uint32_t before = best;
        for (uint64_t e = view.offsets[v]; e < view.offsets[v + 1]; ++e) {
          best = std::min(best, Load(label, view.targets[e]));
        }
        if (best < before) {
          std::atomic_ref<uint32_t>(label[v]).store(best, std::memory_order_relaxed);
          changed = 1;
        }
      }
    }
    Allreduce(comm, &changed, 1, MPI_LOR);
  }
  label.resize(rows);
  return label;
}

}  // namespace cost::parallel::mpi
