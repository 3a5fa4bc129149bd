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

// One in-place sweep over rows [begin, end): each takes the minimum label of its neighbourhood;
// true when a label fell. kShared: other threads sweep other rows meanwhile, so labels are read
// and written with relaxed atomics; they also keep the compiler from vectorising the minimum,
// which one thread, with plain loads, gets.
template <bool kShared>
bool Sweep(const LocalView& view, uint64_t begin, uint64_t end, uint32_t* label) {
  const auto load = [&](uint64_t v) {
    if constexpr (kShared) {
      return std::atomic_ref<uint32_t>(label[v]).load(std::memory_order_relaxed);
    } else {
      return label[v];
    }
  };
  bool changed = false;
  for (uint64_t v = begin; v < end; ++v) {
    uint32_t best = load(v);
    const uint32_t before = best;
    for (uint64_t e = view.offsets[v]; e < view.offsets[v + 1]; ++e) {
      best = std::min(best, load(view.targets[e]));
    }
    if (best < before) {
      std::atomic_ref<uint32_t>(label[v]).store(best, std::memory_order_relaxed);
      changed = true;
    }
  }
  return changed;
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
    if (threads == 1) {
      changed = Sweep<false>(view, 0, rows, label.data());
    } else {
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1) reduction(| : changed)
      for (uint64_t block = 0; block < rows; block += kBlock) {
        changed |= Sweep<true>(view, block, std::min(rows, block + kBlock), label.data());
      }
    }
    Allreduce(comm, &changed, 1, MPI_LOR);
  }
  label.resize(rows);
  return label;
}

}  // namespace cost::parallel::mpi
