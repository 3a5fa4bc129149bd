// The igraph rows (baselines/igraph/): what a measurement records of their own preparation, and
// their outputs on a graph with sinks, isolated vertices and unreachable ones. The conformance
// suites run them with every other row of the table.
#include <gtest/gtest.h>

#include <string>

#include "datasets/csr_build.h"
#include "datasets/kernel_definitions.h"
#include "harness/run/measurement.h"
#include "harness/run/validation.h"
#include "tests/test_support.h"

namespace cost::harness {
namespace {

#if COST_HAVE_IGRAPH

//   0 -> 1 -> 2 -> 0,  3 -> 4 (4 is a sink),  5 isolated
datasets::Graph SmallGraph() {
  datasets::EdgeList list;
  list.num_vertices = 6;
  for (auto [u, v] : {std::pair{0, 1}, {1, 2}, {2, 0}, {3, 4}}) {
    list.src.push_back(u);
    list.dst.push_back(v);
  }
  return datasets::BuildGraph(list, {.symmetrize = false});
}

TEST(IgraphRows, OutputsMatchTheReference) {
  const datasets::Graph g = SmallGraph();
  for (const char* name : {"igraph:pagerank", "igraph:connected-components", "igraph:bfs"}) {
    const Implementation* impl = FindImplementation(name);
    ASSERT_NE(impl, nullptr) << name;
    EXPECT_TRUE(impl->deviation.empty()) << name;
    for (int iterations : {0, 1, 20}) {
      const RunParams params{.iterations = iterations, .source = 3};
      const ValidationResult check = ValidateValues(
          impl->kernel, ReferenceValues(impl->kernel, g, params), RunInProcess(*impl, g, params));
      EXPECT_TRUE(check.ok) << name << " iterations " << iterations << ": " << check.message;
    }
  }
  // From 3: 4 at depth 1, the rest unreachable.
  const auto depths = std::get<std::vector<int64_t>>(
      RunInProcess(*FindImplementation("igraph:bfs"), g, {.source = 3}));
  EXPECT_EQ(depths, (std::vector<int64_t>{datasets::kUnreachable, datasets::kUnreachable,
                                          datasets::kUnreachable, 0, 1, datasets::kUnreachable}));
}

class IgraphMeasurementTest : public testing_support::ScratchDirTest {};

// The igraph structure is built once, outside the timed calls, and recorded as the row's own
// preparation; the row is validated.
TEST_F(IgraphMeasurementTest, RecordsItsOwnPreparation) {
  const testing_support::CostRun generate = testing_support::RunCost(
      {"dataset", "generate", "kronecker", "--scale", "6", "-o", Path("g.cgraph")}, dir_);
  ASSERT_EQ(generate.exit_code, 0) << generate.err;
  for (const char* name : {"igraph:pagerank", "igraph:connected-components", "igraph:bfs"}) {
    MeasurementRequest request;
    request.implementation = FindImplementation(name);
    request.graph_path = Path("g.cgraph");
    request.repetitions = 2;
    const Measurement m = Measure(request).measurement;
    EXPECT_TRUE(m.ok()) << name << ": " << m.message;
    EXPECT_GT(m.system_preparation_seconds, 0) << name;
    EXPECT_FALSE(m.system_preparation_cached) << name;
    EXPECT_EQ(m.repetition_seconds.size(), 2u) << name;
  }
}

#else
TEST(IgraphRows, NotBuiltWithoutIgraph) {
  EXPECT_EQ(FindImplementation("igraph:pagerank"), nullptr);
}
#endif

}  // namespace
}  // namespace cost::harness
