// The implementation table. One row per (system, algorithm); see implementations.h.
#include "harness/run/implementations.h"

#include <array>
#include <random>
#include <stdexcept>

#include "baselines/bfs.h"
#include "baselines/bgl.h"
#include "baselines/pagerank.h"
#include "baselines/streaming.h"
#include "baselines/wcc.h"
#include "harness/run/igraph_rows.h"
#include "parallel/graphblas/graphblas.h"
#include "parallel/openmp.h"
#include "parallel/openmp_stream.h"

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
// The streaming rows' read buffer: one piece of the stream per read; the threaded rows cut each
// piece into a share per thread, so theirs is larger.
constexpr uint64_t kSerialStreamBuffer = uint64_t{4} << 20;
constexpr uint64_t kThreadedStreamBuffer = uint64_t{16} << 20;

// The stream a streaming row reads: params.graph_path, or the graph's own section.
datasets::CompressedArcStream StreamOf(const datasets::Graph& g, const RunParams& p,
                                       uint64_t buffer_bytes) {
  return datasets::CompressedArcStream(
      g, {.path = p.graph_path, .drop_behind = p.drop_behind, .buffer_bytes = buffer_bytes});
}

// Runs kernel(stream) and adds what the stream read to params.stream_counters.
template <typename KernelFn>
Values Streamed(const datasets::Graph& g, const RunParams& p, uint64_t buffer_bytes,
                KernelFn kernel) {
  datasets::CompressedArcStream stream = StreamOf(g, p, buffer_bytes);
  Values values = kernel(stream);
  if (p.stream_counters != nullptr) {
    p.stream_counters->bytes_read += stream.counters().bytes_read;
    p.stream_counters->passes += stream.counters().passes;
  }
  return values;
}
Values SerialPageRankStream(const datasets::Graph& g, const RunParams& p) {
  return Streamed(g, p, kSerialStreamBuffer, [&](datasets::CompressedArcStream& s) {
    return baselines::PageRankPushStream(s, PageRankOptionsOf(p));
  });
}
Values SerialUnionFindStream(const datasets::Graph& g, const RunParams& p) {
  return Streamed(g, p, kSerialStreamBuffer, [](datasets::CompressedArcStream& s) {
    return baselines::ConnectedComponentsUnionFindStream(s);
  });
}
Values SerialLabelPropagationStream(const datasets::Graph& g, const RunParams& p) {
  return Streamed(g, p, kSerialStreamBuffer, [](datasets::CompressedArcStream& s) {
    return baselines::ConnectedComponentsLabelPropagationStream(s);
  });
}
Values OpenMPPageRankStream(const datasets::Graph& g, const RunParams& p) {
  return Streamed(g, p, kThreadedStreamBuffer, [&](datasets::CompressedArcStream& s) {
    return parallel::PageRankPushStreamOpenMP(s, PageRankOptionsOf(p), p.threads);
  });
}
Values OpenMPUnionFindStream(const datasets::Graph& g, const RunParams& p) {
  return Streamed(g, p, kThreadedStreamBuffer, [&](datasets::CompressedArcStream& s) {
    return parallel::ConnectedComponentsUnionFindStreamOpenMP(s, p.threads);
  });
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
// The sections of the Hilbert-order rows: WCC reads the arcs alone; PageRank also the out
// offsets, for the degrees its pushes divide by (baselines/pagerank_push_iterations.h).
constexpr datasets::PreparedSections kHilbertArcs{
    .csr = false, .transpose = false, .hilbert = true};
constexpr datasets::PreparedSections kHilbertArcsAndOffsets{
    .csr = true, .transpose = false, .hilbert = true};
// The streaming rows read the compressed stream with pread (never mapped) and the out-degrees.
constexpr datasets::PreparedSections kCompressedStream{
    .csr = false, .transpose = false, .hilbert = false, .compressed = true};
constexpr datasets::PreparedSections kCompressedStreamAndOffsets{
    .csr = true, .transpose = false, .hilbert = false, .compressed = true};
constexpr BaselineRole kSimpleBaseline = BaselineRole::kSimple;
constexpr BaselineRole kOptimisedBaseline = BaselineRole::kOptimised;
// The MPI programs (parallel/mpi/), one thread per rank; see harness/run/multiprocess.h.
constexpr MpiProgram kCostMpi{.executable = "cost_mpi"};
constexpr MpiProgram kCostPbgl{.executable = "cost_pbgl", .single_threaded_ranks = true};

// Grouped by kernel, then by kind. In each kernel's single-threaded group the simple rows come
// first, then the Hilbert-order ones (the COST paper's Table 4: the graph must be prepared with
// that layout), then the optimised ones (Figure 5's "best" line), then Boost.Graph's.
const std::array kImplementations = {
    // PageRank, single-threaded.
    Implementation{.name = "serial:pagerank",
                   .kernel = Kernel::kPageRank,
                   .system = "serial",
                   .algorithm = "pagerank-pull",
                   .kind = kSingle,
                   .description = "PageRank, pull over the CSR transpose, one thread",
                   .runner = SerialPageRank,
                   .baseline = kSimpleBaseline},
    Implementation{.name = "serial:pagerank-push",
                   .kernel = Kernel::kPageRank,
                   .system = "serial",
                   .algorithm = "pagerank-push",
                   .kind = kSingle,
                   .description = "PageRank, push over the out-edge stream, one thread",
                   .runner = SerialPageRankPush},
    Implementation{.name = "serial:pagerank-hilbert",
                   .kernel = Kernel::kPageRank,
                   .system = "serial",
                   .algorithm = "pagerank-push",
                   .kind = kSingle,
                   .description = "PageRank, push over the Hilbert-ordered arcs (--layout "
                                  "hilbert), one thread",
                   .runner = SerialPageRankHilbert,
                   .requires_layout = kHilbert,
                   .requires_sections = kHilbertArcsAndOffsets},
    Implementation{.name = "serial:pagerank-hilbert-compressed",
                   .kernel = Kernel::kPageRank,
                   .system = "serial",
                   .algorithm = "pagerank-push",
                   .kind = kSingle,
                   .description = "PageRank, push over the Hilbert-ordered arcs decoded from the "
                                  "varint stream every iteration (--layout compressed), one thread",
                   .runner = SerialPageRankHilbertCompressed,
                   .requires_layout = kCompressed,
                   .requires_sections = kCompressedStreamAndOffsets},
    Implementation{.name = "serial:pagerank-hilbert-float",
                   .kernel = Kernel::kPageRank,
                   .system = "serial",
                   .algorithm = "pagerank-push",
                   .kind = kSingle,
                   .description = "PageRank, push over the Hilbert-ordered arcs with float shares "
                                  "and sums and software prefetch (--layout hilbert), one thread",
                   .runner = SerialPageRankHilbertFloat,
                   .requires_layout = kHilbert,
                   .requires_sections = kHilbertArcsAndOffsets,
                   .precision = Precision::kFloat,
                   .baseline = kOptimisedBaseline},
    Implementation{
        .name = "serial:pagerank-stream",
        .kernel = Kernel::kPageRank,
        .system = "serial",
        .algorithm = "pagerank-push",
        .kind = kSingle,
        .description = "PageRank, push over the Hilbert-ordered arcs streamed from the "
                       "file's varint section every iteration (pread into a 4 MiB "
                       "buffer; --layout compressed), one thread",
        .runner = SerialPageRankStream,
        .requires_layout = kCompressed,
        .requires_sections = kCompressedStream,
        .streams = {.from_file = true, .vertex_bytes = 20, .buffer_bytes = kSerialStreamBuffer}},
    // Boost.Graph 1.74, one thread; each call includes copying our CSR into BGL's.
    Implementation{.name = "bgl:pagerank",
                   .kernel = Kernel::kPageRank,
                   .system = "bgl",
                   .algorithm = "pagerank-push",
                   .kind = kSingle,
                   .description = "PageRank, boost::graph::page_rank on BGL's CSR (push), one "
                                  "thread",
                   .runner = BglPageRank,
                   .deviation = "Boost.Graph's page_rank drops dangling rank (no term for "
                                "vertices without out-edges): valid only on graphs without sinks",
                   .deviation_applies = baselines::HasSinks},
#if COST_HAVE_IGRAPH
    // igraph 0.10, one thread; its own structure is built once per measurement and timed apart
    // (system_preparation_seconds).
    Implementation{.name = "igraph:pagerank",
                   .kernel = Kernel::kPageRank,
                   .system = "igraph",
                   .algorithm = "pagerank-spmv",
                   .kind = kSingle,
                   .description = "PageRank, the definition's steps as igraph_sparsemat_gaxpy on "
                                  "igraph's compressed sparse matrix (igraph_pagerank's PRPACK "
                                  "solves to the fixed point instead), one thread",
                   .runner = PreparingKernel{PrepareIgraphPageRank}},
#endif

    // PageRank, threaded.
    Implementation{.name = "openmp:pagerank",
                   .kernel = Kernel::kPageRank,
                   .system = "openmp",
                   .algorithm = "pagerank-pull",
                   .kind = kThreaded,
                   .description = "PageRank, pull over the CSR transpose, edge-balanced ranges per "
                                  "thread",
                   .runner = OpenMPPageRank},
    Implementation{.name = "openmp:pagerank-hilbert",
                   .kernel = Kernel::kPageRank,
                   .system = "openmp",
                   .algorithm = "pagerank-push",
                   .kind = kThreaded,
                   .description = "PageRank, push over the Hilbert-ordered arcs cut into "
                                  "destination-range tiles, one tile column per thread (--layout "
                                  "hilbert), threads",
                   .runner = OpenMPPageRankHilbert,
                   .requires_layout = kHilbert,
                   .requires_sections = kHilbertArcsAndOffsets},
    Implementation{.name = "openmp:pagerank-stream",
                   .kernel = Kernel::kPageRank,
                   .system = "openmp",
                   .algorithm = "pagerank-push",
                   .kind = kThreaded,
                   .description = "PageRank, push over the Hilbert-ordered arcs streamed from the "
                                  "file's varint section every iteration, each 16 MiB piece "
                                  "decoded by all threads into per-thread sums (--layout "
                                  "compressed), threads",
                   .runner = OpenMPPageRankStream,
                   .requires_layout = kCompressed,
                   .requires_sections = kCompressedStream,
                   .streams = {.from_file = true,
                               .vertex_bytes = 12,
                               .thread_vertex_bytes = 8,
                               .buffer_bytes = kThreadedStreamBuffer}},
    // SuiteSparse:GraphBLAS 7.4 with its own threads; each call includes copying our CSR into
    // a GrB_Matrix (offsets copied, targets widened to 64 bits), as the bgl rows time theirs.
    Implementation{.name = "graphblas:pagerank",
                   .kernel = Kernel::kPageRank,
                   .system = "graphblas",
                   .algorithm = "pagerank-pull",
                   .kind = kThreaded,
                   .description = "PageRank, GraphBLAS mxv over the transpose (plus.second), "
                                  "dangling term by a masked reduce; times the GrB_Matrix import, "
                                  "threads",
                   .runner = GraphBlasPageRank},

    // PageRank, multiprocess.
    Implementation{.name = "mpi:pagerank",
                   .kernel = Kernel::kPageRank,
                   .system = "mpi",
                   .algorithm = "pagerank-push",
                   .kind = kMultiprocess,
                   .description = "PageRank, 1D rows per rank; per-target sums pulled over the "
                                  "rank's local transpose by its threads, ghost sums to owners "
                                  "by MPI_Alltoallv",
                   .runner = kCostMpi},
    Implementation{.name = "pbgl:pagerank",
                   .kernel = Kernel::kPageRank,
                   .system = "pbgl",
                   .algorithm = "pagerank-push",
                   .kind = kMultiprocess,
                   .description = "PageRank, Parallel BGL page_rank on a distributed CSR "
                                  "(dangling term added through its done hook)",
                   .runner = kCostPbgl,
                   .slow = true},

    // WCC, single-threaded.
    Implementation{.name = "serial:label-propagation",
                   .kernel = Kernel::kWcc,
                   .system = "serial",
                   .algorithm = "label-propagation",
                   .kind = kSingle,
                   .description = "WCC, label propagation in place over the edge stream, one "
                                  "thread",
                   .runner = SerialLabelPropagation,
                   .baseline = kSimpleBaseline},
    Implementation{.name = "serial:union-find",
                   .kernel = Kernel::kWcc,
                   .system = "serial",
                   .algorithm = "union-find",
                   .kind = kSingle,
                   .description = "WCC, union by rank in one pass over the edges, one thread",
                   .runner = SerialUnionFind},
    Implementation{.name = "serial:label-propagation-hilbert",
                   .kernel = Kernel::kWcc,
                   .system = "serial",
                   .algorithm = "label-propagation",
                   .kind = kSingle,
                   .description = "WCC, label propagation in place over the Hilbert-ordered arcs "
                                  "(--layout hilbert), one thread",
                   .runner = SerialLabelPropagationHilbert,
                   .requires_layout = kHilbert,
                   .requires_sections = kHilbertArcs},
    Implementation{.name = "serial:union-find-hilbert",
                   .kernel = Kernel::kWcc,
                   .system = "serial",
                   .algorithm = "union-find",
                   .kind = kSingle,
                   .description = "WCC, union by rank in one pass over the Hilbert-ordered arcs "
                                  "(--layout hilbert), one thread",
                   .runner = SerialUnionFindHilbert,
                   .requires_layout = kHilbert,
                   .requires_sections = kHilbertArcs,
                   .baseline = kOptimisedBaseline},
    Implementation{
        .name = "serial:label-propagation-stream",
        .kernel = Kernel::kWcc,
        .system = "serial",
        .algorithm = "label-propagation",
        .kind = kSingle,
        .description = "WCC, label propagation in place over the Hilbert-ordered arcs "
                       "streamed from the file's varint section every pass (--layout "
                       "compressed), one thread",
        .runner = SerialLabelPropagationStream,
        .requires_layout = kCompressed,
        .requires_sections = kCompressedStream,
        .streams = {.from_file = true, .vertex_bytes = 4, .buffer_bytes = kSerialStreamBuffer}},
    Implementation{
        .name = "serial:union-find-stream",
        .kernel = Kernel::kWcc,
        .system = "serial",
        .algorithm = "union-find",
        .kind = kSingle,
        .description = "WCC, union by rank in one pass over the Hilbert-ordered arcs "
                       "streamed from the file's varint section (--layout "
                       "compressed), one thread",
        .runner = SerialUnionFindStream,
        .requires_layout = kCompressed,
        .requires_sections = kCompressedStream,
        .streams = {.from_file = true, .vertex_bytes = 5, .buffer_bytes = kSerialStreamBuffer}},
    Implementation{.name = "serial:afforest",
                   .kernel = Kernel::kWcc,
                   .system = "serial",
                   .algorithm = "union-find-afforest",
                   .kind = kSingle,
                   .description = "WCC, union-find linking 2 sampled neighbours per vertex, then "
                                  "only the edges of vertices outside the giant component "
                                  "(Afforest), one thread",
                   .runner = SerialAfforest,
                   .baseline = kOptimisedBaseline},
    Implementation{.name = "bgl:union-find",
                   .kernel = Kernel::kWcc,
                   .system = "bgl",
                   .algorithm = "union-find",
                   .kind = kSingle,
                   .description = "WCC, boost::disjoint_sets over the edges, one thread",
                   .runner = BglUnionFind},
    Implementation{.name = "bgl:connected-components",
                   .kernel = Kernel::kWcc,
                   .system = "bgl",
                   .algorithm = "depth-first-search",
                   .kind = kSingle,
                   .description = "WCC, boost::connected_components (DFS) on a symmetrised BGL "
                                  "CSR, one thread",
                   .runner = BglConnectedComponents},
#if COST_HAVE_IGRAPH
    Implementation{.name = "igraph:connected-components",
                   .kernel = Kernel::kWcc,
                   .system = "igraph",
                   .algorithm = "bfs",
                   .kind = kSingle,
                   .description = "WCC, igraph_connected_components (IGRAPH_WEAK) on igraph's "
                                  "graph, one thread",
                   .runner = PreparingKernel{PrepareIgraphComponents}},
#endif

    // WCC, threaded.
    Implementation{.name = "openmp:label-propagation",
                   .kernel = Kernel::kWcc,
                   .system = "openmp",
                   .algorithm = "label-propagation",
                   .kind = kThreaded,
                   .description = "WCC, label propagation with a frontier: pull passes over every "
                                  "vertex while the frontier is large, push passes from the "
                                  "changed vertices after, threads",
                   .runner = OpenMPLabelPropagation},
    Implementation{.name = "openmp:afforest",
                   .kernel = Kernel::kWcc,
                   .system = "openmp",
                   .algorithm = "union-find-afforest",
                   .kind = kThreaded,
                   .description = "WCC, concurrent union-find (compare-exchange links, path "
                                  "halving) with neighbour sampling (Afforest), threads",
                   .runner = OpenMPAfforest},
    Implementation{
        .name = "openmp:union-find-stream",
        .kernel = Kernel::kWcc,
        .system = "openmp",
        .algorithm = "union-find",
        .kind = kThreaded,
        .description = "WCC, concurrent union-find (compare-exchange links, path "
                       "halving) over the Hilbert-ordered arcs streamed once from the "
                       "file's varint section, each 16 MiB piece decoded by all "
                       "threads (--layout compressed), threads",
        .runner = OpenMPUnionFindStream,
        .requires_layout = kCompressed,
        .requires_sections = kCompressedStream,
        .streams = {.from_file = true, .vertex_bytes = 4, .buffer_bytes = kThreadedStreamBuffer}},
    Implementation{.name = "graphblas:wcc",
                   .kernel = Kernel::kWcc,
                   .system = "graphblas",
                   .algorithm = "label-propagation",
                   .kind = kThreaded,
                   .description = "WCC, GraphBLAS min.second mxv until labels stop falling "
                                  "(synchronous label propagation); times the GrB_Matrix import, "
                                  "threads",
                   .runner = GraphBlasWcc},
    Implementation{.name = "graphblas:wcc-fastsv",
                   .kernel = Kernel::kWcc,
                   .system = "graphblas",
                   .algorithm = "fastsv",
                   .kind = kThreaded,
                   .description = "WCC, FastSV in GraphBLAS (min.second mxv over the "
                                  "grandparents, hooking, shortcutting; LAGraph's form), O(log n) "
                                  "rounds; times the GrB_Matrix import, threads",
                   .runner = GraphBlasFastSv},

    // WCC, multiprocess.
    Implementation{.name = "mpi:label-propagation",
                   .kernel = Kernel::kWcc,
                   .system = "mpi",
                   .algorithm = "label-propagation",
                   .kind = kMultiprocess,
                   .description = "WCC, label propagation per rank (in-place sweep by its "
                                  "threads), ghost labels by MPI_Alltoallv each round",
                   .runner = kCostMpi},
    Implementation{.name = "mpi:union-find",
                   .kernel = Kernel::kWcc,
                   .system = "mpi",
                   .algorithm = "union-find",
                   .kind = kMultiprocess,
                   .description = "WCC, concurrent union-find per rank (its threads), forests "
                                  "merged up a binary tree of ranks",
                   .runner = kCostMpi},
    Implementation{.name = "pbgl:wcc",
                   .kernel = Kernel::kWcc,
                   .system = "pbgl",
                   .algorithm = "connected-components",
                   .kind = kMultiprocess,
                   .description = "WCC, Parallel BGL connected_components on a distributed "
                                  "adjacency_list",
                   .runner = kCostPbgl,
                   .slow = true},

    // BFS, single-threaded.
    Implementation{.name = "serial:bfs",
                   .kernel = Kernel::kBfs,
                   .system = "serial",
                   .algorithm = "bfs-queue",
                   .kind = kSingle,
                   .description = "BFS, FIFO queue over the out-CSR (top-down), one thread",
                   .runner = SerialBfs,
                   .baseline = kSimpleBaseline},
    Implementation{.name = "serial:bfs-direction-optimizing",
                   .kernel = Kernel::kBfs,
                   .system = "serial",
                   .algorithm = "bfs-direction-optimizing",
                   .kind = kSingle,
                   .description = "BFS, top-down queue steps and bottom-up bitmap steps over the "
                                  "in-CSR, switched by frontier size (Beamer), one thread",
                   .runner = SerialBfsDirectionOptimizing,
                   .baseline = kOptimisedBaseline},
    Implementation{.name = "bgl:bfs",
                   .kernel = Kernel::kBfs,
                   .system = "bgl",
                   .algorithm = "bfs-queue",
                   .kind = kSingle,
                   .description = "BFS, boost::breadth_first_search on BGL's CSR, one thread",
                   .runner = BglBfs},
#if COST_HAVE_IGRAPH
    Implementation{.name = "igraph:bfs",
                   .kernel = Kernel::kBfs,
                   .system = "igraph",
                   .algorithm = "bfs-queue",
                   .kind = kSingle,
                   .description = "BFS, igraph_bfs_simple over out-edges on igraph's graph, one "
                                  "thread",
                   .runner = PreparingKernel{PrepareIgraphBfs}},
#endif

    // BFS, threaded.
    Implementation{.name = "openmp:bfs-direction-optimizing",
                   .kernel = Kernel::kBfs,
                   .system = "openmp",
                   .algorithm = "bfs-direction-optimizing",
                   .kind = kThreaded,
                   .description = "BFS, top-down (fetch-or claims on a visited bitmap) and "
                                  "bottom-up (bitmap over the in-CSR) steps switched by frontier "
                                  "size (Beamer), threads",
                   .runner = OpenMPBfs},
    Implementation{.name = "graphblas:bfs",
                   .kernel = Kernel::kBfs,
                   .system = "graphblas",
                   .algorithm = "bfs-level-synchronous",
                   .kind = kThreaded,
                   .description = "BFS, GraphBLAS vxm (any.pair) per level masked by the "
                                  "unvisited vertices; times the GrB_Matrix import, threads",
                   .runner = GraphBlasBfs},

    // BFS, multiprocess.
    Implementation{.name = "mpi:bfs",
                   .kernel = Kernel::kBfs,
                   .system = "mpi",
                   .algorithm = "bfs-level-synchronous",
                   .kind = kMultiprocess,
                   .description = "BFS, level-synchronous, frontier expanded by the rank's "
                                  "threads and exchanged by MPI_Alltoallv",
                   .runner = kCostMpi},
};

}  // namespace

std::span<const Implementation> Implementations() { return kImplementations; }

const Implementation* FindImplementation(std::string_view name) {
  for (const Implementation& impl : kImplementations) {
    if (impl.name == name) return &impl;
  }
  return nullptr;
}

bool RunsInProcess(const Implementation& impl) {
  return !std::holds_alternative<MpiProgram>(impl.runner);
}

Values RunInProcess(const Implementation& impl, const datasets::Graph& graph,
                    const RunParams& params) {
  if (!RunsInProcess(impl)) {
    throw std::logic_error(std::string(impl.name) + " runs under mpirun, not in this process");
  }
  if (const auto* preparing = std::get_if<PreparingKernel>(&impl.runner)) {
    return preparing->prepare(graph)->Run(params);
  }
  return std::get<InProcessKernel>(impl.runner)(graph, params);
}

std::vector<const Implementation*> InProcessImplementations() {
  std::vector<const Implementation*> rows;
  for (const Implementation& impl : kImplementations) {
    if (RunsInProcess(impl)) rows.push_back(&impl);
  }
  return rows;
}

datasets::EdgeLayout LayoutReadBy(std::string_view implementation) {
  const Implementation* impl = FindImplementation(implementation);
  return impl ? impl->requires_layout : datasets::EdgeLayout::kVertex;
}

datasets::PreparedSections SectionsReadBy(std::string_view implementation) {
  const Implementation* impl = FindImplementation(implementation);
  return impl ? impl->requires_sections : datasets::PreparedSections{};
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
