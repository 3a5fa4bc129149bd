// Our single-threaded kernels (baselines/): in each kernel's group the simple rows come first,
// then the Hilbert-order ones (the COST paper's Table 4: the graph must be prepared with that
// layout), then the optimised ones (Figure 5's "best" line).
#include <vector>

#include "baselines/bfs.h"
#include "baselines/pagerank.h"
#include "baselines/streaming.h"
#include "baselines/wcc.h"
#include "harness/run/implementations/table_rows.h"

namespace cost::harness {
namespace {

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

constexpr BaselineRole kSimpleBaseline = BaselineRole::kSimple;
constexpr BaselineRole kOptimisedBaseline = BaselineRole::kOptimised;

}  // namespace

std::vector<Implementation> SerialRows() {
  return {
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
                                    "tile stream every iteration (--layout compressed), one thread",
                     .runner = SerialPageRankHilbertCompressed,
                     .requires_layout = kCompressed,
                     .requires_sections = kCompressedStreamAndOffsets},
      Implementation{.name = "serial:pagerank-hilbert-float",
                     .kernel = Kernel::kPageRank,
                     .system = "serial",
                     .algorithm = "pagerank-push",
                     .kind = kSingle,
                     .description =
                         "PageRank, push over the Hilbert-ordered arcs with float shares "
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
                         "file's tile-run section every iteration (pread into a 4 MiB "
                         "buffer; --layout compressed), one thread",
          .runner = SerialPageRankStream,
          .requires_layout = kCompressed,
          .requires_sections = kCompressedStream,
          .streams = {.from_file = true, .vertex_bytes = 20, .buffer_bytes = kSerialStreamBuffer}},

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
                         "streamed from the file's tile-run section every pass (--layout "
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
                         "streamed from the file's tile-run section (--layout "
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
  };
}

}  // namespace cost::harness
