// The implementation table. One row per (system, algorithm); see systems.h.
#include "harness/run/implementations.h"

#include <array>
#include <random>

#include "baselines/bfs.h"
#include "baselines/bgl.h"
#include "baselines/pagerank.h"
#include "baselines/wcc.h"
#include "parallel/graphblas/graphblas.h"
#include "parallel/openmp.h"

namespace cost::harness {
namespace {

datasets::PageRankOptions PageRankOptionsOf(const RunParams& p) {
  return {.iterations = p.iterations, .damping = p.damping};
}

Values SerialPageRank(const datasets::Graph& g, const RunParams& p) {
  return baselines::PageRankPull(g, PageRankOptionsOf(p));
}
Values SerialPageRankPush(const datasets::Graph& g, const RunParams& p) {
  return baselines::PageRankPush(g, PageRankOptionsOf(p));
}
Values SerialPageRankHilbert(const datasets::Graph& g, const RunParams& p) {
  return baselines::PageRankPushHilbert(g, PageRankOptionsOf(p));
}
Values SerialPageRankHilbertCompressed(const datasets::Graph& g, const RunParams& p) {
  return baselines::PageRankPushHilbertCompressed(g, PageRankOptionsOf(p));
}
Values SerialLabelPropagation(const datasets::Graph& g, const RunParams&) {
  return baselines::ConnectedComponentsLabelPropagation(g);
}
Values SerialUnionFind(const datasets::Graph& g, const RunParams&) {
  return baselines::ConnectedComponentsUnionFind(g);
}
Values SerialLabelPropagationHilbert(const datasets::Graph& g, const RunParams&) {
  return baselines::ConnectedComponentsLabelPropagationHilbert(g);
}
Values SerialUnionFindHilbert(const datasets::Graph& g, const RunParams&) {
  return baselines::ConnectedComponentsUnionFindHilbert(g);
}
Values SerialBfs(const datasets::Graph& g, const RunParams& p) {
  return baselines::BreadthFirstSearch(g, p.source);
}
Values SerialPageRankHilbertFloat(const datasets::Graph& g, const RunParams& p) {
  return baselines::PageRankPushHilbertFloat(g, PageRankOptionsOf(p));
}
Values SerialAfforest(const datasets::Graph& g, const RunParams&) {
  return baselines::ConnectedComponentsAfforest(g);
}
Values SerialBfsDirectionOptimizing(const datasets::Graph& g, const RunParams& p) {
  return baselines::BreadthFirstSearchDirectionOptimizing(g, p.source);
}
Values BglPageRank(const datasets::Graph& g, const RunParams& p) {
  return baselines::PageRankBgl(g, PageRankOptionsOf(p));
}
Values BglUnionFind(const datasets::Graph& g, const RunParams&) {
  return baselines::ConnectedComponentsBglDisjointSets(g);
}
Values BglConnectedComponents(const datasets::Graph& g, const RunParams&) {
  return baselines::ConnectedComponentsBgl(g);
}
Values BglBfs(const datasets::Graph& g, const RunParams& p) {
  return baselines::BreadthFirstSearchBgl(g, p.source);
}
Values OpenMPPageRank(const datasets::Graph& g, const RunParams& p) {
  return parallel::PageRankPullOpenMP(g, PageRankOptionsOf(p), p.threads);
}
Values OpenMPLabelPropagation(const datasets::Graph& g, const RunParams& p) {
  return parallel::ConnectedComponentsLabelPropagationOpenMP(g, p.threads);
}
Values OpenMPPageRankHilbert(const datasets::Graph& g, const RunParams& p) {
  return parallel::PageRankPushHilbertOpenMP(g, PageRankOptionsOf(p), p.threads);
}
Values OpenMPAfforest(const datasets::Graph& g, const RunParams& p) {
  return parallel::ConnectedComponentsAfforestOpenMP(g, p.threads);
}
Values OpenMPBfs(const datasets::Graph& g, const RunParams& p) {
  return parallel::BreadthFirstSearchDirectionOptimizingOpenMP(g, p.source, p.threads);
}
Values GraphBlasPageRank(const datasets::Graph& g, const RunParams& p) {
  return parallel::graphblas::PageRankGraphBlas(g, PageRankOptionsOf(p), p.threads);
}
Values GraphBlasWcc(const datasets::Graph& g, const RunParams& p) {
  return parallel::graphblas::ConnectedComponentsGraphBlas(g, p.threads);
}
Values GraphBlasFastSv(const datasets::Graph& g, const RunParams& p) {
  return parallel::graphblas::ConnectedComponentsFastSvGraphBlas(g, p.threads);
}
Values GraphBlasBfs(const datasets::Graph& g, const RunParams& p) {
  return parallel::graphblas::BreadthFirstSearchGraphBlas(g, p.source, p.threads);
}

constexpr Kind kSingle = Kind::kSingleThreaded;
constexpr Kind kThreaded = Kind::kThreaded;
constexpr Kind kMultiprocess = Kind::kMultiprocess;
constexpr datasets::EdgeLayout kHilbert = datasets::EdgeLayout::kHilbert;
constexpr datasets::EdgeLayout kCompressed = datasets::EdgeLayout::kCompressed;

// name, kernel, system, algorithm, kind, description, function[, deviation, where it applies,
// required layout]
const std::array kImplementations = {
    Implementation{"serial:pagerank", Kernel::kPageRank, "serial", "pagerank-pull", kSingle,
                   "PageRank, pull over the CSR transpose, one thread", SerialPageRank},
    Implementation{"serial:pagerank-push", Kernel::kPageRank, "serial", "pagerank-push", kSingle,
                   "PageRank, push over the out-edge stream, one thread", SerialPageRankPush},
    Implementation{"serial:label-propagation", Kernel::kWcc, "serial", "label-propagation", kSingle,
                   "WCC, label propagation in place over the edge stream, one thread",
                   SerialLabelPropagation},
    Implementation{"serial:union-find", Kernel::kWcc, "serial", "union-find", kSingle,
                   "WCC, union by rank in one pass over the edges, one thread", SerialUnionFind},
    // The same algorithms over the arcs in Hilbert-curve order (the COST paper's Table 4); the
    // graph must be prepared with that layout.
    Implementation{"serial:pagerank-hilbert", Kernel::kPageRank, "serial", "pagerank-push", kSingle,
                   "PageRank, push over the Hilbert-ordered arcs (--layout hilbert), one thread",
                   SerialPageRankHilbert, {}, nullptr, kHilbert},
    Implementation{"serial:pagerank-hilbert-compressed", Kernel::kPageRank, "serial",
                   "pagerank-push", kSingle,
                   "PageRank, push over the Hilbert-ordered arcs decoded from the varint stream "
                   "every iteration (--layout compressed), one thread",
                   SerialPageRankHilbertCompressed, {}, nullptr, kCompressed},
    Implementation{"serial:label-propagation-hilbert", Kernel::kWcc, "serial", "label-propagation",
                   kSingle,
                   "WCC, label propagation in place over the Hilbert-ordered arcs "
                   "(--layout hilbert), one thread",
                   SerialLabelPropagationHilbert, {}, nullptr, kHilbert},
    Implementation{"serial:union-find-hilbert", Kernel::kWcc, "serial", "union-find", kSingle,
                   "WCC, union by rank in one pass over the Hilbert-ordered arcs "
                   "(--layout hilbert), one thread",
                   SerialUnionFindHilbert, {}, nullptr, kHilbert},
    Implementation{"openmp:pagerank", Kernel::kPageRank, "openmp", "pagerank-pull", kThreaded,
                   "PageRank, pull over the CSR transpose, edge-balanced ranges per thread",
                   OpenMPPageRank},
    Implementation{"openmp:label-propagation", Kernel::kWcc, "openmp", "label-propagation",
                   kThreaded,
                   "WCC, label propagation with a frontier: pull passes over every vertex while "
                   "the frontier is large, push passes from the changed vertices after, threads",
                   OpenMPLabelPropagation},
    Implementation{"openmp:pagerank-hilbert", Kernel::kPageRank, "openmp", "pagerank-push",
                   kThreaded,
                   "PageRank, push over the Hilbert-ordered arcs cut into destination-range "
                   "tiles, one tile column per thread (--layout hilbert), threads",
                   OpenMPPageRankHilbert, {}, nullptr, kHilbert},
    Implementation{"openmp:afforest", Kernel::kWcc, "openmp", "union-find-afforest", kThreaded,
                   "WCC, concurrent union-find (compare-exchange links, path halving) with "
                   "neighbour sampling (Afforest), threads",
                   OpenMPAfforest},
    Implementation{"openmp:bfs-direction-optimizing", Kernel::kBfs, "openmp",
                   "bfs-direction-optimizing", kThreaded,
                   "BFS, top-down (fetch-or claims on a visited bitmap) and bottom-up (bitmap "
                   "over the in-CSR) steps switched by frontier size (Beamer), threads",
                   OpenMPBfs},
    // SuiteSparse:GraphBLAS 7.4 with its own threads; each call includes copying our CSR into
    // a GrB_Matrix (offsets copied, targets widened to 64 bits), as the bgl rows time theirs.
    Implementation{"graphblas:pagerank", Kernel::kPageRank, "graphblas", "pagerank-pull",
                   kThreaded,
                   "PageRank, GraphBLAS mxv over the transpose (plus.second), dangling term "
                   "by a masked reduce; times the GrB_Matrix import, threads",
                   GraphBlasPageRank},
    Implementation{"graphblas:wcc", Kernel::kWcc, "graphblas", "label-propagation", kThreaded,
                   "WCC, GraphBLAS min.second mxv until labels stop falling (synchronous label "
                   "propagation); times the GrB_Matrix import, threads",
                   GraphBlasWcc},
    Implementation{"graphblas:wcc-fastsv", Kernel::kWcc, "graphblas", "fastsv", kThreaded,
                   "WCC, FastSV in GraphBLAS (min.second mxv over the grandparents, hooking, "
                   "shortcutting; LAGraph's form), O(log n) rounds; times the GrB_Matrix "
                   "import, threads",
                   GraphBlasFastSv},
    Implementation{"graphblas:bfs", Kernel::kBfs, "graphblas", "bfs-level-synchronous",
                   kThreaded,
                   "BFS, GraphBLAS vxm (any.pair) per level masked by the unvisited vertices; "
                   "times the GrB_Matrix import, threads",
                   GraphBlasBfs},
    Implementation{"serial:bfs", Kernel::kBfs, "serial", "bfs-queue", kSingle,
                   "BFS, FIFO queue over the out-CSR (top-down), one thread", SerialBfs},
    // The optimised single threads (Figure 5's "best" line beside the simple rows above).
    Implementation{"serial:pagerank-hilbert-float", Kernel::kPageRank, "serial", "pagerank-push",
                   kSingle,
                   "PageRank, push over the Hilbert-ordered arcs with float shares and sums and "
                   "software prefetch (--layout hilbert), one thread",
                   SerialPageRankHilbertFloat, {}, nullptr, kHilbert},
    Implementation{"serial:afforest", Kernel::kWcc, "serial", "union-find-afforest", kSingle,
                   "WCC, union-find linking 2 sampled neighbours per vertex, then only the edges "
                   "of vertices outside the giant component (Afforest), one thread",
                   SerialAfforest},
    Implementation{"serial:bfs-direction-optimizing", Kernel::kBfs, "serial",
                   "bfs-direction-optimizing", kSingle,
                   "BFS, top-down queue steps and bottom-up bitmap steps over the in-CSR, switched "
                   "by frontier size (Beamer), one thread",
                   SerialBfsDirectionOptimizing},
    // Boost.Graph 1.74, one thread; each call includes copying our CSR into BGL's.
    Implementation{"bgl:pagerank", Kernel::kPageRank, "bgl", "pagerank-push", kSingle,
                   "PageRank, boost::graph::page_rank on BGL's CSR (push), one thread",
                   BglPageRank,
                   "Boost.Graph's page_rank drops dangling rank (no term for vertices without "
                   "out-edges): valid only on graphs without sinks",
                   baselines::HasSinks},
    Implementation{"bgl:union-find", Kernel::kWcc, "bgl", "union-find", kSingle,
                   "WCC, boost::disjoint_sets over the edges, one thread", BglUnionFind},
    Implementation{"bgl:connected-components", Kernel::kWcc, "bgl", "depth-first-search",
                   kSingle,
                   "WCC, boost::connected_components (DFS) on a symmetrised BGL CSR, one thread",
                   BglConnectedComponents},
    Implementation{"bgl:bfs", Kernel::kBfs, "bgl", "bfs-queue", kSingle,
                   "BFS, boost::breadth_first_search on BGL's CSR, one thread", BglBfs},
    // MPI (parallel/mpi/): run as `mpirun -np P` of cost_mpi / cost_pbgl, one thread per rank,
    // each rank mapping only its rows of the prepared file; see harness/run/multiprocess.h.
    Implementation{"mpi:pagerank", Kernel::kPageRank, "mpi", "pagerank-push", kMultiprocess,
                   "PageRank, 1D rows per rank, push; ghost sums to owners by MPI_Alltoallv",
                   nullptr},
    Implementation{"mpi:label-propagation", Kernel::kWcc, "mpi", "label-propagation",
                   kMultiprocess,
                   "WCC, label propagation per rank, ghost labels by MPI_Alltoallv each round",
                   nullptr},
    Implementation{"mpi:union-find", Kernel::kWcc, "mpi", "union-find", kMultiprocess,
                   "WCC, union-find per rank, forests merged up a binary tree of ranks", nullptr},
    Implementation{"mpi:bfs", Kernel::kBfs, "mpi", "bfs-level-synchronous", kMultiprocess,
                   "BFS, level-synchronous, frontier exchanged by MPI_Alltoallv", nullptr},
    Implementation{"pbgl:pagerank", Kernel::kPageRank, "pbgl", "pagerank-push", kMultiprocess,
                   "PageRank, Parallel BGL page_rank on a distributed CSR (dangling term added "
                   "through its done hook)",
                   nullptr},
    Implementation{"pbgl:wcc", Kernel::kWcc, "pbgl", "connected-components", kMultiprocess,
                   "WCC, Parallel BGL connected_components on a distributed adjacency_list",
                   nullptr},
};

}  // namespace

std::span<const Implementation> Implementations() { return kImplementations; }

const Implementation* FindImplementation(std::string_view name) {
  for (const Implementation& impl : kImplementations) {
    if (impl.name == name) return &impl;
  }
  return nullptr;
}

bool FindVertex(const datasets::Graph& graph, uint64_t original_id, datasets::VertexId* vertex) {
  for (uint64_t v = 0; v < graph.original_ids.size(); ++v) {
    if (graph.original_ids[v] != original_id) continue;
    *vertex = static_cast<datasets::VertexId>(v);
    return true;
  }
  return false;
}

datasets::VertexId DefaultBfsSource(const datasets::Graph& graph) {
  const uint64_t n = graph.num_vertices();
  // mt19937_64's sequence is fixed by the standard, so the choice is the same everywhere
  // (std::uniform_int_distribution is not).
  std::mt19937_64 random(1);
  const uint64_t start = random() % n;
  for (uint64_t i = 0; i < n; ++i) {
    const uint64_t v = (start + i) % n;
    if (graph.out.Degree(static_cast<datasets::VertexId>(v)) > 0) {
      return static_cast<datasets::VertexId>(v);
    }
  }
  return 0;
}

}  // namespace cost::harness
