// BFS, MPI, level-synchronous with frontier exchange: each level, every rank expands its part of
// the frontier; a reached own row joins the next frontier at once, a reached ghost is sent to its
// owner (each ghost at most once per run: a ghost, once sent, is reached). Ghosts travel as
// positions in the owner's export list, so the owner needs no lookup. MPI_Alltoall of the counts,
// MPI_Alltoallv of the positions, and an MPI_Allreduce of the next frontier's size per level.
// Reference: Buluç and Madduri, "Parallel Breadth-First Search on Distributed Memory Systems",
// SC 2011 (the 1D algorithm); serial:bfs is the queue it distributes.
#include <algorithm>
#include <vector>

#include "parallel/mpi/mpi_kernels.h"

namespace cost::parallel::mpi {

std::vector<int64_t> BreadthFirstSearchMpi(const LocalView& view, datasets::VertexId source,
                                           MPI_Comm comm) {
  const uint64_t rows = view.rows;
  const GhostPlan& plan = view.plan;
  std::vector<int64_t> depth(rows, datasets::kUnreachable);
  std::vector<uint32_t> frontier, next, sent_ghosts, positions, received;
  std::vector<char> ghost_sent(plan.ghosts.size(), 0);
  if (source >= view.first && source - view.first < rows) {
    depth[source - view.first] = 0;
    frontier.push_back(source - view.first);
  }
  std::vector<int> send_counts(view.ranks), recv_counts(view.ranks);
  for (int64_t level = 0;; ++level) {
    next.clear();
    sent_ghosts.clear();
    for (uint32_t u : frontier) {
      for (uint64_t e = view.offsets[u]; e < view.offsets[u + 1]; ++e) {
        const uint32_t t = view.targets[e];
        if (t < rows) {
          if (depth[t] != datasets::kUnreachable) continue;
          depth[t] = level + 1;
          next.push_back(t);
        } else if (!ghost_sent[t - rows]) {
          ghost_sent[t - rows] = 1;
          sent_ghosts.push_back(t - static_cast<uint32_t>(rows));
        }
      }
    }
    // Ghost indices sorted are grouped by owner; each becomes its position in the owner's list.
    std::sort(sent_ghosts.begin(), sent_ghosts.end());
    std::fill(send_counts.begin(), send_counts.end(), 0);
    positions.resize(sent_ghosts.size());
    int owner = 0;
    for (size_t i = 0; i < sent_ghosts.size(); ++i) {
      while (sent_ghosts[i] >= static_cast<uint32_t>(plan.ghost_displs[owner] +
                                                     plan.ghost_counts[owner])) {
        ++owner;
      }
      ++send_counts[owner];
      positions[i] = sent_ghosts[i] - plan.ghost_displs[owner];
    }
    MPI_Alltoall(send_counts.data(), 1, MPI_INT, recv_counts.data(), 1, MPI_INT, comm);
    const std::vector<int> send_displs = Displacements(send_counts);
    const std::vector<int> recv_displs = Displacements(recv_counts);
    received.resize(recv_displs.back() + recv_counts.back());
    MPI_Alltoallv(positions.data(), send_counts.data(), send_displs.data(), MPI_UINT32_T,
                  received.data(), recv_counts.data(), recv_displs.data(), MPI_UINT32_T, comm);
    for (int r = 0; r < view.ranks; ++r) {
      for (int i = recv_displs[r]; i < recv_displs[r] + recv_counts[r]; ++i) {
        const uint32_t row = plan.exports[plan.export_displs[r] + received[i]];
        if (depth[row] != datasets::kUnreachable) continue;
        depth[row] = level + 1;
        next.push_back(row);
      }
    }
    frontier.swap(next);
    uint64_t size = frontier.size();
    MPI_Allreduce(MPI_IN_PLACE, &size, 1, MPI_UINT64_T, MPI_SUM, comm);
    if (size == 0) break;
  }
  return depth;
}

}  // namespace cost::parallel::mpi
