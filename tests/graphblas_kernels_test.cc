// The GraphBLAS rows (system "graphblas") against the serial rows at 1, 2 and 3 threads (the
// library's thread count is process-wide and set per call: changing it between calls must not
// change answers), and PageRank's dangling term by hand.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "parallel/graphblas/graphblas.h"
#include "tests/parallel_test_support.h"

namespace cost {
namespace {

using testing_support::MakeSmallGraph;

TEST(GraphBlas, EveryRowAgreesWithTheSerialRowsAtOneTwoAndThreeThreads) {
  EXPECT_EQ(testing_support::ExpectRowsAgreeWithSerial("graphblas"), 3);
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

//   0 --> 1 --> 2,  3 --> 0   (3 unreachable from 0)
TEST(GraphBlas, BfsDepthsByHand) {
  const datasets::Graph g = MakeSmallGraph(4, {{0, 1}, {1, 2}, {3, 0}});
  EXPECT_THAT(parallel::graphblas::BreadthFirstSearchGraphBlas(g, 0, 2),
              testing::ElementsAre(0, 1, 2, datasets::kUnreachable));
}

}  // namespace
}  // namespace cost
