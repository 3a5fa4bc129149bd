// BFS, MPI, level-synchronous with frontier exchange: each level, every rank expands its part of
// the frontier; a reached own row joins the next frontier at once, a reached ghost is sent to its
// owner (each ghost at most once per run: a ghost, once sent, is reached). Ghosts travel as
// positions in the owner's export list, so the owner needs no lookup. An Alltoall of the counts,
// an Alltoallv of the positions, and an Allreduce of the next frontier's size per level.
//
// Threads share a level's frontier; a row or ghost is claimed with a compare-exchange, so each
// joins the next frontier (or is sent) once. Depths are the level that reached a vertex, the same
// at every thread count, and the ghosts sent each level are sorted: so is the traffic.
// Reference: Buluç and Madduri, "Parallel Breadth-First Search on Distributed Memory Systems",
// SC 2011 (the 1D algorithm); serial:bfs is the queue it distributes.
#include <algorithm>
#include <atomic>
#include <vector>

#include "parallel/mpi/mpi_kernels.h"

namespace cost::parallel::mpi {
namespace {

constexpr size_t kChunk = 64;  // frontier vertices per unit of OpenMP work

// Sets depth[row] = level if it was unreached; true when this call did. kShared: other threads
// may claim it too, so a compare-exchange decides (after a read: most edges reach rows reached
// before, which then cost none).
template <bool kShared>
bool Claim(std::vector<int64_t>& depth, uint32_t row, int64_t level) {
  if constexpr (kShared) {
    std::atomic_ref<int64_t> d(depth[row]);
    int64_t unreached = datasets::kUnreachable;
    return d.load(std::memory_order_relaxed) == unreached &&
           d.compare_exchange_strong(unreached, level, std::memory_order_relaxed);
  } else {
    if (depth[row] != datasets::kUnreachable) return false;
    depth[row] = level;
    return true;
  }
}

template <bool kShared>
bool ClaimGhost(std::vector<char>& sent, uint32_t ghost) {
  if constexpr (kShared) {
    std::atomic_ref<char> s(sent[ghost]);
    return !s.load(std::memory_order_relaxed) && !s.exchange(1, std::memory_order_relaxed);
  } else {
    if (sent[ghost]) return false;
    sent[ghost] = 1;
    return true;
  }
}

// Expands frontier[begin, end): reached rows are appended to *next, newly reached ghosts (ghost
// indices) to *sent.
template <bool kShared>
void ExpandRange(const LocalView& view, const std::vector<uint32_t>& frontier, size_t begin,
                 size_t end, int64_t level, std::vector<int64_t>& depth,
                 std::vector<char>& ghost_sent, std::vector<uint32_t>* next,
                 std::vector<uint32_t>* sent) {
  const uint32_t rows = static_cast<uint32_t>(view.rows);
  for (size_t i = begin; i < end; ++i) {
    const uint32_t u = frontier[i];
    for (uint64_t e = view.offsets[u]; e < view.offsets[u + 1]; ++e) {
      const uint32_t t = view.targets[e];
      if (t < rows) {
        if (Claim<kShared>(depth, t, level + 1)) next->push_back(t);
      } else if (ClaimGhost<kShared>(ghost_sent, t - rows)) {
        sent->push_back(t - rows);
      }
    }
  }
}

// The whole frontier, by `threads` threads; *next and *sent in no particular order.
void Expand(const LocalView& view, const std::vector<uint32_t>& frontier, int64_t level,
            int threads, std::vector<int64_t>& depth, std::vector<char>& ghost_sent,
            std::vector<uint32_t>* next, std::vector<uint32_t>* sent) {
  if (threads == 1) {
    ExpandRange<false>(view, frontier, 0, frontier.size(), level, depth, ghost_sent, next, sent);
    return;
  }
#pragma omp parallel num_threads(threads)
  {
    std::vector<uint32_t> my_next, my_sent;
#pragma omp for schedule(dynamic, 1) nowait
    for (size_t i = 0; i < frontier.size(); i += kChunk) {
      ExpandRange<true>(view, frontier, i, std::min(frontier.size(), i + kChunk), level, depth,
                        ghost_sent, &my_next, &my_sent);
    }
#pragma omp critical
    {
      next->insert(next->end(), my_next.begin(), my_next.end());
      sent->insert(sent->end(), my_sent.begin(), my_sent.end());
    }
  }
}

}  // namespace

std::vector<int64_t> BreadthFirstSearchMpi(const LocalView& view, datasets::VertexId source,
                                           int threads, CountingComm& comm) {
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
    Expand(view, frontier, level, threads, depth, ghost_sent, &next, &sent_ghosts);
    // Ghost indices sorted are grouped by owner; each becomes its position in the owner's list.
    std::sort(sent_ghosts.begin(), sent_ghosts.end());
    std::fill(send_counts.begin(), send_counts.end(), 0);
    positions.resize(sent_ghosts.size());
    int owner = 0;
    for (size_t i = 0; i < sent_ghosts.size(); ++i) {
      while (sent_ghosts[i] >=
             static_cast<uint32_t>(plan.ghost_displs[owner] + plan.ghost_counts[owner])) {
        ++owner;
      }
      ++send_counts[owner];
      positions[i] = sent_ghosts[i] - plan.ghost_displs[owner];
    }
    Alltoall(comm, send_counts.data(), recv_counts.data());
    const std::vector<int> send_displs = Displacements(send_counts);
    const std::vector<int> recv_displs = Displacements(recv_counts);
    received.resize(recv_displs.back() + recv_counts.back());
    Alltoallv(comm, positions.data(), send_counts, send_displs, received.data(), recv_counts,
              recv_displs);
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
    Allreduce(comm, &size, 1, MPI_SUM);
    if (size == 0) break;
  }
  return depth;
}

}  // namespace cost::parallel::mpi
