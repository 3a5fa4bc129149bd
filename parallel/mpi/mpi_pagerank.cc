// PageRank, MPI, 1D vertex partitioning: each rank pushes rank/outdeg of its own rows along their
// out-edges into one sum per local target (its own rows and its ghosts), then sends each ghost's
// sum to the ghost's owner with MPI_Alltoallv.
//
// Why MPI_Alltoallv of contributions rather than MPI_Allgatherv of ranks: an Allgatherv gives
// every rank all n ranks each iteration, so every rank holds and receives O(n) doubles whatever
// P is; the Alltoallv sends one pre-summed double per (rank, remote target) pair its edges reach,
// at most min(n, m/P) per rank, and memory per rank stays O((n + m) / P) plus ghosts. The
// exchange pattern is fixed, so the ghost plan built once (LocalView) serves every iteration.
// Dangling rank is one MPI_Allreduce per iteration.
// Reference: McSherry, Isard, Murray, HotOS 2015 (the systems the paper measures partition the
// same way); LDBC Graphalytics PageRank.
#include <vector>

#include "parallel/mpi/mpi_kernels.h"

namespace cost::parallel::mpi {

std::vector<double> PageRankMpi(const LocalView& view, const datasets::PageRankOptions& options,
                                MPI_Comm comm) {
  const uint64_t rows = view.rows;
  const double n = static_cast<double>(view.num_vertices);
  const double d = options.damping;
  const GhostPlan& plan = view.plan;
  std::vector<double> rank(rows, 1.0 / n), contribution(rows), sums(view.num_local());
  std::vector<double> received(plan.exports.size());
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    double dangling = 0;
    for (uint64_t u = 0; u < rows; ++u) {
      const uint64_t degree = view.offsets[u + 1] - view.offsets[u];
      if (degree == 0) dangling += rank[u];
      contribution[u] = degree == 0 ? 0 : rank[u] / static_cast<double>(degree);
    }
    std::fill(sums.begin(), sums.end(), 0.0);
    for (uint64_t u = 0; u < rows; ++u) {
      const double c = contribution[u];
      for (uint64_t e = view.offsets[u]; e < view.offsets[u + 1]; ++e) sums[view.targets[e]] += c;
    }
    // Ghost sums go to their owners, arriving in the order of the owners' export lists.
    MPI_Alltoallv(sums.data() + rows, plan.ghost_counts.data(), plan.ghost_displs.data(),
                  MPI_DOUBLE, received.data(), plan.export_counts.data(),
                  plan.export_displs.data(), MPI_DOUBLE, comm);
    for (size_t i = 0; i < received.size(); ++i) sums[plan.exports[i]] += received[i];
    MPI_Allreduce(MPI_IN_PLACE, &dangling, 1, MPI_DOUBLE, MPI_SUM, comm);
    const double base = (1 - d) / n + d * dangling / n;
    for (uint64_t v = 0; v < rows; ++v) rank[v] = base + d * sums[v];
  }
  return rank;
}

}  // namespace cost::parallel::mpi
