// Shared by the OpenMP and GraphBLAS kernel suites: drawn graphs built from edge lists, and the
// expectation that every row of one system gives a drawn graph's values at 1, 2 and 3 threads.
// SmallestIdLabels serves kernels_test too.
#ifndef COST_TESTS_PARALLEL_TEST_SUPPORT_H_
#define COST_TESTS_PARALLEL_TEST_SUPPORT_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/hilbert_layout.h"
#include "harness/core/kernel.h"
#include "harness/run/implementations.h"

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

// Every row of the implementation table with this system and kernel, in table order, so a new
// row is tested unchanged. Fails the calling test when there is none: a loop over the rows must
// not pass by running nothing.
inline std::vector<const harness::Implementation*> RowsOf(std::string_view system,
                                                          harness::Kernel kernel) {
  std::vector<const harness::Implementation*> rows;
  for (const harness::Implementation& impl : harness::Implementations()) {
    if (impl.system == system && impl.kernel == kernel) rows.push_back(&impl);
  }
  if (rows.empty()) {
    ADD_FAILURE() << "no " << system << " row for " << harness::KernelName(kernel);
  }
  return rows;
}

// One row's output at one thread count; `where` names both for failure messages.
struct ThreadedRun {
  std::string where;
  harness::Values values;
};

// Runs impl on graph (with the edge layout the row reads added) at 1, 2 and 3 threads: 3 splits
// no range evenly, and changing the count between calls must not change the answer.
inline std::vector<ThreadedRun> RunAtOneTwoAndThreeThreads(const harness::Implementation& impl,
                                                           const datasets::Graph& graph,
                                                           harness::RunParams params) {
  const datasets::Graph with_layout = datasets::WithHilbertLayout(graph, impl.requires_layout);
  std::vector<ThreadedRun> runs;
  for (int threads : {1, 2, 3}) {
    params.threads = threads;
    runs.push_back({std::string(impl.name) + " at " + std::to_string(threads) + " threads",
                    harness::RunInProcess(impl, with_layout, params)});
  }
  return runs;
}

// Component labels rewritten as the smallest vertex id of each component, so two labellings of
// the same partition compare equal element by element.
inline std::vector<uint32_t> SmallestIdLabels(const std::vector<uint32_t>& label) {
  std::unordered_map<uint32_t, uint32_t> smallest;
  for (uint32_t v = 0; v < label.size(); ++v) smallest.emplace(label[v], v);  // first = smallest
  std::vector<uint32_t> result(label.size());
  for (uint32_t v = 0; v < label.size(); ++v) result[v] = smallest.at(label[v]);
  return result;
}

// Every `system` PageRank row, `iterations` iterations on graph: `expected` within 1e-9 per vertex.
inline void ExpectRowsGiveRanks(std::string_view system, const datasets::Graph& graph,
                                int iterations, const std::vector<double>& expected) {
  for (const harness::Implementation* impl : RowsOf(system, harness::Kernel::kPageRank)) {
    for (const ThreadedRun& run :
         RunAtOneTwoAndThreeThreads(*impl, graph, {.iterations = iterations})) {
      EXPECT_THAT(std::get<std::vector<double>>(run.values),
                  testing::Pointwise(testing::DoubleNear(1e-9), expected))
          << run.where << ", " << iterations << " iterations";
    }
  }
}

// Every `system` WCC row on graph: the partition `smallest_ids` gives (each vertex labelled by
// its component's smallest id), whatever labels the row chose.
inline void ExpectRowsGivePartition(std::string_view system, const datasets::Graph& graph,
                                    const std::vector<uint32_t>& smallest_ids) {
  for (const harness::Implementation* impl : RowsOf(system, harness::Kernel::kWcc)) {
    for (const ThreadedRun& run : RunAtOneTwoAndThreeThreads(*impl, graph, {})) {
      EXPECT_EQ(SmallestIdLabels(std::get<std::vector<uint32_t>>(run.values)), smallest_ids)
          << run.where;
    }
  }
}

// Every `system` BFS row on graph from source: exactly `expected`.
inline void ExpectRowsGiveDepths(std::string_view system, const datasets::Graph& graph,
                                 datasets::VertexId source, const std::vector<int64_t>& expected) {
  for (const harness::Implementation* impl : RowsOf(system, harness::Kernel::kBfs)) {
    for (const ThreadedRun& run : RunAtOneTwoAndThreeThreads(*impl, graph, {.source = source})) {
      EXPECT_EQ(std::get<std::vector<int64_t>>(run.values), expected)
          << run.where << " from " << source;
    }
  }
}

}  // namespace cost::testing_support

#endif  // COST_TESTS_PARALLEL_TEST_SUPPORT_H_
