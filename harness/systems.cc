// The implementation table. One row per (system, algorithm); see systems.h.
#include "harness/systems.h"

#include <array>

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
Values SerialLabelPropagation(const datasets::Graph& g, const RunParams&) {
  return baselines::ConnectedComponentsLabelPropagation(g);
}
Values SerialUnionFind(const datasets::Graph& g, const RunParams&) {
  return baselines::ConnectedComponentsUnionFind(g);
}
Values OpenMPPageRank(const datasets::Graph& g, const RunParams& p) {
  return parallel::PageRankPullOpenMP(g, PageRankOptionsOf(p), p.threads);
}
Values OpenMPLabelPropagation(const datasets::Graph& g, const RunParams& p) {
  return parallel::ConnectedComponentsLabelPropagationOpenMP(g, p.threads);
}

constexpr Kind kSingle = Kind::kSingleThreaded;
constexpr Kind kThreaded = Kind::kThreaded;

// name, kernel, system, algorithm, kind, description, function
const std::array kImplementations = {
    Implementation{"serial:pagerank", Kernel::kPageRank, "serial", "pagerank-pull", kSingle,
                   "PageRank, pull over the CSR transpose, one thread", SerialPageRank},
    Implementation{"serial:label-propagation", Kernel::kWcc, "serial", "label-propagation", kSingle,
                   "WCC, label propagation in place over the edge stream, one thread",
                   SerialLabelPropagation},
    Implementation{"serial:union-find", Kernel::kWcc, "serial", "union-find", kSingle,
                   "WCC, union by rank in one pass over the edges, one thread", SerialUnionFind},
    Implementation{"openmp:pagerank", Kernel::kPageRank, "openmp", "pagerank-pull", kThreaded,
                   "PageRank, pull over the CSR transpose, edge-balanced ranges per thread",
                   OpenMPPageRank},
    Implementation{"openmp:label-propagation", Kernel::kWcc, "openmp", "label-propagation",
                   kThreaded, "WCC, label propagation (min over neighbours, in place), threads",
                   OpenMPLabelPropagation},
};

}  // namespace

std::string_view KernelName(Kernel k) {
  switch (k) {
    case Kernel::kPageRank:
      return "pagerank";
    case Kernel::kWcc:
      return "wcc";
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
  for (Kernel k : {Kernel::kPageRank, Kernel::kWcc}) {
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

}  // namespace cost::harness
