// The validator's self-tests: LDBC's own matching files (actual1 must pass, actual2 must fail
// for each rule), small hand-made cases for each rule, and the reference implementations on a
// graph small enough to work out by hand.
#include "harness/run/validation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/kernel_definitions.h"
#include "datasets/ldbc_loader.h"

namespace cost::harness {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::string MatchingFile(const std::string& name) {
  return std::string(COST_SHARED_DIR) + "/conformance/ldbc/matching/" + name;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
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

// --- LDBC's matching self-tests ------------------------------------------------------------

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

// --- Reference implementations -------------------------------------------------------------

//   0 -> 1 <-> 2      3      4 <- 5
// Sinks (no out-edges): 3 and 4. Components: {0, 1, 2}, {3}, {4, 5}.
datasets::Graph SmallGraph() {
  datasets::EdgeList edges;
  edges.num_vertices = 6;
  edges.src = {0, 1, 2, 5};
  edges.dst = {1, 2, 1, 4};
  return datasets::BuildGraph(edges, {.symmetrize = false});
}

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

// --- BFS ---------------------------------------------------------------------------------

constexpr int64_t kNo = datasets::kUnreachable;

//   0 -> 1 <-> 2      3      4 <- 5     (SmallGraph, plus 2 -> 3 here)
datasets::Graph BfsGraph() {
  datasets::EdgeList edges;
  edges.num_vertices = 6;
  edges.src = {0, 1, 2, 5, 2};
  edges.dst = {1, 2, 1, 4, 3};
  return datasets::BuildGraph(edges, {.symmetrize = false});
}

TEST(ReferenceValuesTest, BfsByHand) {
  EXPECT_EQ(std::get<std::vector<int64_t>>(ReferenceValues(Kernel::kBfs, BfsGraph(), {})),
            (std::vector<int64_t>{0, 1, 2, 3, kNo, kNo}));
  EXPECT_EQ(
      std::get<std::vector<int64_t>>(ReferenceValues(Kernel::kBfs, BfsGraph(), {.source = 5})),
      (std::vector<int64_t>{kNo, kNo, kNo, kNo, 1, 0}));
}

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

TEST(ValidateValuesTest, BfsIsExact) {
  Values depths = std::vector<int64_t>{0, 1, kNo};
  EXPECT_TRUE(ValidateValues(Kernel::kBfs, depths, depths).ok);
  EXPECT_FALSE(ValidateValues(Kernel::kBfs, depths, Values(std::vector<int64_t>{0, 1, 2})).ok);
  EXPECT_FALSE(ValidateValues(Kernel::kBfs, depths, Values(std::vector<uint32_t>{0, 1, 2})).ok);
}

TEST(ValidateOutputTest, BfsUsesTheVerifierWithTheGivenSource) {
  const datasets::Graph g = BfsGraph();
  Values from5 = std::vector<int64_t>{kNo, kNo, kNo, kNo, 1, 0};
  EXPECT_TRUE(ValidateOutput(Kernel::kBfs, g, {.source = 5}, from5).ok);
  EXPECT_FALSE(ValidateOutput(Kernel::kBfs, g, {.source = 0}, from5).ok);
  EXPECT_FALSE(ValidateOutput(Kernel::kBfs, g, {.source = 5}, Values(std::vector<double>{})).ok);
}

TEST(ValidateOutputTest, OtherKernelsCompareWithTheReference) {
  const datasets::Graph g = SmallGraph();
  EXPECT_TRUE(ValidateOutput(Kernel::kWcc, g, {}, ReferenceValues(Kernel::kWcc, g, {})).ok);
  EXPECT_FALSE(
      ValidateOutput(Kernel::kWcc, g, {}, Values(std::vector<uint32_t>{0, 1, 2, 3, 4, 5})).ok);
}

bool Always(const datasets::Graph&) { return true; }
bool Never(const datasets::Graph&) { return false; }

TEST(NoteDeviationTest, NamesTheDeviationWithoutChangingTheOutcome) {
  Implementation impl{};
  impl.name = "peer:x";
  impl.deviation = "drops things";
  const datasets::Graph g = SmallGraph();

  ValidationResult failed{false, "3 of 6 vertices differ"};
  impl.deviation_applies = Always;
  NoteDeviation(impl, g, &failed);
  EXPECT_FALSE(failed.ok);
  EXPECT_EQ(failed.message, "known deviation: drops things; 3 of 6 vertices differ");

  ValidationResult unexpected{false, "wrong"};
  impl.deviation_applies = Never;
  NoteDeviation(impl, g, &unexpected);
  EXPECT_EQ(unexpected.message, "known deviation (not expected here): drops things; wrong");

  ValidationResult passed{true, "6 vertices equal"};
  NoteDeviation(impl, g, &passed);
  EXPECT_TRUE(passed.ok);
  EXPECT_EQ(passed.message,
            "6 vertices equal; known deviation not triggered by this graph: drops things");

  ValidationResult plain{true, "fine"};
  NoteDeviation(Implementation{}, g, &plain);
  EXPECT_EQ(plain.message, "fine");
}

}  // namespace
}  // namespace cost::harness
