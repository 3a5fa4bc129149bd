// The order of report.md (and so report.html) on the committed fixture: the answer first (a
// summary per kernel with its COST plot), then the tables grouped under a heading per kernel
// and dataset, then the machine, limits and build as an appendix. Needs gnuplot on PATH.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "harness/core/results.h"
#include "harness/report/report.h"
#include "harness/run/results_upgrade.h"
#include "tests/test_support.h"

namespace cost::harness {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class ReportOrderTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    ResultsFile results = ReadResultsFile(std::string(COST_TEST_DATA_DIR) + "/report_fixture.json");
    FillMissingFields(&results);
    markdown_ = testing_support::ReadFile(WriteReport(results, dir_.string()).markdown);
  }
  // The text from the line "## TITLE" to the next "## " line.
  std::string Section(const std::string& title) const {
    const size_t start = markdown_.find("\n## " + title + "\n");
    if (start == std::string::npos) return "";
    const size_t end = markdown_.find("\n## ", start + 1);
    return markdown_.substr(start, end == std::string::npos ? std::string::npos : end - start);
  }
  std::vector<std::string> Headings(const std::string& prefix) const {
    std::vector<std::string> titles;
    std::istringstream in(markdown_);
    for (std::string line; std::getline(in, line);) {
      if (line.starts_with(prefix)) titles.push_back(line.substr(prefix.size()));
    }
    return titles;
  }
  std::string markdown_;
};

TEST_F(ReportOrderTest, SummaryThenTablesThenAppendix) {
  EXPECT_THAT(
      Headings("## "),
      ElementsAre("Summary", "COST", "COST against each baseline", "COST with preparation",
                  "More plots", "Preparation and kernel time per layout", "Single threads",
                  "Measurements", "Failed rows", "Projection beyond this machine (not measured)",
                  "Appendix: machine, limits and build"));
}

TEST_F(ReportOrderTest, TheSummaryGivesEachKernelsAnswerInWordsAndItsPlot) {
  const std::string summary = Section("Summary");
  const size_t pagerank = summary.find("\n### pagerank on kron-10\n");
  const size_t wcc = summary.find("\n### wcc on kron-10\n");
  ASSERT_NE(pagerank, std::string::npos);
  ASSERT_NE(wcc, std::string::npos);
  const std::string first = summary.substr(pagerank, wcc - pagerank);
  EXPECT_THAT(first, HasSubstr("the best single thread is serial:pagerank-hilbert (1.00 s); "
                               "openmp:pagerank beats it from 2 cores."));
  EXPECT_THAT(first, HasSubstr("![pagerank on kron-10](pagerank-kron-10.svg)"));
  EXPECT_THAT(summary.substr(wcc), HasSubstr("openmp:label-propagation never does (best 6.50x "
                                             "slower)"));
  EXPECT_THAT(summary, Not(HasSubstr("| ---")));  // words and plots, no table
}

TEST_F(ReportOrderTest, TablesAreGroupedUnderHeadingsNotRepeatedColumns) {
  const std::string cost = Section("COST");
  EXPECT_THAT(cost, HasSubstr("\n### pagerank on kron-10\n"));
  EXPECT_THAT(cost, HasSubstr("\n| implementation | algorithm | kind | COST |"));
  EXPECT_THAT(cost, Not(HasSubstr("| kernel | dataset |")));
  EXPECT_THAT(Section("Measurements"), HasSubstr("\n### wcc on kron-10\n"));
  EXPECT_THAT(Section("Measurements"), Not(HasSubstr("| kernel | dataset |")));
}

TEST_F(ReportOrderTest, TheAppendixListsTheCachesReadably) {
  const std::string appendix = Section("Appendix: machine, limits and build");
  EXPECT_THAT(appendix, HasSubstr("- CPU: Fixture CPU\n"));
  EXPECT_THAT(appendix, HasSubstr("- caches: L1d 48 KiB, L1i 32 KiB, L2 2 MiB, L3 300 MiB\n"));
  EXPECT_THAT(appendix, HasSubstr("### Build"));
}

}  // namespace
}  // namespace cost::harness
