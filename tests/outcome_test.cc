// The names enums have on disk and the exit statuses of outcomes: every value's name reads back
// as that value, the exit statuses scripts test stay what they are, and a results file spells
// every enum field by its name and refuses a name it does not know, naming the field.
#include "harness/core/outcome.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "harness/core/kernel.h"
#include "harness/core/results.h"
#include "harness/run/results_upgrade.h"

namespace cost::harness {
namespace {

using testing::HasSubstr;

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

TEST(EnumNames, KernelKindAndTimingReadBack) {
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
  for (Timing timing : {Timing::kKernel, Timing::kReported, Timing::kProcessWall}) {
    Timing parsed = Timing::kKernel;
    ASSERT_TRUE(ParseTiming(TimingName(timing), &parsed));
    EXPECT_EQ(parsed, timing);
  }
  Kind kind = Kind::kThreaded;
  EXPECT_FALSE(ParseKind("multi-process", &kind));
  EXPECT_EQ(kind, Kind::kThreaded);
}

// The same strings on disk as before the fields were enums: old files load, new files read the
// same to older tools.
TEST(ResultsEnums, AreWrittenAsTheirNames) {
  Measurement m;
  m.kernel = Kernel::kWcc;
  m.kind = Kind::kMultiprocess;
  m.outcome = Outcome::kOutOfMemory;
  m.timing = Timing::kProcessWall;
  m.layout = datasets::EdgeLayout::kCompressed;
  const nlohmann::json j = ToJson(m);
  EXPECT_EQ(j.at("kernel"), "wcc");
  EXPECT_EQ(j.at("kind"), "multiprocess");
  EXPECT_EQ(j.at("outcome"), "out-of-memory");
  EXPECT_EQ(j.at("timing"), "process-wall");
  EXPECT_EQ(j.at("layout"), "compressed");
  const Measurement back = MeasurementFromJson(j);
  EXPECT_EQ(back.kernel, Kernel::kWcc);
  EXPECT_EQ(back.kind, Kind::kMultiprocess);
  EXPECT_EQ(back.outcome, Outcome::kOutOfMemory);
  EXPECT_EQ(back.timing, Timing::kProcessWall);
  EXPECT_EQ(back.layout, datasets::EdgeLayout::kCompressed);
}

// The message ResultsFromJson gives for a file with one measurement whose `field` is `value`.
std::string ErrorFor(const std::string& field, const nlohmann::json& value) {
  const nlohmann::json file = {{"format", "cost-results"},
                               {"measurements", {{{"dataset", "g"}, {field, value}}}}};
  try {
    ResultsFromJson(file);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(ResultsEnums, UnknownNamesAreRefusedNamingTheFieldAndTheValue) {
  EXPECT_EQ(ErrorFor("outcome", "crashd"), "measurement 0: outcome: unknown value \"crashd\"");
  EXPECT_EQ(ErrorFor("kernel", "sssp"), "measurement 0: kernel: unknown value \"sssp\"");
  EXPECT_EQ(ErrorFor("kind", "distributed"), "measurement 0: kind: unknown value \"distributed\"");
  EXPECT_EQ(ErrorFor("timing", "cpu"), "measurement 0: timing: unknown value \"cpu\"");
  EXPECT_EQ(ErrorFor("layout", "morton"), "measurement 0: layout: unknown value \"morton\"");
  EXPECT_EQ(ErrorFor("layout", ""), "measurement 0: layout: unknown value \"\"");
  EXPECT_EQ(ErrorFor("outcome", 3), "measurement 0: outcome: expected a name, got 3");
}

TEST(ResultsEnums, MissingFieldsReadAsTheirDefaults) {
  const Measurement m = MeasurementFromJson({{"implementation", "openmp:pagerank"}});
  EXPECT_EQ(m.kernel, Kernel::kPageRank);
  EXPECT_EQ(m.kind, Kind::kSingleThreaded);
  EXPECT_EQ(m.outcome, Outcome::kOk);
  EXPECT_EQ(m.timing, Timing::kKernel);
  EXPECT_EQ(m.layout, datasets::EdgeLayout::kVertex);
}

// Files written before the layout was recorded: a row of a Hilbert implementation of the table
// comes out as the layout it read; other rows, and rows that recorded theirs, keep their own.
TEST(ResultsEnums, FilesWithoutLayoutsGetTheTablesLayouts) {
  ResultsFile results =
      ResultsFromJson({{"format", "cost-results"},
                       {"measurements",
                        {{{"implementation", "serial:pagerank-hilbert"}},
                         {{"implementation", "serial:pagerank-hilbert-compressed"}},
                         {{"implementation", "serial:union-find"}},
                         {{"implementation", "gapbs:pr"}},
                         {{"implementation", "gapbs:cc"}, {"layout", "hilbert"}}}}});
  FillMissingFields(&results);
  ASSERT_EQ(results.measurements.size(), 5u);
  EXPECT_EQ(results.measurements[0].layout, datasets::EdgeLayout::kHilbert);
  EXPECT_EQ(results.measurements[1].layout, datasets::EdgeLayout::kCompressed);
  EXPECT_EQ(results.measurements[2].layout, datasets::EdgeLayout::kVertex);
  EXPECT_EQ(results.measurements[3].layout, datasets::EdgeLayout::kVertex);
  EXPECT_EQ(results.measurements[4].layout, datasets::EdgeLayout::kHilbert);
}

}  // namespace
}  // namespace cost::harness
