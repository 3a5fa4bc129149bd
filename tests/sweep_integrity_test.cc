// Issue 17, classes 4, 7 and 8 on the sweep side: --resume refuses rows measured with other
// parameters; one sweep at a time per results file; a killed or hung-up sweep takes its row's
// process with it and leaves no temp folders after the next start; a sweep that fails to start
// leaves no results file, and a report that fails leaves no folder.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "harness/core/results.h"
#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;
using testing_support::CostRun;
using testing_support::ReadFile;

// The pids whose parent is `parent`, from /proc.
std::vector<pid_t> ChildrenOf(pid_t parent) {
  std::vector<pid_t> children;
  for (const fs::directory_entry& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    std::getline(stat, line);
    const size_t close = line.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream fields(line.substr(close + 2));
    char state;
    pid_t ppid = 0;
    fields >> state >> ppid;
    if (ppid == parent) children.push_back(std::stoi(name));
  }
  return children;
}

bool Alive(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const size_t close = line.rfind(')');
  return close != std::string::npos && line.size() > close + 2 && line[close + 2] != 'Z';
}

// Polls `done` every 20 ms; false after `limit` (a hang guard, not a claim about speed).
template <typename Fn>
bool PollUntil(Fn done, std::chrono::seconds limit = std::chrono::seconds(60)) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

class SweepIntegrityTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    fs::create_directories(dir_ / "tmp");
    old_tmpdir_ = getenv("TMPDIR") ? getenv("TMPDIR") : "";
    setenv("TMPDIR", (dir_ / "tmp").c_str(), 1);  // this test's rows' temp folders only
    const CostRun r = Cost({"dataset", "generate", "kronecker", "--scale", "6", "--edge-factor",
                            "4", "-o", Path("g.cgraph")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void TearDown() override {
    if (old_tmpdir_.empty())
      unsetenv("TMPDIR");
    else
      setenv("TMPDIR", old_tmpdir_.c_str(), 1);
    ScratchDirTest::TearDown();
  }

  CostRun Cost(const std::vector<std::string>& args) {
    return testing_support::RunCost(args, dir_);
  }

  // A spec on g.cgraph; `hang` adds a row that sleeps until its timeout.
  void WriteSpec(const std::string& name, int iterations, bool hang) {
    std::ofstream(Path(name), std::ios::trunc)
        << R"({"datasets": [{"name": "g", "graph": "g.cgraph"}], "kernels": ["pagerank", "wcc"],
               "implementations": ["serial:pagerank")"
        << (hang ? R"(, "fault:hang"], "systems": [")" COST_SOURCE_DIR
                   R"(/tests/systems/faults.json"])"
                 : "]")
        << R"(, "repetitions": 2, "iterations": )" << iterations << R"(, "timeout_seconds": 60})";
  }

  // Starts a sweep whose second row hangs; returns once that row's `cost run` is running.
  pid_t StartHangingSweep(pid_t* row) {
    WriteSpec("hang.json", 20, true);
    const pid_t sweep = testing_support::StartCost(
        {"sweep", "hang.json", "--out", "hang-results.json", "--quiet"}, dir_, Path("sweep.log"));
    const bool started = PollUntil([&] {
      if (!fs::exists(Path("hang-results.json")) ||
          harness::ReadResultsFile(Path("hang-results.json")).measurements.empty()) {
        return false;
      }
      const std::vector<pid_t> children = ChildrenOf(sweep);
      if (children.empty()) return false;
      *row = children.front();
      return true;
    });
    EXPECT_TRUE(started) << ReadFile(Path("sweep.log"));
    return sweep;
  }

  std::vector<std::string> TempFolders() {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_ / "tmp")) names.push_back(e.path().filename());
    return names;
  }

  std::string old_tmpdir_;
};

// Before: --resume found every row "done" and kept rows of 30 iterations under a spec of 20.
TEST_F(SweepIntegrityTest, ResumeRefusesRowsOfOtherParameters) {
  WriteSpec("spec.json", 30, false);
  CostRun r = Cost({"sweep", "spec.json", "--out", "r.json", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(harness::ReadResultsFile(Path("r.json")).measurements.at(0).iterations, 30);
  const std::string before = ReadFile(Path("r.json"));
  WriteSpec("spec.json", 20, false);
  r = Cost({"sweep", "spec.json", "--out", "r.json", "--resume", "--quiet"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("r.json: the row pagerank serial:pagerank on g at 1 thread(s) was "
                               "measured with iterations 30; the spec asks 20"));
  EXPECT_EQ(ReadFile(Path("r.json")), before);
  // The same parameters resume as before.
  WriteSpec("spec.json", 30, false);
  r = Cost({"sweep", "spec.json", "--out", "r.json", "--resume", "--quiet"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// Before: the second sweep ran every row too, and the first one's rows were lost.
TEST_F(SweepIntegrityTest, ASecondSweepOnOneResultsFileIsRefused) {
  pid_t row = 0;
  const pid_t first = StartHangingSweep(&row);
  const CostRun second =
      Cost({"sweep", "hang.json", "--out", "hang-results.json", "--resume", "--quiet"});
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_THAT(second.err, HasSubstr("hang-results.json: another sweep is writing it (pid " +
                                    std::to_string(first) + ", `"));
  EXPECT_THAT(second.err, HasSubstr("sweep hang.json"));
  kill(first, SIGTERM);
  EXPECT_EQ(testing_support::WaitForExit(first), 130);
  EXPECT_FALSE(fs::exists(Path("hang-results.json.lock")));
}

// Before: the row's `cost run` ran on after its sweep was killed, and its temp folders stayed.
TEST_F(SweepIntegrityTest, AKilledSweepTakesItsRowWithItAndTheNextStartCleansUp) {
  pid_t row = 0;
  const pid_t sweep = StartHangingSweep(&row);
  ASSERT_GT(row, 0);
  kill(sweep, SIGKILL);
  EXPECT_EQ(testing_support::WaitForExit(sweep), 128 + SIGKILL);
  EXPECT_TRUE(PollUntil([&] { return !Alive(row); }))
      << "cost run " << row << " outlived its sweep";
  kill(-row, SIGKILL);  // whatever the row's shell started, so that the test leaves nothing
  EXPECT_FALSE(TempFolders().empty());  // SIGKILL runs no cleanup
  WriteSpec("spec.json", 20, false);
  const CostRun again = Cost({"sweep", "spec.json", "--out", "next.json", "--quiet"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(TempFolders(), testing::IsEmpty());
}

// Before: SIGHUP (a closed terminal) killed the sweep and left its row running.
TEST_F(SweepIntegrityTest, HangUpStopsTheSweepLikeSigterm) {
  pid_t row = 0;
  const pid_t sweep = StartHangingSweep(&row);
  kill(sweep, SIGHUP);
  EXPECT_EQ(testing_support::WaitForExit(sweep), 130);  // interrupted, rows kept
  EXPECT_FALSE(Alive(row));
  EXPECT_EQ(harness::ReadResultsFile(Path("hang-results.json")).measurements.size(), 1u);
  EXPECT_THAT(TempFolders(), testing::IsEmpty());
}

// Before: the empty results file stayed, and the failed report's folder.
TEST_F(SweepIntegrityTest, AFailedStartOrReportLeavesNothing) {
  std::ofstream(Path("bad.json")) << R"({"datasets": [{"name": "m", "graph": "missing.cgraph"}],
                                         "kernels": ["wcc"]})";
  CostRun r = Cost({"sweep", "bad.json", "--out", "bad-results.json", "--quiet"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("missing.cgraph"));
  EXPECT_FALSE(fs::exists(Path("bad-results.json")));
  EXPECT_FALSE(fs::exists(Path("bad-results.json.lock")));
  EXPECT_FALSE(fs::exists(Path("bad-results.json.gbench")));
  WriteSpec("spec.json", 20, false);
  r = Cost({"sweep", "spec.json", "--out", "r.json", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string path = getenv("PATH");
  setenv("PATH", "/nonexistent", 1);  // no gnuplot: the report fails
  r = Cost({"report", "r.json", "--out", "report"});
  setenv("PATH", path.c_str(), 1);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("gnuplot is not installed"));
  EXPECT_FALSE(fs::exists(Path("report")));
  for (const auto& e : fs::directory_iterator(dir_)) {
    EXPECT_THAT(e.path().filename().string(), testing::Not(HasSubstr("staging")));
  }
}

}  // namespace
}  // namespace cost
