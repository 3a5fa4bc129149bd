// The GraphBLAS rows (system "graphblas"): every row on small drawn graphs with the expected value
// per vertex at 1, 2 and 3 threads (the library's thread count is process-wide and set per call:
// changing it between calls must not change answers), then each kernel function by hand.
// Agreement with the reference on generated graphs is in systems_agreement_test.cc.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "parallel/graphblas/graphblas.h"
#include "tests/parallel_test_support.h"

namespace cost {
namespace {

using testing_support::ExpectRowsGiveDepths;
using testing_support::ExpectRowsGivePartition;
using testing_support::ExpectRowsGiveRanks;
using testing_support::MakeSmallGraph;

constexpr double kD = 0.85;  // damping
constexpr int64_t kNo = datasets::kUnreachable;

// The complete bipartite graph from A = {0, 1} to B = {2, 3, 4} (n = 5); `both_ways` adds every
// edge back from B to A.
datasets::Graph CompleteBipartite(bool both_ways) {
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  for (uint32_t a : {0u, 1u}) {
    for (uint32_t b : {2u, 3u, 4u}) {
      edges.push_back({a, b});
      if (both_ways) edges.push_back({b, a});
    }
  }
  return MakeSmallGraph(5, edges);
}

// Ranks after t iterations, from the rank S_t that A's two vertices hold together: each vertex
// of A has S_t / 2, each of B (1 - S_t) / 3.
std::vector<double> BipartiteRanks(double a_side) {
  return {a_side / 2, a_side / 2, (1 - a_side) / 3, (1 - a_side) / 3, (1 - a_side) / 3};
}

//   0 <==> 2, 3, 4
//   1 <==> 2, 3, 4      (every A-B pair, both ways: no sinks)
// B holds 1 - S and sends all of it to A, A sends all of S to B, so
//   S' = 2 (1 - d) / 5 + d (1 - S),  hence S_t = S* + (-d)^t (2/5 - S*),
//   S* = (2 (1 - d) / 5 + d) / (1 + d).
TEST(GraphBlas, PageRankOnACompleteBipartiteGraphFollowsItsClosedForm) {
  const double fixed = (2 * (1 - kD) / 5 + kD) / (1 + kD);
  for (int t : {1, 2, 20}) {
    const double a_side = fixed + std::pow(-kD, t) * (2.0 / 5 - fixed);
    ExpectRowsGiveRanks("graphblas", CompleteBipartite(/*both_ways=*/true), t,
                        BipartiteRanks(a_side));
  }
}

//   0 --> 2, 3, 4
//   1 --> 2, 3, 4      (B's three vertices are sinks)
// B's rank 1 - S is dangling mass spread over all five vertices and A has no in-edges, so
//   S' = 2 (1 - d S) / 5,  hence S_t = S* + (-2d/5)^t (2/5 - S*),  S* = 2 / (5 + 2d).
TEST(GraphBlas, PageRankOnABipartiteGraphOfSinksSpreadsTheirRank) {
  const double fixed = 2 / (5 + 2 * kD);
  for (int t : {1, 2, 20}) {
    const double a_side = fixed + std::pow(-2 * kD / 5, t) * (2.0 / 5 - fixed);
    ExpectRowsGiveRanks("graphblas", CompleteBipartite(/*both_ways=*/false), t,
                        BipartiteRanks(a_side));
  }
}

// Components drawn with shuffled ids and mixed edge directions:
//   7 --> 2 <-- 9 --> 4
//   0 <-- 5 --> 8
//   3 --> 6 --> 1 --> 3      (a directed cycle)
//   10                       (isolated)
// As a partition, each vertex labelled by its component's smallest id.
TEST(GraphBlas, WccFindsEveryComponentAtEveryThreadCount) {
  const datasets::Graph g =
      MakeSmallGraph(11, {{7, 2}, {9, 2}, {9, 4}, {5, 0}, {5, 8}, {3, 6}, {6, 1}, {1, 3}});
  ExpectRowsGivePartition("graphblas", g, {0, 1, 2, 1, 2, 0, 1, 2, 0, 2, 10});
}

//   6 --> 0 --> 1 --> 3 --> 7
//         0 --> 2 --> 4
//               2 --> 5 --> 1     (back to a vertex already at depth 1)
//   8                             (isolated)
// Depths follow out-edges only: from 5, neither 0 nor 2 is reached.
TEST(GraphBlas, BfsDepthsByHandAtEveryThreadCount) {
  const datasets::Graph g =
      MakeSmallGraph(9, {{6, 0}, {0, 1}, {1, 3}, {3, 7}, {0, 2}, {2, 4}, {2, 5}, {5, 1}});
  const std::vector<std::pair<datasets::VertexId, std::vector<int64_t>>> depths_from = {
      {0, {0, 1, 1, 2, 2, 2, kNo, 3, kNo}},
      {6, {1, 2, 2, 3, 3, 3, 0, 4, kNo}},
      {5, {kNo, 1, kNo, 2, kNo, 0, kNo, 3, kNo}},
      {8, {kNo, kNo, kNo, kNo, kNo, kNo, kNo, kNo, 0}},
  };
  for (const auto& [source, expected] : depths_from) {
    ExpectRowsGiveDepths("graphblas", g, source, expected);
  }
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
