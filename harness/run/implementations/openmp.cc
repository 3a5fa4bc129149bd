// Our threaded kernels (parallel/): OpenMP over the CSR, the Hilbert-ordered arcs or the stream.
#include "parallel/openmp.h"

#include <vector>

#include "harness/run/implementations/table_rows.h"
#include "parallel/openmp_stream.h"

namespace cost::harness {
namespace {

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

}  // namespace

std::vector<Implementation> OpenMPRows() {
  return {
      // PageRank, threaded.
      Implementation{.name = "openmp:pagerank",
                     .kernel = Kernel::kPageRank,
                     .system = "openmp",
                     .algorithm = "pagerank-pull",
                     .kind = kThreaded,
                     .description =
                         "PageRank, pull over the CSR transpose, edge-balanced ranges per "
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
                     .description =
                         "PageRank, push over the Hilbert-ordered arcs streamed from the "
                         "file's tile-run section every iteration, each 16 MiB piece "
                         "decoded by all threads into per-thread sums (--layout "
                         "compressed), threads",
                     .runner = OpenMPPageRankStream,
                     .requires_layout = kCompressed,
                     .requires_sections = kCompressedStream,
                     .streams = {.from_file = true,
                                 .vertex_bytes = 12,
                                 .thread_vertex_bytes = 8,
                                 .buffer_bytes = kThreadedStreamBuffer}},

      // WCC, threaded.
      Implementation{.name = "openmp:label-propagation",
                     .kernel = Kernel::kWcc,
                     .system = "openmp",
                     .algorithm = "label-propagation",
                     .kind = kThreaded,
                     .description =
                         "WCC, label propagation with a frontier: pull passes over every "
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
                         "file's tile-run section, each 16 MiB piece decoded by all "
                         "threads (--layout compressed), threads",
          .runner = OpenMPUnionFindStream,
          .requires_layout = kCompressed,
          .requires_sections = kCompressedStream,
          .streams = {.from_file = true, .vertex_bytes = 4, .buffer_bytes = kThreadedStreamBuffer}},

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
  };
}

}  // namespace cost::harness
