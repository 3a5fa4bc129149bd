// Shared by the OpenMP and GraphBLAS kernel suites: generated graphs that exercise the parallel
// kernels' special paths, and "run this row as its serial sibling would be run" helpers.
#ifndef COST_TESTS_PARALLEL_TEST_SUPPORT_H_
#define COST_TESTS_PARALLEL_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/grid_graph.h"
#include "datasets/hilbert_layout.h"
#include "datasets/kronecker.h"
#include "harness/run/implementations.h"
#include "harness/run/validation.h"

namespace cost::testing_support {

// A graph on n vertices with the given directed edges (not symmetrised).
inline datasets::Graph MakeSmallGraph(uint64_t n,
                                      const std::vector<std::pair<uint32_t, uint32_t>>& edges) {
  datasets::EdgeList list;
  list.num_vertices = n;
  for (auto [u, v] : edges) {
    list.src.push_back(u);
    list.dst.push_back(v);
  }
  return datasets::BuildGraph(list, {.symmetrize = false});
}

struct NamedGraph {
  std::string name;
  datasets::Graph graph;  // with the Hilbert layout, so every row can run on it
};

// Kronecker (a giant component, skewed degrees: bottom-up BFS steps, Afforest's skip), sparse
// Kronecker (many components, sinks, isolated vertices), a grid with dropped edges (high
// diameter, several components: many label-propagation passes, long BFS) as directed and
// symmetric graphs, and a graph smaller than the thread count.
inline const std::vector<NamedGraph>& ParallelTestGraphs() {
  static const std::vector<NamedGraph> graphs = [] {
    const datasets::EdgeList kron =
        datasets::GenerateKronecker({.scale = 12, .edge_factor = 8, .seed = 11});
    const datasets::EdgeList sparse =
        datasets::GenerateKronecker({.scale = 11, .edge_factor = 1, .seed = 5});
    const datasets::EdgeList grid =
        datasets::GenerateGrid({.rows = 40, .cols = 50, .drop_probability = 0.1, .seed = 2});
    datasets::EdgeList tiny;
    tiny.num_vertices = 2;
    tiny.src = {1};
    tiny.dst = {0};
    auto with_layout = [](const datasets::EdgeList& e, bool symmetrize) {
      return datasets::WithHilbertLayout(datasets::BuildGraph(e, {.symmetrize = symmetrize}),
                                         datasets::EdgeLayout::kHilbert);
    };
    return std::vector<NamedGraph>{
        {"kron12_symmetric", with_layout(kron, true)},
        {"kron12_directed", with_layout(kron, false)},
        {"kron11_sparse_directed", with_layout(sparse, false)},
        {"grid_directed", with_layout(grid, false)},
        {"grid_symmetric", with_layout(grid, true)},
        {"two_vertices", with_layout(tiny, false)},
    };
  }();
  return graphs;
}

// The serial row each parallel row must agree with (same kernel; same algorithm where one
// exists in the table, else the plain baseline).
inline const harness::Implementation& SerialSibling(harness::Kernel kernel) {
  const char* name = kernel == harness::Kernel::kPageRank ? "serial:pagerank"
                     : kernel == harness::Kernel::kWcc    ? "serial:union-find"
                                                          : "serial:bfs";
  const harness::Implementation* impl = harness::FindImplementation(name);
  if (impl == nullptr) throw std::logic_error(std::string("no row ") + name);
  return *impl;
}

// Runs every row of `system` on every test graph at 1, 2 and 3 threads and checks it against
// the serial sibling under the kernel's validation rule, and against the measurement's own
// validation. Returns how many rows ran (so a suite can insist it tested something).
inline int ExpectRowsAgreeWithSerial(std::string_view system) {
  int rows = 0;
  for (const harness::Implementation& impl : harness::Implementations()) {
    if (impl.system != system) continue;
    ++rows;
    for (const NamedGraph& g : ParallelTestGraphs()) {
      const harness::RunParams base{.iterations = 20, .source = harness::DefaultBfsSource(g.graph)};
      const harness::Values expected =
          harness::RunInProcess(SerialSibling(impl.kernel), g.graph, base);
      for (int threads : {1, 2, 3}) {
        harness::RunParams params = base;
        params.threads = threads;
        const harness::Values actual = harness::RunInProcess(impl, g.graph, params);
        const std::string where = std::string(impl.name) + " on " + g.name + " with " +
                                  std::to_string(threads) + " threads: ";
        const harness::ValidationResult same =
            harness::ValidateValues(impl.kernel, expected, actual);
        EXPECT_TRUE(same.ok) << where << same.message;
        const harness::ValidationResult valid =
            harness::ValidateOutput(impl.kernel, g.graph, params, actual);
        EXPECT_TRUE(valid.ok) << where << valid.message;
      }
    }
  }
  return rows;
}

}  // namespace cost::testing_support

#endif  // COST_TESTS_PARALLEL_TEST_SUPPORT_H_
