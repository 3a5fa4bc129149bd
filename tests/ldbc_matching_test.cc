// LDBC Graphalytics' own matching self-tests (../shared/conformance/ldbc/matching/): for each of
// the three rules, the file LDBC expects to match (actual1) passes and the one it expects not to
// (actual2) fails, with the count of differing vertices the rule reports.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "datasets/ldbc_loader.h"
#include "harness/run/validation.h"
#include "tests/validation_test_support.h"

namespace cost::harness {
namespace {

using testing_support::Contains;
using testing_support::kInf;

std::string MatchingFile(const std::string& name) {
  return std::string(COST_SHARED_DIR) + "/conformance/ldbc/matching/" + name;
}

// Lines up two files keyed by vertex id into arrays in id order; both must list the same ids.
template <typename T>
void Align(const std::map<uint64_t, T>& expected, const std::map<uint64_t, T>& actual,
           std::vector<T>* expected_values, std::vector<T>* actual_values) {
  ASSERT_EQ(expected.size(), actual.size());
  for (const auto& [id, value] : expected) {
    auto it = actual.find(id);
    ASSERT_NE(it, actual.end()) << "vertex " << id << " missing from the actual output";
    expected_values->push_back(value);
    actual_values->push_back(it->second);
  }
}

ValidationResult MatchExact(const std::string& actual_file) {
  std::vector<int64_t> expected, actual;
  Align(datasets::ReadVertexInts(MatchingFile("exact_expected.csv")),
        datasets::ReadVertexInts(MatchingFile(actual_file)), &expected, &actual);
  return ValidateExact(expected, actual);
}

ValidationResult MatchEpsilon(const std::string& actual_file) {
  std::vector<double> expected, actual;
  Align(datasets::ReadVertexDoubles(MatchingFile("epsilon_expected.csv")),
        datasets::ReadVertexDoubles(MatchingFile(actual_file)), &expected, &actual);
  return ValidateEpsilon(expected, actual);
}

ValidationResult MatchEquivalence(const std::string& actual_file) {
  std::vector<int64_t> expected, actual;
  Align(datasets::ReadVertexInts(MatchingFile("equivalence_expected.csv")),
        datasets::ReadVertexInts(MatchingFile(actual_file)), &expected, &actual);
  return ValidateEquivalence(std::vector<uint64_t>(expected.begin(), expected.end()),
                             std::vector<uint64_t>(actual.begin(), actual.end()));
}

TEST(LdbcMatchingTest, ExactActual1Passes) {
  ValidationResult result = MatchExact("exact_actual1.csv");
  EXPECT_TRUE(result.ok) << result.message;
}

TEST(LdbcMatchingTest, ExactActual2Fails) {
  ValidationResult result = MatchExact("exact_actual2.csv");
  EXPECT_FALSE(result.ok);
  // Ids 1 and 4 differ (positions 0 and 3).
  EXPECT_TRUE(Contains(result.message, "2 of 5 vertices differ")) << result.message;
}

TEST(LdbcMatchingTest, EpsilonActual1Passes) {
  ValidationResult result = MatchEpsilon("epsilon_actual1.csv");
  EXPECT_TRUE(result.ok) << result.message;
}

TEST(LdbcMatchingTest, EpsilonActual2Fails) {
  ValidationResult result = MatchEpsilon("epsilon_actual2.csv");
  EXPECT_FALSE(result.ok);
  // Every id but 2 (0.3 == 0.3) is off: 0 vs 1e-6, 0.45 vs 0.46, 0.23 vs 0.22, +inf vs
  // DBL_MAX, 0.001 vs 0.
  EXPECT_TRUE(Contains(result.message, "5 of 6 vertices differ")) << result.message;
}

TEST(LdbcMatchingTest, EquivalenceActual1Passes) {
  ValidationResult result = MatchEquivalence("equivalence_actual1.csv");
  EXPECT_TRUE(result.ok) << result.message;
}

TEST(LdbcMatchingTest, EquivalenceActual2Fails) {
  ValidationResult result = MatchEquivalence("equivalence_actual2.csv");
  EXPECT_FALSE(result.ok) << result.message;
}

TEST(LdbcMatchingTest, ReadsInfinitySpellings) {
  std::map<uint64_t, double> expected =
      datasets::ReadVertexDoubles(MatchingFile("epsilon_expected.csv"));
  ASSERT_EQ(expected.size(), 6u);
  EXPECT_EQ(expected.at(5), kInf);  // written "+Infinity"
  EXPECT_EQ(expected.at(4), 0.23);
}

}  // namespace
}  // namespace cost::harness
