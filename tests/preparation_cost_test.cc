// COST with preparation on synthetic measurements: each row's own preparation, the run from which
// a faster kernel pays for its extra preparation, and the COST with one preparation counted.
#include "harness/analysis/preparation_cost.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cost::harness {
namespace {

// A row with a tight confidence interval (+-1%) around its median.
Measurement Row(const std::string& implementation, Kind kind, int threads, double median) {
  Measurement m;
  m.kernel = Kernel::kPageRank;
  m.dataset = "kron-10";
  m.implementation = implementation;
  m.algorithm = implementation.substr(implementation.find(':') + 1);
  m.kind = kind;
  m.threads = threads;
  m.repetitions = 5;
  m.median_seconds = median;
  m.ci_low_seconds = median * 0.99;
  m.ci_high_seconds = median * 1.01;
  m.ci_level = 0.9375;
  return m;
}

Measurement Serial(const std::string& implementation, double median) {
  return Row(implementation, Kind::kSingleThreaded, 1, median);
}

// A row reading the Hilbert layout of a file whose steps took `layout` seconds.
Measurement WithLayout(Measurement m, double layout) {
  m.layout = datasets::EdgeLayout::kHilbert;
  m.preparation_split = true;
  m.preparation_build_seconds = 3;  // shared by every row: never counted
  m.preparation_layout_seconds = layout;
  return m;
}

Measurement WithSystemPreparation(Measurement m, double seconds) {
  m.system_preparation_seconds = seconds;
  return m;
}

const PreparationCost& CostOf(const std::vector<PreparationCost>& costs,
                              const std::string& implementation) {
  for (const PreparationCost& c : costs) {
    if (c.implementation == implementation) return c;
  }
  ADD_FAILURE() << "no entry for " << implementation;
  static const PreparationCost kNone;
  return kNone;
}

TEST(PreparationCost, OnlyTheRowsOwnStepsCount) {
  Measurement vertex = Serial("serial:pagerank", 1.0);
  vertex.preparation_split = true;
  vertex.preparation_build_seconds = 3;
  vertex.preparation_layout_seconds = 4.7;  // the file has a Hilbert layout this row ignores
  EXPECT_DOUBLE_EQ(RowPreparationSeconds(vertex), 0);
  EXPECT_DOUBLE_EQ(RowPreparationSeconds(WithLayout(Serial("serial:pagerank-hilbert", 1), 4.7)),
                   4.7);
  EXPECT_DOUBLE_EQ(RowPreparationSeconds(WithSystemPreparation(Serial("igraph:pagerank", 1), 2)),
                   2);
  Measurement unsplit = WithLayout(Serial("serial:pagerank-hilbert", 1), 4.7);
  unsplit.preparation_split = false;  // an old file: its steps are unknown
  EXPECT_DOUBLE_EQ(RowPreparationSeconds(unsplit), 0);
}

TEST(PreparationCost, RunsToPayOffRoundsUp) {
  EXPECT_EQ(RunsToPayOff(4.7, 1.0), 5);
  EXPECT_EQ(RunsToPayOff(4.0, 1.0), 4);
  EXPECT_EQ(RunsToPayOff(0.1, 1.0), 1);
}

// The paper's Hilbert-order case: the vertex-order baseline at 10 s a run, a Hilbert row at 6 s
// whose layout took 4.7 s more. Hilbert is the faster single thread, so it is the baseline and the
// vertex-order row is ahead only for fewer than 2 runs (4.7 / 4 = 1.2, rounded up).
TEST(PreparationCost, HilbertOrderAsTheBaselineAndVertexOrderAheadUntil) {
  const std::vector<PreparationCost> costs = PreparationCosts({
      Serial("serial:pagerank", 10.0),
      WithLayout(Serial("serial:pagerank-hilbert", 6.0), 4.7),
  });
  ASSERT_EQ(costs.size(), 2u);
  const PreparationCost& hilbert = CostOf(costs, "serial:pagerank-hilbert");
  EXPECT_EQ(hilbert.break_even, BreakEven::kBaseline);
  const PreparationCost& vertex = CostOf(costs, "serial:pagerank");
  EXPECT_EQ(vertex.break_even, BreakEven::kAheadUntil);
  EXPECT_EQ(vertex.runs, 2);
  EXPECT_DOUBLE_EQ(vertex.extra_preparation_seconds, -4.7);
}

// A parallel peer whose conversion takes 30 s: its 2-thread kernel beats the baseline (COST 2 on
// kernels alone) and pays for the conversion from run 30 / (5 - 3) = 15, but one preparation plus
// one run never beats the baseline's single run: unbounded with preparation.
TEST(PreparationCost, AConversionThatPaysOffOnlyAfterManyRuns) {
  const std::vector<PreparationCost> costs = PreparationCosts({
      Serial("serial:pagerank", 5.0),
      WithSystemPreparation(Row("gapbs:pr", Kind::kThreaded, 1, 6.0), 30),
      WithSystemPreparation(Row("gapbs:pr", Kind::kThreaded, 2, 3.0), 30),
  });
  const PreparationCost& gap = CostOf(costs, "gapbs:pr");
  EXPECT_EQ(gap.kernel_status, CostStatus::kBounded);
  EXPECT_EQ(gap.kernel_cost_cores, 2);
  EXPECT_EQ(gap.best_cores, 2);
  EXPECT_DOUBLE_EQ(gap.preparation_seconds, 30);
  EXPECT_EQ(gap.break_even, BreakEven::kPaysOffAfter);
  EXPECT_EQ(gap.runs, 15);
  EXPECT_EQ(gap.status_with_preparation, CostStatus::kUnbounded);
}

// A small preparation keeps the COST: bounded at the fewest cores where preparation plus the
// row's interval lies below the baseline's interval; a row whose sum lands inside the noise is
// not separable.
TEST(PreparationCost, CostWithOnePreparationUsesTheKernelOnlyRule) {
  const std::vector<PreparationCost> costs = PreparationCosts({
      Serial("serial:pagerank", 5.0),
      WithSystemPreparation(Row("peer:fast", Kind::kThreaded, 1, 4.0), 0.5),
      WithSystemPreparation(Row("peer:fast", Kind::kThreaded, 2, 2.0), 0.5),
      WithSystemPreparation(Row("peer:close", Kind::kThreaded, 2, 4.0), 0.98),
  });
  const PreparationCost& fast = CostOf(costs, "peer:fast");
  EXPECT_EQ(fast.status_with_preparation, CostStatus::kBounded);
  EXPECT_EQ(fast.cost_cores_with_preparation, 1);  // 0.5 + 4.04 < 4.95
  EXPECT_DOUBLE_EQ(fast.seconds_with_preparation, 4.5);
  EXPECT_EQ(fast.break_even, BreakEven::kPaysOffAfter);
  EXPECT_EQ(fast.runs, 1);
  const PreparationCost& close = CostOf(costs, "peer:close");
  EXPECT_EQ(close.status_with_preparation, CostStatus::kNotSeparable);  // 4.98 < 5, in the noise
  EXPECT_EQ(close.cost_cores_with_preparation, 2);
}

TEST(PreparationCost, SlowerWithMorePreparationIsNeverAheadAndFailedRowsAreLeftOut) {
  Measurement failed = Row("peer:broken", Kind::kThreaded, 2, 0.1);
  failed.outcome = Outcome::kCrashed;
  const std::vector<PreparationCost> costs = PreparationCosts({
      Serial("serial:pagerank", 1.0),
      WithSystemPreparation(Row("peer:slow", Kind::kThreaded, 2, 2.0), 1),
      failed,
  });
  ASSERT_EQ(costs.size(), 2u);
  EXPECT_EQ(CostOf(costs, "peer:slow").break_even, BreakEven::kNever);
  EXPECT_EQ(CostOf(costs, "peer:slow").status_with_preparation, CostStatus::kUnbounded);
}

// Less preparation that one slower run already outweighs is never ahead, not "ahead for fewer
// than 1 runs": the vertex-order row at 11.8 s beside a Hilbert baseline at 3.96 s whose layout
// took 7.65 s (11.8 > 3.96 + 7.65).
TEST(PreparationCost, LessPreparationOutweighedByOneRunIsNeverAhead) {
  const std::vector<PreparationCost> costs = PreparationCosts({
      Serial("serial:pagerank", 11.8),
      WithLayout(Serial("serial:pagerank-hilbert", 3.96), 7.65),
  });
  const PreparationCost& vertex = CostOf(costs, "serial:pagerank");
  EXPECT_EQ(vertex.break_even, BreakEven::kNever);
  EXPECT_DOUBLE_EQ(vertex.extra_preparation_seconds, -7.65);
}

TEST(PreparationCost, TheSectionHasARowPerEntryAndEscapesNames) {
  const std::string text = PreparationCostSection(PreparationCosts({
      Serial("serial:pagerank", 5.0),
      WithSystemPreparation(Row("peer:a|b", Kind::kThreaded, 2, 3.0), 30),
  }));
  EXPECT_NE(text.find("`peer:a\\|b`"), std::string::npos) << text;
  EXPECT_NE(text.find("pays off from run 15"), std::string::npos) << text;
  EXPECT_NE(text.find("| +30.0 s |"), std::string::npos) << text;
  EXPECT_NE(PreparationCostSection({}).find("No group has a baseline."), std::string::npos);
}

}  // namespace
}  // namespace cost::harness
