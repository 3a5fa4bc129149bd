// WCC by distributed union-find, MPI: each rank runs union-find over its own rows' out-edges (its
// rows and ghosts as one local index space), then the forests are merged. Ranks' local sets meet
// only in shared vertices (a rank's ghosts, and the rows it exports to others), so each rank sends
// one pair (shared vertex, smallest id of its local set) per shared vertex. The pairs are merged up
// a binary tree (rank r + s sends to r at step s, which unions them and keeps only a forest:
// one (vertex, root) pair per non-root), so rank 0 ends with the forest of every shared set. Each
// rank then asks rank 0 for the root of its shared sets (Gatherv / Scatterv) and labels its rows;
// a set sharing no vertex keeps its own smallest id. Every edge lies on its source's rank, so
// out-edges alone connect everything the undirected graph does.
//
// Threads link the local forest concurrently: a link hooks the larger root under the smaller with
// a compare-exchange, so a root is always the smallest index of its set, and the sets, their
// names and everything sent are the same at every thread count (as in openmp:afforest).
// Reference: McSherry, Isard, Murray, HotOS 2015 (union-find, the paper's better single-thread
// algorithm); Manne and Patwary, "A scalable parallel union-find algorithm for distributed memory
// computers", PPAM 2009 (local forests, then merging at the boundaries).
#include <algorithm>
#include <atomic>
#include <numeric>
#include <vector>

#include "parallel/concurrent_union_find.h"
#include "parallel/mpi/mpi_kernels.h"

namespace cost::parallel::mpi {
namespace {

constexpr uint64_t kBlock = 1024;

// Union-find with path halving; a union hooks the larger root under the smaller, so a root is
// always the smallest index of its set. Find and Union are for one thread; SharedFind and
// SharedUnion may run on several at once (concurrent_union_find.h), for a compare-exchange per
// link and atomic accesses one thread does without.
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
  uint32_t SharedFind(uint32_t v) { return FindHalving(parent.data(), v); }
  void SharedUnion(uint32_t a, uint32_t b) { Link(parent.data(), a, b); }
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
std::vector<uint32_t> MergeForests(std::vector<uint32_t> pairs, CountingComm& comm) {
  const int rank = comm.rank, ranks = comm.ranks;
  pairs = ReduceToForest(pairs);
  for (int step = 1; step < ranks; step *= 2) {
    if (rank % (2 * step) == step) {
      Send(comm, pairs, rank - step, 0);
      return {};
    }
    if (rank % (2 * step) == 0 && rank + step < ranks) {
      ReceiveAppend(comm, rank + step, 0, &pairs);
      pairs = ReduceToForest(pairs);
    }
  }
  return pairs;
}

// Rank 0 answers every rank's list of set ids with their roots in `forest`.
std::vector<uint32_t> AskRoots(const std::vector<uint32_t>& queries,
                               const std::vector<uint32_t>& forest, CountingComm& comm) {
  const bool root = comm.rank == 0;
  int count = static_cast<int>(queries.size());
  std::vector<int> counts(comm.ranks);
  Gather(comm, &count, counts.data(), 0);
  const std::vector<int> displs = Displacements(counts);
  std::vector<uint32_t> all(root ? displs.back() + counts.back() : 0);
  Gatherv(comm, queries.data(), count, all.data(), counts, displs, 0);
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
  Scatterv(comm, all.data(), counts, displs, roots.data(), count, 0);
  return roots;
}

// The local forest over the rows' edges; returns each local index's set name, the smallest
// global id in its set (rows come before ghosts but ghosts may be smaller).
std::vector<uint32_t> LocalSetNames(const LocalView& view, int threads) {
  const uint64_t rows = view.rows, local = view.num_local();
  Forest forest(local);
  const bool shared = threads > 1;
  if (!shared) {
    for (uint64_t v = 0; v < rows; ++v) {
      for (uint64_t e = view.offsets[v]; e < view.offsets[v + 1]; ++e) {
        forest.Union(static_cast<uint32_t>(v), view.targets[e]);
      }
    }
  } else {
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
    for (uint64_t block = 0; block < rows; block += kBlock) {
      for (uint64_t v = block; v < std::min(rows, block + kBlock); ++v) {
        for (uint64_t e = view.offsets[v]; e < view.offsets[v + 1]; ++e) {
          forest.SharedUnion(static_cast<uint32_t>(v), view.targets[e]);
        }
      }
    }
  }
  std::vector<uint32_t> root(local), smallest(local, UINT32_MAX);
#pragma omp parallel for num_threads(threads) schedule(static)
  for (uint64_t i = 0; i < local; ++i) {
    const uint32_t index = static_cast<uint32_t>(i), id = view.GlobalId(index);
    root[i] = shared ? forest.SharedFind(index) : forest.Find(index);
    if (!shared) {
      smallest[root[i]] = std::min(smallest[root[i]], id);
      continue;
    }
    std::atomic_ref<uint32_t> s(smallest[root[i]]);
    uint32_t seen = s.load(std::memory_order_relaxed);
    while (id < seen && !s.compare_exchange_weak(seen, id, std::memory_order_relaxed)) {
    }
  }
#pragma omp parallel for num_threads(threads) schedule(static)
  for (uint64_t i = 0; i < local; ++i) root[i] = smallest[root[i]];
  return root;
}

}  // namespace

std::vector<uint32_t> ConnectedComponentsUnionFindMpi(const LocalView& view, int threads,
                                                      CountingComm& comm) {
  const uint64_t rows = view.rows;
  const std::vector<uint32_t> name = LocalSetNames(view, threads);
  std::vector<uint32_t> pairs, queries;
  const auto share = [&](uint32_t i) {
    queries.push_back(name[i]);
    if (name[i] != view.GlobalId(i)) pairs.insert(pairs.end(), {view.GlobalId(i), name[i]});
  };
  for (uint32_t g = 0; g < view.plan.ghosts.size(); ++g) share(static_cast<uint32_t>(rows + g));
  for (uint32_t row : view.plan.exports) share(row);
  std::sort(queries.begin(), queries.end());
  queries.erase(std::unique(queries.begin(), queries.end()), queries.end());

  const std::vector<uint32_t> merged = MergeForests(std::move(pairs), comm);
  const std::vector<uint32_t> roots = AskRoots(queries, merged, comm);
  std::vector<uint32_t> label(rows);
#pragma omp parallel for num_threads(threads) schedule(static)
  for (uint64_t v = 0; v < rows; ++v) {
    const auto it = std::lower_bound(queries.begin(), queries.end(), name[v]);
    label[v] = it != queries.end() && *it == name[v] ? roots[it - queries.begin()] : name[v];
  }
  return label;
}

}  // namespace cost::parallel::mpi
