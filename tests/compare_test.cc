// `cost compare` on two committed fixtures (tests/data/compare_{a,b}.json): the ratios, their
// intervals and verdicts, rows only in one file and failed rows; the CSV and JSON forms, and the
// command line's JSON output parsed back.
#include "harness/analysis/compare.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/test_support.h"

namespace cost::harness {
namespace {

const std::string kA = std::string(COST_TEST_DATA_DIR) + "/compare_a.json";
const std::string kB = std::string(COST_TEST_DATA_DIR) + "/compare_b.json";

const RowComparison& Find(const std::vector<RowComparison>& rows, const std::string& impl,
                          int threads) {
  for (const RowComparison& r : rows) {
    if (r.implementation == impl && r.threads == threads) return r;
  }
  throw std::runtime_error("no row " + impl);
}

TEST(CompareTest, RatiosIntervalsAndVerdicts) {
  const auto rows = CompareResults(ReadResultsFile(kA), ReadResultsFile(kB));
  ASSERT_EQ(rows.size(), 6u);
  // Twice as slow; every repetition of B above every one of A: regressed.
  const RowComparison& slower = Find(rows, "serial:pagerank-push", 1);
  EXPECT_EQ(slower.status, "regressed");
  EXPECT_DOUBLE_EQ(slower.ratio, 2.0);
  EXPECT_EQ(slower.ci_method, "bootstrap");
  EXPECT_GT(slower.ci_low, 1.7);
  EXPECT_LT(slower.ci_high, 2.35);
  EXPECT_LE(slower.ci_low, 2.0);
  EXPECT_GE(slower.ci_high, 2.0);
  // The same repetitions: the interval contains 1.
  const RowComparison& same = Find(rows, "openmp:pagerank", 1);
  EXPECT_EQ(same.status, "unchanged");
  EXPECT_DOUBLE_EQ(same.ratio, 1.0);
  EXPECT_LT(same.ci_low, 1.0);
  EXPECT_GT(same.ci_high, 1.0);
  // Twice as fast.
  const RowComparison& faster = Find(rows, "openmp:pagerank", 2);
  EXPECT_EQ(faster.status, "improved");
  EXPECT_DOUBLE_EQ(faster.ratio, 0.5);
  EXPECT_LT(faster.ci_high, 1.0);
  // Failed in B, only in A, only in B.
  const RowComparison& failed = Find(rows, "serial:union-find", 1);
  EXPECT_EQ(failed.status, "failed");
  EXPECT_EQ(failed.a_outcome, "ok");
  EXPECT_EQ(failed.b_outcome, "timeout");
  EXPECT_EQ(failed.ratio, 0);
  EXPECT_EQ(Find(rows, "serial:label-propagation", 1).status, "only-in-a");
  EXPECT_EQ(Find(rows, "openmp:label-propagation", 1).status, "only-in-b");
}

TEST(CompareTest, DeterministicForASeed) {
  const auto a = CompareResults(ReadResultsFile(kA), ReadResultsFile(kB), 1000, 7);
  const auto b = CompareResults(ReadResultsFile(kA), ReadResultsFile(kB), 1000, 7);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].ci_low, b[i].ci_low);
    EXPECT_EQ(a[i].ci_high, b[i].ci_high);
  }
}

TEST(CompareTest, WithoutRepetitionsUsesTheMedianIntervals) {
  ResultsFile a = ReadResultsFile(kA), b = ReadResultsFile(kB);
  for (Measurement& m : a.measurements) m.repetition_seconds.clear();
  const std::vector<RowComparison> rows = CompareResults(a, b);
  const RowComparison& row = Find(rows, "serial:pagerank-push", 1);
  EXPECT_EQ(row.ci_method, "median-intervals");
  EXPECT_DOUBLE_EQ(row.ci_low, 1.9 / 1.1);
  EXPECT_DOUBLE_EQ(row.ci_high, 2.2 / 0.95);
  EXPECT_EQ(row.status, "regressed");
}

TEST(CompareTest, CsvHasAHeaderAndALinePerRow) {
  const std::string csv = ComparisonCsv(CompareResults(ReadResultsFile(kA), ReadResultsFile(kB)));
  std::istringstream in(csv);
  std::vector<std::vector<std::string>> lines;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::istringstream cellstream(line);
    for (std::string cell; std::getline(cellstream, cell, ',');) cells.push_back(cell);
    lines.push_back(cells);
  }
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[0][9], "ratio");
  EXPECT_EQ(lines[0][13], "status");
  bool found = false;
  for (const auto& cells : lines) {
    if (cells[2] == "serial:pagerank-push") {
      found = true;
      EXPECT_EQ(cells[9], "2");
      EXPECT_EQ(cells[13], "regressed");
    }
  }
  EXPECT_TRUE(found);
}

TEST(CompareTest, CommandWritesJson) {
  const testing_support::CostRun run = testing_support::RunCost(
      {"compare", kA, kB, "--json"}, std::filesystem::temp_directory_path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const nlohmann::json j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j.at("format"), "cost-compare");
  ASSERT_EQ(j.at("rows").size(), 6u);
  int regressed = 0, improved = 0;
  for (const auto& row : j.at("rows")) {
    regressed += row.at("status") == "regressed";
    improved += row.at("status") == "improved";
  }
  EXPECT_EQ(regressed, 1);
  EXPECT_EQ(improved, 1);
}

}  // namespace
}  // namespace cost::harness
