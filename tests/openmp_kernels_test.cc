// The OpenMP rows (system "openmp") against the serial rows at 1, 2 and 3 threads, and the
// properties their parallel structure rests on. Labelled `openmp` in ctest so a ThreadSanitizer
// build can run just these (ctest -L openmp).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "datasets/hilbert.h"
#include "parallel/openmp.h"
#include "tests/parallel_test_support.h"

namespace cost {
namespace {

using testing_support::MakeSmallGraph;

TEST(OpenMP, EveryRowAgreesWithTheSerialRowsAtOneTwoAndThreeThreads) {
  EXPECT_GE(testing_support::ExpectRowsAgreeWithSerial("openmp"), 5);
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
