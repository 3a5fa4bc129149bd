// The oracle every measurement is validated against (ReferenceValues), on graphs small enough to
// work out by hand: PageRank's first step with the sinks' rank spread over every vertex, its
// start value and conserved mass, WCC following edges both ways with the smallest id as label,
// BFS depths along out-edges only.
//
// The graphs (validation_test_support.h):
//   SmallGraph   0 -> 1 <-> 2      3      4 <- 5
//   BfsGraph     the same, plus 2 -> 3
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "datasets/csr_build.h"
#include "harness/run/validation.h"
#include "tests/validation_test_support.h"

namespace cost::harness {
namespace {

using testing_support::BfsGraph;
using testing_support::kNo;
using testing_support::SmallGraph;

TEST(ReferenceValuesTest, PageRankOneIterationByHand) {
  Values values = ReferenceValues(Kernel::kPageRank, SmallGraph(),
                                  {.threads = 1, .iterations = 1, .damping = 0.85});
  const auto& rank = std::get<std::vector<double>>(values);
  // Start at 1/6 each; the two sinks pool 2/6, spread over all 6 vertices.
  const double base = 0.15 / 6 + 0.85 * (2.0 / 6) / 6;
  std::vector<double> expected = {base,
                                  base + 0.85 * (1.0 / 6 + 1.0 / 6),  // from 0 and 2
                                  base + 0.85 / 6,                    // from 1
                                  base,
                                  base + 0.85 / 6,  // from 5
                                  base};
  ASSERT_EQ(rank.size(), expected.size());
  for (size_t v = 0; v < rank.size(); ++v) EXPECT_DOUBLE_EQ(rank[v], expected[v]) << v;
}

TEST(ReferenceValuesTest, PageRankKeepsTotalRankOne) {
  Values values = ReferenceValues(Kernel::kPageRank, SmallGraph(),
                                  {.threads = 1, .iterations = 20, .damping = 0.85});
  double total = 0;
  for (double r : std::get<std::vector<double>>(values)) total += r;
  EXPECT_NEAR(total, 1.0, 1e-12);
}

TEST(ReferenceValuesTest, PageRankZeroIterationsIsUniform) {
  Values values = ReferenceValues(Kernel::kPageRank, SmallGraph(), {.iterations = 0});
  for (double r : std::get<std::vector<double>>(values)) EXPECT_DOUBLE_EQ(r, 1.0 / 6);
}

TEST(ReferenceValuesTest, EmptyGraph) {
  datasets::Graph empty = datasets::BuildGraph(datasets::EdgeList{}, {});
  EXPECT_TRUE(std::get<std::vector<double>>(ReferenceValues(Kernel::kPageRank, empty, {})).empty());
  EXPECT_TRUE(std::get<std::vector<uint32_t>>(ReferenceValues(Kernel::kWcc, empty, {})).empty());
}

TEST(ReferenceValuesTest, WccFollowsEdgesBothWays) {
  Values values = ReferenceValues(Kernel::kWcc, SmallGraph(), {});
  EXPECT_EQ(std::get<std::vector<uint32_t>>(values), (std::vector<uint32_t>{0, 0, 0, 3, 4, 4}));
}

TEST(ReferenceValuesTest, BfsByHand) {
  EXPECT_EQ(std::get<std::vector<int64_t>>(ReferenceValues(Kernel::kBfs, BfsGraph(), {})),
            (std::vector<int64_t>{0, 1, 2, 3, kNo, kNo}));
  EXPECT_EQ(
      std::get<std::vector<int64_t>>(ReferenceValues(Kernel::kBfs, BfsGraph(), {.source = 5})),
      (std::vector<int64_t>{kNo, kNo, kNo, kNo, 1, 0}));
}

}  // namespace
}  // namespace cost::harness
