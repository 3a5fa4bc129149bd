// Results files are kept for years: every results file committed under results/ must still load
// and render with this build, and the report of a fixed results file must stay what it was
// (tests/data/golden/report_fixture/ was rendered from tests/data/report_fixture.json; when a
// change to the report is intended, render it again with
// `cost report tests/data/report_fixture.json --out DIR` and copy the .md, .gp and .dat files).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "harness/core/results.h"
#include "harness/report/report.h"
#include "harness/run/results_upgrade.h"
#include "test_support.h"

namespace cost::harness {
namespace {

namespace fs = std::filesystem;
using testing_support::ReadFile;
using testing_support::RunCost;
using testing_support::ScratchDirTest;

// Every *.json under results/ that says it is a results file.
std::vector<fs::path> CommittedResultsFiles() {
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(COST_SOURCE_DIR) / "results")) {
    if (entry.path().extension() != ".json") continue;
    if (ReadFile(entry.path()).find("\"format\": \"cost-results\"") == std::string::npos) continue;
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class CommittedResultsTest : public ScratchDirTest {};

TEST_F(CommittedResultsTest, EveryCommittedResultsFileLoadsAndRenders) {
  const std::vector<fs::path> files = CommittedResultsFiles();
  ASSERT_GE(files.size(), 7u);  // the reference runs under results/ (their folders hold more)
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    ResultsFile results = ReadResultsFile(file.string());
    ASSERT_FALSE(results.measurements.empty());
    FillMissingFields(&results);
    const ReportFiles report =
        WriteReport(results, (dir_ / file.parent_path().filename()).string());
    EXPECT_TRUE(fs::exists(report.markdown));
    EXPECT_TRUE(fs::exists(report.html));
  }
}

TEST_F(CommittedResultsTest, TheFixtureReportIsUnchanged) {
  const fs::path golden = fs::path(COST_TEST_DATA_DIR) / "golden" / "report_fixture";
  const testing_support::CostRun run = RunCost(
      {"report", std::string(COST_TEST_DATA_DIR) + "/report_fixture.json", "--out", Path("r")},
      dir_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(golden)) {
    SCOPED_TRACE(entry.path().filename().string());
    const fs::path rendered = dir_ / "r" / entry.path().filename();
    ASSERT_TRUE(fs::exists(rendered));
    EXPECT_EQ(ReadFile(rendered), ReadFile(entry.path()));
    ++compared;
  }
  EXPECT_EQ(compared, 13);  // report.md and a .gp and .dat per plot
  // Nothing rendered that the golden copy lacks (pictures aside: they depend on gnuplot).
  for (const auto& entry : fs::directory_iterator(dir_ / "r")) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".svg" || ext == ".png" || ext == ".html") continue;
    EXPECT_TRUE(fs::exists(golden / entry.path().filename())) << entry.path();
  }
}

}  // namespace
}  // namespace cost::harness
