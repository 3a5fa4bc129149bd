// What a measurement validates with: ValidateOutput (BFS by the verifier from the given source,
// other kernels against the reference) and NoteDeviation (a row's documented deviation named in
// the message, the outcome left as validation found it).
//
// The graphs (validation_test_support.h):
//   SmallGraph   0 -> 1 <-> 2      3      4 <- 5
//   BfsGraph     the same, plus 2 -> 3
#include "harness/run/validation.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "tests/validation_test_support.h"

namespace cost::harness {
namespace {

using testing_support::BfsGraph;
using testing_support::kNo;
using testing_support::SmallGraph;

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
