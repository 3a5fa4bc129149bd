// The GraphBLAS rows (system "graphblas") against the serial rows at 1, 2 and 3 threads (the
// library's thread count is process-wide and set per call: changing it between calls must not
// change answers), and PageRank's dangling term by hand.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "parallel/graphblas/graphblas.h"
#include "tests/parallel_test_support.h"

namespace cost {
namespace {

using testing_support::MakeSmallGraph;

TEST(GraphBlas, EveryRowAgreesWithTheSerialRowsAtOneTwoAndThreeThreads) {
  EXPECT_EQ(testing_support::ExpectRowsAgreeWithSerial("graphblas"), 4);
}

//   0 --> 1 --> 2      (2 is a sink: its rank is spread over all three vertices)
// One iteration from 1/3, d = 0.85: dangling = 1/3, base = 0.05 + 0.85/9
//   r0 = base, r1 = base + 0.85/3, r2 = base + 0.85/3
TEST(GraphBlas, PageRankSpreadsTheSinksRank) {
  const datasets::Graph g = MakeSmallGraph(3, {{0, 1}, {1, 2}});
  const double base = 0.15 / 3 + 0.85 / 9;
  EXPECT_THAT(parallel::graphblas::PageRankGraphBlas(g, {.iterations = 1}, 2),
              testing::ElementsAre(testing::DoubleNear(base, 1e-12),
                                   testing::DoubleNear(base + 0.85 / 3, 1e-12),
                                   testing::DoubleNear(base + 0.85 / 3, 1e-12)));
}

//   0 <-- 1 --> 2   3 <-- 4   5
TEST(GraphBlas, WccLabelsBySmallestIdFollowingEdgesBothWays) {
  const datasets::Graph g = MakeSmallGraph(6, {{1, 0}, {1, 2}, {4, 3}});
  EXPECT_THAT(parallel::graphblas::ConnectedComponentsGraphBlas(g, 3),
              testing::ElementsAre(0, 0, 0, 3, 3, 5));
}

// FastSV on two long directed paths: 499 -> 498 -> ... -> 0, whose smallest id sits where the
// edges end, and 500 -> 501 -> ... -> 999, where they start; 1000 is isolated. Paths are where
// labels travel farthest. Each component must end with one label, its smallest id, at every
// thread count.
TEST(GraphBlas, FastSvLabelsEachComponentByItsSmallestId) {
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  for (uint32_t v = 0; v + 1 < 500; ++v) edges.push_back({v + 1, v});
  for (uint32_t v = 500; v + 1 < 1000; ++v) edges.push_back({v, v + 1});
  const datasets::Graph g = MakeSmallGraph(1001, edges);
  std::vector<uint32_t> expected(1001, 0);
  std::fill(expected.begin() + 500, expected.end(), 500u);
  expected[1000] = 1000;
  for (int threads : {1, 2, 3}) {
    EXPECT_EQ(parallel::graphblas::ConnectedComponentsFastSvGraphBlas(g, threads), expected)
        << threads << " threads";
  }
}

//   0 --> 1 --> 2,  3 --> 0   (3 unreachable from 0)
TEST(GraphBlas, BfsDepthsByHand) {
  const datasets::Graph g = MakeSmallGraph(4, {{0, 1}, {1, 2}, {3, 0}});
  EXPECT_THAT(parallel::graphblas::BreadthFirstSearchGraphBlas(g, 0, 2),
              testing::ElementsAre(0, 1, 2, datasets::kUnreachable));
}

}  // namespace
}  // namespace cost
