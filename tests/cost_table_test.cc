// The COST table on synthetic measurements: what counts as beating the baseline, which
// single-threaded implementation is the baseline, and how failed rows and missing baselines show.
#include "harness/analysis/cost_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cost::harness {
namespace {

Measurement Row(const std::string& implementation, const std::string& kind, int threads,
                double median, int procs = 1) {
  Measurement m;
  m.kernel = Kernel::kPageRank;
  m.dataset = "kron-10";
  m.implementation = implementation;
  m.algorithm = implementation.substr(implementation.find(':') + 1);
  EXPECT_TRUE(ParseKind(kind, &m.kind)) << kind;
  m.threads = threads;
  m.procs = procs;
  m.repetitions = 5;
  m.median_seconds = median;
  m.min_seconds = median * 0.9;
  m.max_seconds = median * 1.1;
  m.cv = 0.02;
  return m;
}

Measurement Serial(const std::string& implementation, double median) {
  return Row(implementation, "single-threaded", 1, median);
}

Measurement Failed(Measurement m, const std::string& outcome, const std::string& message) {
  EXPECT_TRUE(ParseOutcome(outcome, &m.outcome)) << outcome;
  m.message = message;
  return m;
}

const CostEntry& EntryOf(const CostGroup& g, const std::string& implementation) {
  for (const CostEntry& e : g.entries) {
    if (e.implementation == implementation) return e;
  }
  ADD_FAILURE() << "no entry for " << implementation;
  static const CostEntry kNone;
  return kNone;
}

TEST(CostTableTest, TwoThreadsBeatingTheBaselineIsACostOfTwo) {
  std::vector<CostGroup> groups = ComputeCostTable({
      Serial("serial:pagerank", 1.0),
      Row("openmp:pagerank", "threaded", 1, 1.6),
      Row("openmp:pagerank", "threaded", 4, 0.3),
      Row("openmp:pagerank", "threaded", 2, 0.8),
  });
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].baseline_implementation, "serial:pagerank");
  EXPECT_DOUBLE_EQ(groups[0].baseline_seconds, 1.0);
  const CostEntry& e = EntryOf(groups[0], "openmp:pagerank");
  EXPECT_EQ(e.status, harness::CostStatus::kBounded);
  EXPECT_EQ(e.cost_cores, 2);
  EXPECT_DOUBLE_EQ(e.seconds_at_cost, 0.8);
  EXPECT_DOUBLE_EQ(e.ratio, 0.8);
  EXPECT_EQ(e.best_cores, 4);
  EXPECT_DOUBLE_EQ(e.best_seconds, 0.3);
}

Measurement FromDisk(Measurement m) {
  m.storage = "disk";
  return m;
}

// The paper's tables keep "from SSD" and "from RAM" apart: a parallel row that read its edges
// from disk is judged against the single threads that did too, and a disk row's slower time never
// becomes the baseline of the rows that read from memory.
TEST(CostTableTest, RowsReadFromDiskFormAGroupOfTheirOwn) {
  std::vector<CostGroup> groups = ComputeCostTable({
      Serial("serial:pagerank", 1.0),
      FromDisk(Serial("serial:pagerank", 3.0)),
      Row("openmp:pagerank", "threaded", 2, 0.8),
      FromDisk(Row("openmp:pagerank", "threaded", 2, 2.0)),
      FromDisk(Row("openmp:pagerank", "threaded", 1, 3.6)),
  });
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].dataset, "kron-10");
  EXPECT_EQ(groups[1].dataset, "kron-10 from disk");
  EXPECT_DOUBLE_EQ(groups[0].baseline_seconds, 1.0);
  EXPECT_DOUBLE_EQ(groups[1].baseline_seconds, 3.0);
  const CostEntry& ram = EntryOf(groups[0], "openmp:pagerank");
  EXPECT_EQ(ram.ok_rows, 1);
  EXPECT_DOUBLE_EQ(ram.seconds_at_cost, 0.8);
  const CostEntry& disk = EntryOf(groups[1], "openmp:pagerank");
  EXPECT_EQ(disk.ok_rows, 2);
  EXPECT_EQ(disk.status, harness::CostStatus::kBounded);
  EXPECT_EQ(disk.cost_cores, 2);
  EXPECT_DOUBLE_EQ(disk.ratio, 2.0 / 3.0);
  // Rows whose storage was not controlled, or was kept in memory, are one group.
  Measurement ram_row = Serial("serial:pagerank", 1.0);
  ram_row.storage = "ram";
  EXPECT_EQ(CostGroupDataset(ram_row), "kron-10");
  EXPECT_EQ(CostGroupDataset(FromDisk(ram_row)), "kron-10 from disk");
}

TEST(CostTableTest, NeverBeatingTheBaselineIsUnboundedWithItsBestTime) {
  std::vector<CostGroup> groups = ComputeCostTable({
      Serial("serial:pagerank", 1.0),
      Row("graphx:pagerank", "threaded", 1, 4.0),
      Row("graphx:pagerank", "threaded", 2, 2.5),
      Row("graphx:pagerank", "threaded", 8, 1.3),
      Row("graphx:pagerank", "threaded", 16, 1.5),
  });
  const CostEntry& e = EntryOf(groups[0], "graphx:pagerank");
  EXPECT_EQ(e.status, harness::CostStatus::kUnbounded);
  EXPECT_EQ(e.cost_cores, 0);
  EXPECT_EQ(e.best_cores, 8);
  EXPECT_DOUBLE_EQ(e.best_seconds, 1.3);
  EXPECT_DOUBLE_EQ(e.ratio, 1.3);
}

TEST(CostTableTest, EqualToTheBaselineDoesNotBeatIt) {
  std::vector<CostGroup> groups = ComputeCostTable({
      Serial("serial:pagerank", 1.0),
      Row("openmp:pagerank", "threaded", 2, 1.0),
      Row("openmp:pagerank", "threaded", 4, 0.999),
  });
  const CostEntry& e = EntryOf(groups[0], "openmp:pagerank");
  EXPECT_EQ(e.status, harness::CostStatus::kBounded);
  EXPECT_EQ(e.cost_cores, 4);

  // A tie cannot be told apart from the baseline: not a win, not a clear loss.
  groups = ComputeCostTable(
      {Serial("serial:pagerank", 1.0), Row("openmp:pagerank", "threaded", 2, 1.0)});
  EXPECT_EQ(EntryOf(groups[0], "openmp:pagerank").status, harness::CostStatus::kNotSeparable);
  EXPECT_DOUBLE_EQ(EntryOf(groups[0], "openmp:pagerank").ratio, 1.0);
}

TEST(CostTableTest, BaselineIsTheFastestSingleThreadAndEveryOneIsALine) {
  std::vector<CostGroup> groups = ComputeCostTable({
      Serial("serial:pagerank-vertex", 3.0),
      Serial("serial:pagerank-hilbert", 1.0),
      Row("openmp:pagerank", "threaded", 2, 2.0),  // beats the simple line, not the optimised one
      Row("openmp:pagerank", "threaded", 4, 0.9),
  });
  const CostGroup& g = groups[0];
  EXPECT_EQ(g.baseline_implementation, "serial:pagerank-hilbert");
  EXPECT_DOUBLE_EQ(g.baseline_seconds, 1.0);
  ASSERT_EQ(g.single_threaded.size(), 2u);
  EXPECT_EQ(g.single_threaded[0].implementation, "serial:pagerank-hilbert");
  EXPECT_EQ(g.single_threaded[1].implementation, "serial:pagerank-vertex");
  EXPECT_DOUBLE_EQ(g.single_threaded[1].seconds, 3.0);
  EXPECT_EQ(EntryOf(g, "serial:pagerank-hilbert").status, harness::CostStatus::kBaseline);
  EXPECT_EQ(EntryOf(g, "serial:pagerank-vertex").status, harness::CostStatus::kSingleThreaded);
  EXPECT_DOUBLE_EQ(EntryOf(g, "serial:pagerank-vertex").ratio, 3.0);
  EXPECT_EQ(EntryOf(g, "openmp:pagerank").cost_cores, 4);
}

TEST(CostTableTest, FailedRowsGiveNoTimesButAreReported) {
  std::vector<CostGroup> groups = ComputeCostTable({
      Serial("serial:pagerank", 1.0),
      Failed(Serial("serial:broken", 0.1), "invalid-output", "vertex 3: 0.5 vs 0.25"),
      // A wrong answer that would have "won" at 1 core must not count.
      Failed(Row("openmp:pagerank", "threaded", 1, 0.5), "invalid-output", "vertex 7 differs"),
      Row("openmp:pagerank", "threaded", 2, 0.9),
      Failed(Row("mpi:pagerank", "multiprocess", 1, 0, 4), "timeout", "killed after 600 s"),
  });
  const CostGroup& g = groups[0];
  EXPECT_EQ(g.baseline_implementation, "serial:pagerank");
  ASSERT_EQ(g.single_threaded.size(), 1u);

  const CostEntry& broken = EntryOf(g, "serial:broken");
  EXPECT_EQ(broken.status, harness::CostStatus::kFailed);
  EXPECT_EQ(broken.outcome, harness::Outcome::kInvalidOutput);

  const CostEntry& openmp = EntryOf(g, "openmp:pagerank");
  EXPECT_EQ(openmp.status, harness::CostStatus::kBounded);
  EXPECT_EQ(openmp.cost_cores, 2);
  EXPECT_EQ(openmp.failed_rows, 1);
  EXPECT_EQ(openmp.ok_rows, 1);

  const CostEntry& mpi = EntryOf(g, "mpi:pagerank");
  EXPECT_EQ(mpi.status, harness::CostStatus::kFailed);
  EXPECT_EQ(mpi.outcome, harness::Outcome::kTimeout);
  EXPECT_EQ(mpi.message, "killed after 600 s");
}

TEST(CostTableTest, GroupWithoutAnOkSingleThreadHasNoBaseline) {
  std::vector<CostGroup> groups = ComputeCostTable({
      Failed(Serial("serial:pagerank", 1.0), "crashed", "signal 11"),
      Row("openmp:pagerank", "threaded", 2, 0.5),
      Row("openmp:pagerank", "threaded", 4, 0.3),
  });
  const CostGroup& g = groups[0];
  EXPECT_TRUE(g.baseline_implementation.empty());
  EXPECT_TRUE(g.single_threaded.empty());
  const CostEntry& e = EntryOf(g, "openmp:pagerank");
  EXPECT_EQ(e.status, harness::CostStatus::kNoBaseline);
  EXPECT_EQ(e.best_cores, 4);
  EXPECT_DOUBLE_EQ(e.best_seconds, 0.3);
  EXPECT_EQ(e.ratio, 0);
}

TEST(CostTableTest, MultiprocessCoresAreThreadsTimesProcesses) {
  std::vector<CostGroup> groups = ComputeCostTable({
      Serial("serial:pagerank", 1.0),
      Row("mpi:pagerank", "multiprocess", 1, 1.2, 2),  // 2 cores, slower
      Row("mpi:pagerank", "multiprocess", 2, 0.7, 3),  // 6 cores, beats
      Row("mpi:pagerank", "multiprocess", 1, 0.8, 8),  // 8 cores
  });
  const CostEntry& e = EntryOf(groups[0], "mpi:pagerank");
  EXPECT_EQ(e.status, harness::CostStatus::kBounded);
  EXPECT_EQ(e.cost_cores, 6);
  EXPECT_EQ(e.cost_procs, 3);
  EXPECT_EQ(e.cost_threads, 2);
  EXPECT_EQ(e.best_cores, 6);
}

TEST(CostTableTest, GroupsAndEntriesHaveAFixedOrder) {
  Measurement wcc = Serial("serial:union-find", 0.1);
  wcc.kernel = Kernel::kWcc;
  Measurement other_dataset = Serial("serial:pagerank", 2.0);
  other_dataset.dataset = "grid-5";
  std::vector<CostGroup> groups = ComputeCostTable({
      wcc,
      Row("zz:pagerank", "threaded", 2, 0.5),
      Row("aa:pagerank", "threaded", 2, 0.5),
      Serial("serial:pagerank", 1.0),
      other_dataset,
  });
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(std::string(harness::KernelName(groups[0].kernel)) + "/" + groups[0].dataset,
            "pagerank/grid-5");
  EXPECT_EQ(std::string(harness::KernelName(groups[1].kernel)) + "/" + groups[1].dataset,
            "pagerank/kron-10");
  EXPECT_EQ(std::string(harness::KernelName(groups[2].kernel)) + "/" + groups[2].dataset,
            "wcc/kron-10");
  const std::vector<CostEntry>& entries = groups[1].entries;
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].implementation, "serial:pagerank");  // single-threaded first
  EXPECT_EQ(entries[1].implementation, "aa:pagerank");
  EXPECT_EQ(entries[2].implementation, "zz:pagerank");
}

// 0.97 s against a 1.0 s baseline whose cv is 5% is a win a rerun could lose; 0.5 s is not.
Measurement WithInterval(Measurement m, double low, double high) {
  m.ci_low_seconds = low;
  m.ci_high_seconds = high;
  return m;
}

// The decision uses the medians' confidence intervals: only an interval entirely below the
// baseline's is a win; overlapping ones are "not separable"; clearly slower ones are unbounded.
TEST(CostTableTest, ConfidenceIntervalsDecide) {
  std::vector<CostGroup> groups = ComputeCostTable({
      WithInterval(Serial("serial:pagerank", 1.0), 0.95, 1.05),
      WithInterval(Row("close:pagerank", "threaded", 2, 0.97), 0.93, 1.0),
      WithInterval(Row("clear:pagerank", "threaded", 2, 0.5), 0.48, 0.52),
      WithInterval(Row("near:pagerank", "threaded", 2, 1.04), 1.0, 1.08),
      WithInterval(Row("slow:pagerank", "threaded", 2, 1.5), 1.45, 1.55),
      WithInterval(Row("later:pagerank", "threaded", 2, 0.97), 0.93, 1.0),
      WithInterval(Row("later:pagerank", "threaded", 4, 0.75), 0.7, 0.8),
  });
  const CostGroup& g = groups[0];
  EXPECT_DOUBLE_EQ(g.baseline_ci_low, 0.95);
  EXPECT_DOUBLE_EQ(g.baseline_ci_high, 1.05);
  EXPECT_EQ(EntryOf(g, "close:pagerank").status, harness::CostStatus::kNotSeparable);
  EXPECT_EQ(EntryOf(g, "close:pagerank").cost_cores, 2);
  EXPECT_TRUE(EntryOf(g, "close:pagerank").within_noise);
  EXPECT_EQ(EntryOf(g, "clear:pagerank").status, harness::CostStatus::kBounded);
  EXPECT_FALSE(EntryOf(g, "clear:pagerank").within_noise);
  EXPECT_EQ(EntryOf(g, "near:pagerank").status, harness::CostStatus::kNotSeparable);
  EXPECT_EQ(EntryOf(g, "slow:pagerank").status, harness::CostStatus::kUnbounded);
  EXPECT_DOUBLE_EQ(EntryOf(g, "slow:pagerank").ratio, 1.5);
  EXPECT_EQ(EntryOf(g, "later:pagerank").status, harness::CostStatus::kBounded);
  EXPECT_EQ(EntryOf(g, "later:pagerank").cost_cores, 4);
  EXPECT_NE(FormatCostTableText(groups).find("not separable (2 cores?)"), std::string::npos);
}

TEST(CostTableTest, SecondsAndRatiosAreFormattedForPeople) {
  EXPECT_EQ(FormatSeconds(0.4121), "0.412 s");
  EXPECT_EQ(FormatSeconds(1.3), "1.30 s");
  EXPECT_EQ(FormatSeconds(275.3), "275 s");
  EXPECT_EQ(FormatSeconds(1488), "1488 s");
  EXPECT_EQ(FormatSeconds(0.0000123), "0.0000123 s");
  EXPECT_EQ(FormatRatio(0.8123), "0.81x");
}

// The formatted tables are for people; check that the cells a reader needs are there.
TEST(CostTableTest, TextAndMarkdownTablesCarryTheCells) {
  std::vector<CostGroup> groups = ComputeCostTable({
      Serial("serial:pagerank", 1.0),
      Row("openmp:pagerank", "threaded", 2, 0.8),
      Row("graphx:pagerank", "threaded", 2, 1.3),
  });
  std::string text = FormatCostTableText(groups);
  EXPECT_NE(text.find("baseline serial:pagerank 1.00 s"), std::string::npos) << text;
  EXPECT_NE(text.find("2 cores"), std::string::npos) << text;
  EXPECT_NE(text.find("0.80x"), std::string::npos) << text;
  EXPECT_NE(text.find("best 1.30 s at 2 cores"), std::string::npos) << text;

  std::string markdown = FormatCostTableMarkdown(groups);
  EXPECT_NE(markdown.find("| pagerank | kron-10 | openmp:pagerank | pagerank | threaded | 2 cores |"
                          " 0.800 s | 0.80x |"),
            std::string::npos)
      << markdown;
  EXPECT_NE(markdown.find("| unbounded |"), std::string::npos) << markdown;
}

}  // namespace
}  // namespace cost::harness
