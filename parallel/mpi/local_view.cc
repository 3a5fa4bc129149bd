#include "parallel/mpi/local_view.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace cost::parallel::mpi {
namespace {

// Calls visit(v, neighbour) for every edge of the rows, out-edges then (when given) in-edges.
template <typename Visit>
void ForEachEdge(const datasets::GraphPart& part, bool undirected, Visit visit) {
  for (datasets::VertexId v = part.first; v < part.last; ++v) {
    for (datasets::VertexId u : part.out.Neighbors(v)) visit(v, u);
    if (undirected && part.in.num_rows() > 0) {
      for (datasets::VertexId u : part.in.Neighbors(v)) visit(v, u);
    }
  }
}

}  // namespace

std::vector<int> Displacements(const std::vector<int>& counts) {
  std::vector<int> displs(counts.size(), 0);
  std::exclusive_scan(counts.begin(), counts.end(), displs.begin(), 0);
  return displs;
}

LocalView BuildLocalView(const datasets::GraphPart& part, const Partition& partition,
                         bool undirected, MPI_Comm comm) {
  LocalView view;
  MPI_Comm_rank(comm, &view.rank);
  MPI_Comm_size(comm, &view.ranks);
  view.num_vertices = part.num_vertices;
  view.first = part.first;
  view.rows = part.last - part.first;
  const datasets::VertexId first = part.first, last = part.last;
  GhostPlan& plan = view.plan;

  // Ghosts: every neighbour outside [first, last), once.
  ForEachEdge(part, undirected, [&](datasets::VertexId, datasets::VertexId u) {
    if (u < first || u >= last) plan.ghosts.push_back(u);
  });
  std::sort(plan.ghosts.begin(), plan.ghosts.end());
  plan.ghosts.erase(std::unique(plan.ghosts.begin(), plan.ghosts.end()), plan.ghosts.end());
  plan.ghosts.shrink_to_fit();
  if (view.num_local() > UINT32_MAX) throw std::runtime_error("too many local vertices");

  // Neighbours renumbered into local indices.
  view.offsets.assign(view.rows + 1, 0);
  ForEachEdge(part, undirected,
              [&](datasets::VertexId v, datasets::VertexId) { ++view.offsets[v - first + 1]; });
  std::inclusive_scan(view.offsets.begin(), view.offsets.end(), view.offsets.begin());
  view.targets.resize(view.offsets.back());
  std::vector<uint64_t> next(view.offsets.begin(), view.offsets.end() - 1);
  ForEachEdge(part, undirected, [&](datasets::VertexId v, datasets::VertexId u) {
    const uint64_t local =
        u >= first && u < last
            ? u - first
            : view.rows + (std::lower_bound(plan.ghosts.begin(), plan.ghosts.end(), u) -
                           plan.ghosts.begin());
    view.targets[next[v - first]++] = static_cast<uint32_t>(local);
  });

  // Tell each owner which of its rows this rank reads.
  plan.ghost_counts.assign(view.ranks, 0);
  for (datasets::VertexId g : plan.ghosts) ++plan.ghost_counts[partition.Owner(g)];
  plan.ghost_displs = Displacements(plan.ghost_counts);
  plan.export_counts.assign(view.ranks, 0);
  MPI_Alltoall(plan.ghost_counts.data(), 1, MPI_INT, plan.export_counts.data(), 1, MPI_INT, comm);
  plan.export_displs = Displacements(plan.export_counts);
  std::vector<datasets::VertexId> requested(plan.export_displs.back() + plan.export_counts.back());
  MPI_Alltoallv(plan.ghosts.data(), plan.ghost_counts.data(), plan.ghost_displs.data(),
                MPI_UINT32_T, requested.data(), plan.export_counts.data(),
                plan.export_displs.data(), MPI_UINT32_T, comm);
  plan.exports.resize(requested.size());
  for (size_t i = 0; i < requested.size(); ++i) plan.exports[i] = requested[i] - first;
  return view;
}

}  // namespace cost::parallel::mpi
