// The OpenMP rows (system "openmp"): every row on small drawn graphs with the expected value per
// vertex at 1, 2 and 3 threads (PageRank by closed form, WCC as a partition, BFS depths), and the
// properties their parallel structure rests on. Labelled `openmp` in ctest so a ThreadSanitizer
// build can run just these (ctest -L openmp). Agreement with the reference on generated graphs is
// in systems_agreement_test.cc.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "datasets/hilbert.h"
#include "parallel/openmp.h"
#include "tests/parallel_test_support.h"

namespace cost {
namespace {

using testing_support::ExpectRowsGiveDepths;
using testing_support::ExpectRowsGivePartition;
using testing_support::ExpectRowsGiveRanks;
using testing_support::MakeSmallGraph;

constexpr double kD = 0.85;  // damping
constexpr int64_t kNo = datasets::kUnreachable;

// A star: centre 0, leaves 1..8 (n = 9); `both_ways` adds each leaf's edge back to the centre.
datasets::Graph Star(bool both_ways) {
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  for (uint32_t leaf = 1; leaf <= 8; ++leaf) {
    edges.push_back({0, leaf});
    if (both_ways) edges.push_back({leaf, 0});
  }
  return MakeSmallGraph(9, edges);
}

// The centre's rank c_t, and each leaf's (1 - c_t) / 8, after t iterations.
std::vector<double> StarRanks(double centre) {
  std::vector<double> rank(9, (1 - centre) / 8);
  rank[0] = centre;
  return rank;
}

//          1   2   3
//           \  |  /
//        8 -- 0 -- 4
//           /  |  \       every edge both ways: no sinks
//          7   6   5
// Every leaf sends its whole rank to 0 and 0 splits its rank over the leaves, so with c the
// centre's rank (c + 8 l = 1):  c' = (1 - d) / 9 + d (1 - c),  l' = (1 - d) / 9 + d c / 8.
// Hence c_t = c* + (-d)^t (1/9 - c*) with c* = ((1 - d) / 9 + d) / (1 + d).
TEST(OpenMP, PageRankOnASymmetricStarFollowsItsClosedForm) {
  const double fixed = ((1 - kD) / 9 + kD) / (1 + kD);
  for (int t : {1, 2, 20}) {
    const double centre = fixed + std::pow(-kD, t) * (1.0 / 9 - fixed);
    ExpectRowsGiveRanks("openmp", Star(/*both_ways=*/true), t, StarRanks(centre));
  }
}

//   0 --> 1..8      (the same star, edges out of the centre only: the 8 leaves are sinks)
// The leaves' rank 1 - c is dangling mass spread over all 9 vertices; 0 has no in-edges:
//   c' = (1 - d) / 9 + d (1 - c) / 9,   l' = c' + d c / 8.
// Hence c_t = c* + (-d/9)^t (1/9 - c*) with c* = 1 / (9 + d).
TEST(OpenMP, PageRankOnAStarOfSinksSpreadsTheirRank) {
  const double fixed = 1 / (9 + kD);
  for (int t : {1, 2, 20}) {
    const double centre = fixed + std::pow(-kD / 9, t) * (1.0 / 9 - fixed);
    ExpectRowsGiveRanks("openmp", Star(/*both_ways=*/false), t, StarRanks(centre));
  }
}

// Three components whose ids interleave, so every thread's range of vertices holds part of each:
//   0 <-- 3 <-- 6 <-- 9        (edges toward the smallest id)
//   1 --> 4 --> 7 --> 10       (edges away from it)
//   5 --> 8 <-- 11             (8 reached only by in-edges)
//   2                          (isolated)
// As a partition, each vertex labelled by its component's smallest id.
TEST(OpenMP, WccFindsInterleavedComponentsAtEveryThreadCount) {
  const datasets::Graph g =
      MakeSmallGraph(12, {{9, 6}, {6, 3}, {3, 0}, {1, 4}, {4, 7}, {7, 10}, {5, 8}, {11, 8}});
  ExpectRowsGivePartition("openmp", g, {0, 1, 2, 0, 1, 5, 0, 1, 5, 0, 1, 5});
}

//   8 --> 0 --> 1 --> 4 --> 7 --> 0     (7's edge back to the source)
//         0 --> 2 --> 4                 (4 has two parents, both at depth 1)
//               2 --> 5 --> 6 --> 3
//         0 --> 3                       (3 at depth 1, not by the longer way through 6)
//   10 --> 9                            (not reached from 0)
// Depths follow out-edges only: from 6, only 3 is reached.
TEST(OpenMP, BfsDepthsByHandAtEveryThreadCount) {
  std::vector<std::pair<uint32_t, uint32_t>> edges = {{8, 0}, {0, 1}, {1, 4}, {4, 7}, {7, 0}};
  edges.insert(edges.end(), {{0, 2}, {2, 4}, {2, 5}, {5, 6}, {6, 3}, {0, 3}, {10, 9}});
  const datasets::Graph g = MakeSmallGraph(11, edges);
  const std::vector<std::pair<datasets::VertexId, std::vector<int64_t>>> depths_from = {
      {0, {0, 1, 1, 1, 2, 2, 3, 3, kNo, kNo, kNo}},
      {8, {1, 2, 2, 2, 3, 3, 4, 4, 0, kNo, kNo}},
      {6, {kNo, kNo, kNo, 1, kNo, kNo, 0, kNo, kNo, kNo, kNo}},
      {10, {kNo, kNo, kNo, kNo, kNo, kNo, kNo, kNo, kNo, 1, 0}},
  };
  for (const auto& [source, expected] : depths_from) {
    ExpectRowsGiveDepths("openmp", g, source, expected);
  }
}

// openmp:pagerank-hilbert cuts the Hilbert stream into tiles of side 2^s and gives each
// destination column to one thread. That is race-free only if every aligned 2^s x 2^s square
// is one contiguous run of curve indices: index >> 2s names the square.
TEST(OpenMP, HilbertIndexHighBitsNameTheAlignedSquare) {
  std::mt19937_64 random(3);
  for (int s : {0, 1, 5, 12, 20, 31}) {
    for (int i = 0; i < 2000; ++i) {
      const uint32_t x = static_cast<uint32_t>(random()), y = static_cast<uint32_t>(random());
      // A second point in the same square, and one in the square to its right or above.
      const uint32_t mask = s == 0 ? 0 : static_cast<uint32_t>((uint64_t{1} << s) - 1);
      const uint32_t x2 = (x & ~mask) | (static_cast<uint32_t>(random()) & mask);
      const uint32_t y2 = (y & ~mask) | (static_cast<uint32_t>(random()) & mask);
      EXPECT_EQ(datasets::HilbertIndex(x, y) >> (2 * s), datasets::HilbertIndex(x2, y2) >> (2 * s));
      if (s < 31 && (x >> s) + 1 < (uint64_t{1} << (32 - s))) {
        const uint32_t x3 = x2 + (mask + 1);
        EXPECT_NE(datasets::HilbertIndex(x, y) >> (2 * s),
                  datasets::HilbertIndex(x3, y2) >> (2 * s));
      }
    }
  }
}

// Label propagation labels each component by its smallest id, at every thread count.
//   5 --> 4 --> 3 --> 2 --> 1 --> 0   (edges pointing toward the smallest id: push passes must
//   follow in-edges too)
//   and   1 --> 0, 1 --> 2, 4 --> 3, 5 alone
TEST(OpenMP, LabelPropagationLabelsBySmallestIdAtEveryThreadCount) {
  const datasets::Graph path = MakeSmallGraph(6, {{5, 4}, {4, 3}, {3, 2}, {2, 1}, {1, 0}});
  const datasets::Graph split = MakeSmallGraph(6, {{1, 0}, {1, 2}, {4, 3}});
  for (int threads : {1, 2, 3}) {
    EXPECT_THAT(parallel::ConnectedComponentsLabelPropagationOpenMP(path, threads),
                testing::ElementsAre(0, 0, 0, 0, 0, 0));
    EXPECT_THAT(parallel::ConnectedComponentsLabelPropagationOpenMP(split, threads),
                testing::ElementsAre(0, 0, 0, 3, 3, 5));
  }
}

// Afforest's labels are roots (each label labels itself), and the vertices it skips (those in
// the sampled giant component) still join what points into them:
//   a star 0 <-- 1..40 (the giant component: 0 is every sample's root)
//   41 --> 1      (41's only edge ends in the giant component; a directed graph)
//   42 --> 43     (a separate pair)
TEST(OpenMP, AfforestJoinsEdgesIntoTheGiantComponent) {
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  for (uint32_t v = 1; v <= 40; ++v) edges.push_back({v, 0});
  edges.push_back({41, 1});
  edges.push_back({42, 43});
  const datasets::Graph g = MakeSmallGraph(44, edges);
  for (int threads : {1, 2, 3}) {
    const std::vector<uint32_t> label = parallel::ConnectedComponentsAfforestOpenMP(g, threads);
    for (uint32_t v = 0; v <= 41; ++v) EXPECT_EQ(label[v], label[0]) << "vertex " << v;
    EXPECT_EQ(label[42], label[43]);
    EXPECT_NE(label[42], label[0]);
    for (uint32_t v = 0; v < 44; ++v) EXPECT_EQ(label[label[v]], label[v]) << "vertex " << v;
  }
}

// A star reached from its centre switches to bottom-up at once (the frontier's edges are all
// the edges) and a path behind it needs top-down again:
//   0 --> 1..200,  200 --> 201 --> 202 --> 203
TEST(OpenMP, DirectionOptimizingBfsSwitchesBothWays) {
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  for (uint32_t v = 1; v <= 200; ++v) edges.push_back({0, v});
  edges.push_back({200, 201});
  edges.push_back({201, 202});
  edges.push_back({202, 203});
  const datasets::Graph g = MakeSmallGraph(205, edges);  // 204 unreachable
  std::vector<int64_t> expected(205, 1);
  expected[0] = 0;
  expected[201] = 2;
  expected[202] = 3;
  expected[203] = 4;
  expected[204] = datasets::kUnreachable;
  for (int threads : {1, 2, 3}) {
    EXPECT_EQ(parallel::BreadthFirstSearchDirectionOptimizingOpenMP(g, 0, threads), expected);
  }
}

// The Hilbert row refuses a graph without its layout instead of reading another edge order.
TEST(OpenMP, HilbertPageRankNeedsTheLayout) {
  const datasets::Graph g = MakeSmallGraph(3, {{0, 1}, {1, 2}});
  EXPECT_THROW(parallel::PageRankPushHilbertOpenMP(g, {}, 2), std::invalid_argument);
}

}  // namespace
}  // namespace cost
