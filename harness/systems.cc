// The implementation table. One row per (system, algorithm); see systems.h.
#include "harness/systems.h"

#include <array>
#include <random>

#include "baselines/bfs.h"
#include "baselines/bgl.h"
#include "baselines/pagerank.h"
#include "baselines/wcc.h"
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

constexpr Kind kSingle = Kind::kSingleThreaded;
constexpr Kind kThreaded = Kind::kThreaded;
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
                   kThreaded, "WCC, label propagation (min over neighbours, in place), threads",
                   OpenMPLabelPropagation},
    Implementation{"serial:bfs", Kernel::kBfs, "serial", "bfs-queue", kSingle,
                   "BFS, FIFO queue over the out-CSR (top-down), one thread", SerialBfs},
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
};

}  // namespace

std::string_view KernelName(Kernel k) {
  switch (k) {
    case Kernel::kPageRank:
      return "pagerank";
    case Kernel::kWcc:
      return "wcc";
    case Kernel::kBfs:
      return "bfs";
  }
  return "unknown";
}

std::string_view KindName(Kind k) {
  switch (k) {
    case Kind::kSingleThreaded:
      return "single-threaded";
    case Kind::kThreaded:
      return "threaded";
    case Kind::kMultiprocess:
      return "multiprocess";
  }
  return "unknown";
}

bool ParseKernel(std::string_view name, Kernel* kernel) {
  for (Kernel k : {Kernel::kPageRank, Kernel::kWcc, Kernel::kBfs}) {
    if (KernelName(k) == name) {
      *kernel = k;
      return true;
    }
  }
  return false;
}

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
