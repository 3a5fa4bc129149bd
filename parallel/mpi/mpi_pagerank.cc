// PageRank, MPI, 1D vertex partitioning: each rank forms, for every local target (its own rows
// and its ghosts), the sum of rank/outdeg over the rank's rows with an edge to it, then sends
// each ghost's sum to the ghost's owner with one Alltoallv; the owners add what arrives.
//
// Why an Alltoallv of contributions rather than an Allgatherv of ranks: an Allgatherv gives
// every rank all n ranks each iteration, so every rank holds and receives O(n) doubles whatever
// P is; the Alltoallv sends one pre-summed double per (rank, remote target) pair its edges reach,
// at most min(n, m/P) per rank, and memory per rank stays O((n + m) / P) plus ghosts. The
// exchange pattern is fixed, so the ghost plan built once (LocalView) serves every iteration.
// Dangling rank is one Allreduce per iteration.
//
// Threads: the sums are pulled over the local transpose, sources ascending, so each is formed in
// the same order at any thread count (the order a push over the rows in order would use), and
// the dangling sum adds fixed blocks in order: the PageRank values are the same at every thread
// count.
// Reference: McSherry, Isard, Murray, HotOS 2015 (the systems the paper measures partition the
// same way); LDBC Graphalytics PageRank.
#include <algorithm>
#include <vector>

#include "parallel/mpi/mpi_kernels.h"

namespace cost::parallel::mpi {
namespace {

constexpr uint64_t kBlock = 4096;  // rows per unit of work and per partial dangling sum

// rank/outdeg of every row into *contribution; returns the rank held by rows without out-edges.
double Contributions(const LocalView& view, const std::vector<double>& rank, int threads,
                     std::vector<double>* contribution) {
  const uint64_t rows = view.rows, blocks = (rows + kBlock - 1) / kBlock;
  std::vector<double> dangling(blocks, 0.0);
#pragma omp parallel for num_threads(threads) schedule(static)
  for (uint64_t b = 0; b < blocks; ++b) {
    double sum = 0;
    for (uint64_t u = b * kBlock; u < std::min(rows, (b + 1) * kBlock); ++u) {
      const uint64_t degree = view.offsets[u + 1] - view.offsets[u];
      if (degree == 0) sum += rank[u];
      (*contribution)[u] = degree == 0 ? 0 : rank[u] / static_cast<double>(degree);
    }
    dangling[b] = sum;
  }
  double total = 0;
  for (double d : dangling) total += d;
  return total;
}

}  // namespace

std::vector<double> PageRankMpi(const LocalView& view, const LocalTranspose& in,
                                const datasets::PageRankOptions& options, int threads,
                                CountingComm& comm) {
  const uint64_t rows = view.rows, local = view.num_local();
  const double n = static_cast<double>(view.num_vertices);
  const double d = options.damping;
  const GhostPlan& plan = view.plan;
  std::vector<double> rank(rows, 1.0 / n), contribution(rows), sums(local);
  std::vector<double> received(plan.exports.size());
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    double dangling = Contributions(view, rank, threads, &contribution);
#pragma omp parallel for num_threads(threads) schedule(dynamic, kBlock)
    for (uint64_t t = 0; t < local; ++t) {
      double sum = 0;
      for (uint64_t e = in.offsets[t]; e < in.offsets[t + 1]; ++e) {
        sum += contribution[in.sources[e]];
      }
      sums[t] = sum;
    }
    // Ghost sums go to their owners, arriving in the order of the owners' export lists.
    Alltoallv(comm, sums.data() + rows, plan.ghost_counts, plan.ghost_displs, received.data(),
              plan.export_counts, plan.export_displs);
    // Rank by rank: a row exported to several ranks gets their sums in rank order.
    for (int r = 0; r < view.ranks; ++r) {
      const int begin = plan.export_displs[r], end = begin + plan.export_counts[r];
#pragma omp parallel for num_threads(threads) schedule(static)
      for (int i = begin; i < end; ++i) sums[plan.exports[i]] += received[i];
    }
    Allreduce(comm, &dangling, 1, MPI_SUM);
    const double base = (1 - d) / n + d * dangling / n;
#pragma omp parallel for num_threads(threads) schedule(static)
    for (uint64_t v = 0; v < rows; ++v) rank[v] = base + d * sums[v];
  }
  return rank;
}

}  // namespace cost::parallel::mpi
