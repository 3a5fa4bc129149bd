// What one MPI rank holds of the graph: its rows with every neighbour renumbered into a local
// index, and the ghost plan that says which remote vertices it reads and which of its own rows
// other ranks read. Local index i < rows is the owned vertex first + i; rows + g is the ghost
// plan.ghosts[g]. Built once per run (the "partitioning" time), outside the timed kernels.
#ifndef COST_PARALLEL_MPI_LOCAL_VIEW_H_
#define COST_PARALLEL_MPI_LOCAL_VIEW_H_

#include <mpi.h>

#include <cstdint>
#include <vector>

#include "datasets/graph_file_part.h"
#include "parallel/mpi/partition.h"

namespace cost::parallel::mpi {

struct GhostPlan {
  // Remote vertices this rank's edges reach, sorted by global id and hence grouped by owner:
  // those of rank r are ghosts[ghost_displs[r] .. + ghost_counts[r]).
  std::vector<datasets::VertexId> ghosts;
  std::vector<int> ghost_counts, ghost_displs;
  // Owned rows (local indices) that rank r holds as ghosts, in the order of r's ghosts array:
  // exports[export_displs[r] .. + export_counts[r]). Sending values of these rows with
  // MPI_Alltoallv fills every rank's ghost slots in place, and the reverse direction delivers
  // per-ghost values to their owners.
  std::vector<uint32_t> exports;
  std::vector<int> export_counts, export_displs;
};

struct LocalView {
  int rank = 0, ranks = 1;
  uint64_t num_vertices = 0;  // of the whole graph
  datasets::VertexId first = 0;
  uint64_t rows = 0;
  std::vector<uint64_t> offsets;  // rows + 1
  std::vector<uint32_t> targets;  // local indices
  GhostPlan plan;

  uint64_t num_local() const { return rows + plan.ghosts.size(); }
  datasets::VertexId GlobalId(uint32_t local) const {
    return local < rows ? first + local : plan.ghosts[local - rows];
  }
};

// The view of `part`'s out-edges, or of out- and in-edges together (undirected, for WCC on a
// directed graph; on a symmetric one out-edges already are the undirected neighbourhood), built
// with `threads` OpenMP threads. Neighbours are renumbered through a bitmap of the ghosts
// (n / 8 + n / 16 bytes while building): constant work per edge. Collective over comm: ranks
// exchange their ghost lists once.
LocalView BuildLocalView(const datasets::GraphPart& part, const Partition& partition,
                         bool undirected, int threads, MPI_Comm comm);

// The view's edges by target: for each local index t (rows and ghosts), the rows with an edge to
// t, ascending (duplicates kept). What a pull over the view reads.
struct LocalTranspose {
  std::vector<uint64_t> offsets;  // num_local + 1
  std::vector<uint32_t> sources;  // rows (local indices)
};
LocalTranspose TransposeLocalView(const LocalView& view, int threads);

// Per-rank displacements of `counts` (exclusive prefix sums).
std::vector<int> Displacements(const std::vector<int>& counts);

}  // namespace cost::parallel::mpi

#endif  // COST_PARALLEL_MPI_LOCAL_VIEW_H_
