// WCC by distributed union-find, MPI: each rank runs union-find over its own rows' out-edges (its
// rows and ghosts as one local index space), then the forests are merged. Ranks' local sets meet
// only in shared vertices (a rank's ghosts, and the rows it exports to others), so each rank sends
// one pair (shared vertex, smallest id of its local set) per shared vertex. The pairs are merged up
// a binary tree (rank r + s sends to r at step s, which unions them and keeps only a forest:
// one (vertex, root) pair per non-root), so rank 0 ends with the forest of every shared set. Each
// rank then asks rank 0 for the root of its shared sets (MPI_Gatherv / MPI_Scatterv) and labels
// its rows; a set sharing no vertex keeps its own smallest id. Every edge lies on its source's
// rank, so out-edges alone connect everything the undirected graph does.
// Reference: McSherry, Isard, Murray, HotOS 2015 (union-find, the paper's better single-thread
// algorithm); Manne and Patwary, "A scalable parallel union-find algorithm for distributed memory
// computers", PPAM 2009 (local forests, then merging at the boundaries).
#include <algorithm>
#include <numeric>
#include <vector>

#include "parallel/mpi/mpi_kernels.h"

namespace cost::parallel::mpi {
namespace {

// Union-find with path halving; union links the larger root under the smaller, so a root is
// always the smallest index of its set.
struct Forest {
  explicit Forest(uint64_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t Find(uint32_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a < b) parent[b] = a;
    if (b < a) parent[a] = b;
  }
  std::vector<uint32_t> parent;
};

// Pairs (a, b) flattened; returns the forest they describe as (vertex, root) pairs for every
// vertex that is not a root, root = the smallest id of its set, sorted by vertex.
std::vector<uint32_t> ReduceToForest(const std::vector<uint32_t>& pairs) {
  std::vector<uint32_t> ids(pairs);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  const auto index = [&](uint32_t id) {
    return static_cast<uint32_t>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
  };
  Forest forest(ids.size());  // indices follow ids' order, so the smallest index is the min id
  for (size_t i = 0; i + 1 < pairs.size(); i += 2) {
    forest.Union(index(pairs[i]), index(pairs[i + 1]));
  }
  std::vector<uint32_t> reduced;
  for (uint32_t i = 0; i < ids.size(); ++i) {
    const uint32_t root = forest.Find(i);
    if (root != i) reduced.insert(reduced.end(), {ids[i], ids[root]});
  }
  return reduced;
}

// The binary-tree merge; rank 0 returns the whole forest, others an empty vector.
std::vector<uint32_t> MergeForests(std::vector<uint32_t> pairs, int rank, int ranks,
                                   MPI_Comm comm) {
  pairs = ReduceToForest(pairs);
  for (int step = 1; step < ranks; step *= 2) {
    if (rank % (2 * step) == step) {
      MPI_Send(pairs.data(), static_cast<int>(pairs.size()), MPI_UINT32_T, rank - step, 0, comm);
      return {};
    }
    if (rank % (2 * step) == 0 && rank + step < ranks) {
      MPI_Status status;
      MPI_Probe(rank + step, 0, comm, &status);
      int count = 0;
      MPI_Get_count(&status, MPI_UINT32_T, &count);
      const size_t had = pairs.size();
      pairs.resize(had + count);
      MPI_Recv(pairs.data() + had, count, MPI_UINT32_T, rank + step, 0, comm, MPI_STATUS_IGNORE);
      pairs = ReduceToForest(pairs);
    }
  }
  return pairs;
}

// Rank 0 answers every rank's list of set ids with their roots in `forest`.
std::vector<uint32_t> AskRoots(const std::vector<uint32_t>& queries,
                               const std::vector<uint32_t>& forest, int rank, int ranks,
                               MPI_Comm comm) {
  int count = static_cast<int>(queries.size());
  std::vector<int> counts(ranks);
  MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, comm);
  const std::vector<int> displs = Displacements(counts);
  std::vector<uint32_t> all(rank == 0 ? displs.back() + counts.back() : 0);
  MPI_Gatherv(queries.data(), count, MPI_UINT32_T, all.data(), counts.data(), displs.data(),
              MPI_UINT32_T, 0, comm);
  for (uint32_t& id : all) {  // forest holds (vertex, root) pairs sorted by vertex
    size_t lo = 0, hi = forest.size() / 2;
    while (lo < hi) {
      const size_t mid = (lo + hi) / 2;
      if (forest[2 * mid] < id) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo < forest.size() / 2 && forest[2 * lo] == id) id = forest[2 * lo + 1];
  }
  std::vector<uint32_t> roots(queries.size());
  MPI_Scatterv(all.data(), counts.data(), displs.data(), MPI_UINT32_T, roots.data(), count,
               MPI_UINT32_T, 0, comm);
  return roots;
}

}  // namespace

std::vector<uint32_t> ConnectedComponentsUnionFindMpi(const LocalView& view, MPI_Comm comm) {
  const uint64_t rows = view.rows, local = view.num_local();
  Forest forest(local);
  for (uint64_t v = 0; v < rows; ++v) {
    for (uint64_t e = view.offsets[v]; e < view.offsets[v + 1]; ++e) {
      forest.Union(static_cast<uint32_t>(v), view.targets[e]);
    }
  }
  // A set's name: the smallest global id in it (rows come before ghosts but ghosts may be smaller).
  std::vector<uint32_t> smallest(local, UINT32_MAX);
  for (uint32_t i = 0; i < local; ++i) {
    uint32_t& s = smallest[forest.Find(i)];
    s = std::min(s, view.GlobalId(i));
  }
  std::vector<uint32_t> pairs, queries;
  const auto share = [&](uint32_t i) {
    const uint32_t name = smallest[forest.Find(i)];
    queries.push_back(name);
    if (name != view.GlobalId(i)) pairs.insert(pairs.end(), {view.GlobalId(i), name});
  };
  for (uint32_t g = 0; g < view.plan.ghosts.size(); ++g) share(static_cast<uint32_t>(rows + g));
  for (uint32_t row : view.plan.exports) share(row);
  std::sort(queries.begin(), queries.end());
  queries.erase(std::unique(queries.begin(), queries.end()), queries.end());

  const std::vector<uint32_t> merged = MergeForests(std::move(pairs), view.rank, view.ranks, comm);
  const std::vector<uint32_t> roots = AskRoots(queries, merged, view.rank, view.ranks, comm);
  std::vector<uint32_t> label(rows);
  for (uint32_t v = 0; v < rows; ++v) {
    const uint32_t name = smallest[forest.Find(v)];
    const auto it = std::lower_bound(queries.begin(), queries.end(), name);
    label[v] = it != queries.end() && *it == name ? roots[it - queries.begin()] : name;
  }
  return label;
}

}  // namespace cost::parallel::mpi
