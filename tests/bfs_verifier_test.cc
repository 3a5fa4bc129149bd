// VerifyBfsDepths, the linear proof a measurement checks BFS depths with: the right depths
// pass; too deep, too shallow, a reachable vertex marked unreachable (or the reverse), a second
// source, a negative depth and a size mismatch each fail, and the message names the first
// violation.
//
// The graph (BfsGraph, validation_test_support.h), with its depths from 0:
//   0 -> 1 <-> 2 -> 3      4 <- 5          depths 0, 1, 2, 3, unreachable, unreachable
#include <gtest/gtest.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "harness/run/validation.h"
#include "tests/validation_test_support.h"

namespace cost::harness {
namespace {

using testing_support::BfsGraph;
using testing_support::Contains;
using testing_support::kNo;

TEST(VerifyBfsDepthsTest, CorrectDepthsPass) {
  std::vector<int64_t> depths = {0, 1, 2, 3, kNo, kNo};
  ValidationResult result = VerifyBfsDepths(BfsGraph(), 0, depths);
  EXPECT_TRUE(result.ok) << result.message;
  EXPECT_TRUE(Contains(result.message, "4 reached, max depth 3")) << result.message;
}

TEST(VerifyBfsDepthsTest, EachKindOfWrongAnswerFails) {
  const datasets::Graph g = BfsGraph();
  const std::vector<std::pair<const char*, std::vector<int64_t>>> wrong = {
      {"too deep: 2 is one hop from 1", {0, 1, 3, 4, kNo, kNo}},
      {"too shallow: 3 has no parent at depth 1", {0, 1, 2, 2, kNo, kNo}},
      {"reachable vertex marked unreachable", {0, 1, 2, kNo, kNo, kNo}},
      {"unreachable vertex given a depth", {0, 1, 2, 3, 4, kNo}},
      {"a second depth 0", {0, 1, 2, 3, kNo, 0}},
      {"source not at 0", {1, 2, 3, 4, kNo, kNo}},
      {"negative depth", {0, 1, 2, 3, -1, kNo}},
  };
  for (const auto& [why, depths] : wrong) {
    EXPECT_FALSE(VerifyBfsDepths(g, 0, depths).ok) << why;
  }
  EXPECT_TRUE(
      Contains(VerifyBfsDepths(g, 0, std::vector<int64_t>{0, 1, 2, 3}).message, "size mismatch"));
  // No such source.
  EXPECT_FALSE(VerifyBfsDepths(g, 6, std::vector<int64_t>{0, 1, 2, 3, kNo, kNo}).ok);
}

TEST(VerifyBfsDepthsTest, NamesTheFirstViolation) {
  std::vector<int64_t> depths = {0, 1, 2, 2, kNo, kNo};
  ValidationResult result = VerifyBfsDepths(BfsGraph(), 0, depths);
  EXPECT_TRUE(Contains(result.message, "vertex 3: depth 2, but no in-neighbour has depth 1"))
      << result.message;
}

}  // namespace
}  // namespace cost::harness
