// The three LDBC validation rules on hand-made arrays: exact (BFS depths: every value equal),
// epsilon (PageRank: relative 1e-4, an expected 0 needs 0, infinities match only themselves, NaN
// never), equivalence (WCC: the same partition under any relabelling); and ValidateValues picking
// the kernel's rule and refusing a value of the wrong type.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "harness/run/validation.h"
#include "tests/validation_test_support.h"

namespace cost::harness {
namespace {

using testing_support::Contains;
using testing_support::kInf;
using testing_support::kNo;

// --- Exact ---------------------------------------------------------------------------------

TEST(ValidateExactTest, EqualPasses) {
  std::vector<int64_t> depths = {0, 1, 2, std::numeric_limits<int64_t>::max()};
  EXPECT_TRUE(ValidateExact(depths, depths).ok);
}

TEST(ValidateExactTest, NamesTheFirstDifference) {
  std::vector<int64_t> expected = {0, 1, 2, 3};
  std::vector<int64_t> actual = {0, 1, 7, 3};
  ValidationResult result = ValidateExact(expected, actual);
  EXPECT_FALSE(result.ok);
  EXPECT_TRUE(Contains(result.message, "vertex 2: expected 2, got 7")) << result.message;
}

TEST(ValidateExactTest, SizeMismatchFails) {
  std::vector<int64_t> expected = {0, 1, 2};
  std::vector<int64_t> actual = {0, 1};
  EXPECT_FALSE(ValidateExact(expected, actual).ok);
}

// --- Epsilon -------------------------------------------------------------------------------

TEST(ValidateEpsilonTest, WithinRelativePasses) {
  std::vector<double> expected = {0.5, 0.25, 0};
  std::vector<double> actual = {0.5 * (1 + 0.9e-4), 0.25 * (1 - 0.9e-4), 0};
  ValidationResult result = ValidateEpsilon(expected, actual);
  EXPECT_TRUE(result.ok) << result.message;
}

TEST(ValidateEpsilonTest, BeyondRelativeFails) {
  std::vector<double> expected = {0.5, 0.25};
  std::vector<double> actual = {0.5, 0.25 * (1 + 1.1e-4)};
  ValidationResult result = ValidateEpsilon(expected, actual);
  EXPECT_FALSE(result.ok);
  EXPECT_TRUE(Contains(result.message, "vertex 1:")) << result.message;
}

TEST(ValidateEpsilonTest, ExpectedZeroNeedsExactZero) {
  std::vector<double> expected = {0};
  std::vector<double> actual = {1e-300};
  EXPECT_FALSE(ValidateEpsilon(expected, actual).ok);
}

TEST(ValidateEpsilonTest, HonoursTheGivenTolerance) {
  std::vector<double> expected = {1.0};
  std::vector<double> actual = {1.01};
  EXPECT_FALSE(ValidateEpsilon(expected, actual).ok);
  EXPECT_TRUE(ValidateEpsilon(expected, actual, 0.02).ok);
}

TEST(ValidateEpsilonTest, SameInfinitiesPass) {
  std::vector<double> values = {kInf, -kInf, 1.0};
  EXPECT_TRUE(ValidateEpsilon(values, values).ok);
}

TEST(ValidateEpsilonTest, InfinityMismatchFails) {
  std::vector<double> expected = {kInf};
  for (double actual : {-kInf, std::numeric_limits<double>::max(), 0.0}) {
    std::vector<double> actual_values = {actual};
    EXPECT_FALSE(ValidateEpsilon(expected, actual_values).ok) << actual;
    EXPECT_FALSE(ValidateEpsilon(actual_values, expected).ok) << actual;
  }
}

TEST(ValidateEpsilonTest, NanFails) {
  std::vector<double> expected = {1.0};
  std::vector<double> actual = {std::nan("")};
  EXPECT_FALSE(ValidateEpsilon(expected, actual).ok);
  EXPECT_FALSE(ValidateEpsilon(actual, expected).ok);
}

TEST(ValidateEpsilonTest, SizeMismatchFails) {
  std::vector<double> expected = {1.0, 2.0};
  std::vector<double> actual = {1.0, 2.0, 3.0};
  ValidationResult result = ValidateEpsilon(expected, actual);
  EXPECT_FALSE(result.ok);
  EXPECT_TRUE(Contains(result.message, "size mismatch")) << result.message;
}

TEST(ValidateEpsilonTest, CountsEveryDifference) {
  std::vector<double> expected = {1, 2, 3, 4};
  std::vector<double> actual = {1, 2.5, 3, 5};
  ValidationResult result = ValidateEpsilon(expected, actual);
  EXPECT_FALSE(result.ok);
  EXPECT_TRUE(Contains(result.message, "2 of 4 vertices differ; first: vertex 1:"))
      << result.message;
}

// --- Equivalence ---------------------------------------------------------------------------

TEST(ValidateEquivalenceTest, RelabelledPartitionPasses) {
  std::vector<uint64_t> expected = {1, 1, 2, 2, 3};
  std::vector<uint64_t> actual = {9, 9, 4, 4, 1};  // 1 -> 9, 2 -> 4, 3 -> 1
  ValidationResult result = ValidateEquivalence(expected, actual);
  EXPECT_TRUE(result.ok) << result.message;
}

TEST(ValidateEquivalenceTest, MergedComponentsFail) {
  std::vector<uint64_t> expected = {1, 1, 2, 2};
  std::vector<uint64_t> actual = {5, 5, 5, 5};
  ValidationResult result = ValidateEquivalence(expected, actual);
  EXPECT_FALSE(result.ok);
  EXPECT_TRUE(Contains(result.message, "vertex 2:")) << result.message;
}

TEST(ValidateEquivalenceTest, SplitComponentFails) {
  std::vector<uint64_t> expected = {1, 1, 1, 2};
  std::vector<uint64_t> actual = {7, 7, 8, 9};
  ValidationResult result = ValidateEquivalence(expected, actual);
  EXPECT_FALSE(result.ok);
  EXPECT_TRUE(Contains(result.message, "vertex 2:")) << result.message;
}

TEST(ValidateEquivalenceTest, SizeMismatchFails) {
  std::vector<uint64_t> expected = {1, 1};
  std::vector<uint64_t> actual = {1};
  EXPECT_FALSE(ValidateEquivalence(expected, actual).ok);
}

TEST(ValidateEquivalenceTest, EmptyPasses) { EXPECT_TRUE(ValidateEquivalence({}, {}).ok); }

// --- Dispatch ------------------------------------------------------------------------------

TEST(ValidateValuesTest, DispatchesByKernel) {
  Values ranks = std::vector<double>{0.5, 0.5};
  Values near_ranks = std::vector<double>{0.50001, 0.49999};
  Values labels = std::vector<uint32_t>{0, 0, 2};
  Values relabelled = std::vector<uint32_t>{1, 1, 0};
  EXPECT_TRUE(ValidateValues(Kernel::kPageRank, ranks, near_ranks).ok);
  EXPECT_TRUE(ValidateValues(Kernel::kWcc, labels, relabelled).ok);
  EXPECT_FALSE(ValidateValues(Kernel::kWcc, labels, Values(std::vector<uint32_t>{0, 1, 2})).ok);
}

TEST(ValidateValuesTest, WrongValueTypeFails) {
  Values ranks = std::vector<double>{0.5, 0.5};
  Values labels = std::vector<uint32_t>{0, 0};
  EXPECT_FALSE(ValidateValues(Kernel::kPageRank, ranks, labels).ok);
  EXPECT_FALSE(ValidateValues(Kernel::kWcc, ranks, labels).ok);
}

TEST(ValidateValuesTest, BfsIsExact) {
  Values depths = std::vector<int64_t>{0, 1, kNo};
  EXPECT_TRUE(ValidateValues(Kernel::kBfs, depths, depths).ok);
  EXPECT_FALSE(ValidateValues(Kernel::kBfs, depths, Values(std::vector<int64_t>{0, 1, 2})).ok);
  EXPECT_FALSE(ValidateValues(Kernel::kBfs, depths, Values(std::vector<uint32_t>{0, 1, 2})).ok);
}

}  // namespace
}  // namespace cost::harness
