// The names enums have on disk and the exit statuses of outcomes: every value's name reads back
// as that value, and the exit statuses scripts test stay what they are.
#include "harness/core/outcome.h"

#include <gtest/gtest.h>

#include <string>

#include "harness/core/kernel.h"

namespace cost::harness {
namespace {

constexpr Outcome kEveryOutcome[] = {
    Outcome::kOk,          Outcome::kInvalidOutput, Outcome::kCrashed,    Outcome::kTimeout,
    Outcome::kOutOfMemory, Outcome::kFailedToStart, Outcome::kInterrupted};

TEST(Outcome, EveryNameReadsBackAsItsOutcome) {
  for (Outcome outcome : kEveryOutcome) {
    const std::string_view name = OutcomeName(outcome);
    Outcome parsed = Outcome::kCrashed;
    ASSERT_TRUE(ParseOutcome(name, &parsed)) << name;
    EXPECT_EQ(parsed, outcome) << name;
  }
  EXPECT_EQ(OutcomeName(Outcome::kOk), "ok");
  EXPECT_EQ(OutcomeName(Outcome::kInvalidOutput), "invalid-output");
  EXPECT_EQ(OutcomeName(Outcome::kFailedToStart), "failed-to-start");
  EXPECT_EQ(OutcomeName(Outcome::kInterrupted), "interrupted");
}

TEST(Outcome, UnknownNamesAreRefusedAndLeaveTheValue) {
  Outcome outcome = Outcome::kTimeout;
  EXPECT_FALSE(ParseOutcome("crashd", &outcome));
  EXPECT_FALSE(ParseOutcome("", &outcome));
  EXPECT_FALSE(ParseOutcome("OK", &outcome));
  EXPECT_EQ(outcome, Outcome::kTimeout);
}

TEST(Outcome, ExitStatusesAreTheDocumentedOnes) {
  EXPECT_EQ(ExitCodeOf(Outcome::kOk), 0);
  EXPECT_EQ(ExitCodeOf(Outcome::kInvalidOutput), 3);
  EXPECT_EQ(ExitCodeOf(Outcome::kOutOfMemory), 4);
  EXPECT_EQ(ExitCodeOf(Outcome::kCrashed), 5);
  EXPECT_EQ(ExitCodeOf(Outcome::kTimeout), 5);
  EXPECT_EQ(ExitCodeOf(Outcome::kFailedToStart), 6);
  EXPECT_EQ(ExitCodeOf(Outcome::kInterrupted), 130);
}

TEST(EnumNames, KernelAndKindReadBack) {
  for (Kernel kernel : {Kernel::kPageRank, Kernel::kWcc, Kernel::kBfs}) {
    Kernel parsed = Kernel::kBfs;
    ASSERT_TRUE(ParseKernel(KernelName(kernel), &parsed));
    EXPECT_EQ(parsed, kernel);
  }
  for (Kind kind : {Kind::kSingleThreaded, Kind::kThreaded, Kind::kMultiprocess}) {
    Kind parsed = Kind::kThreaded;
    ASSERT_TRUE(ParseKind(KindName(kind), &parsed));
    EXPECT_EQ(parsed, kind);
  }
  Kind kind = Kind::kThreaded;
  EXPECT_FALSE(ParseKind("multi-process", &kind));
  EXPECT_EQ(kind, Kind::kThreaded);
}

}  // namespace
}  // namespace cost::harness
