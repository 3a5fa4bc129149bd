// A sweep survives every kind of fault: each costs its own row, recorded with its outcome, and
// the other rows complete. A sweep killed with SIGKILL resumes without losing or repeating rows.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "harness/analysis/cost_table.h"
#include "harness/core/results.h"
#include "harness/machine/machine_info.h"
#include "harness/sweep/prepared_datasets.h"
#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;

class SweepFaultsTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    setenv("COST_TEST_ALLOCATOR", COST_TEST_ALLOCATOR, 1);
    setenv("COST_BINARY", COST_BINARY, 1);  // for the example script system
  }

  // Starts `cost ARGS...` in dir_, its output appended to sweep.log; returns its pid.
  pid_t Start(const std::vector<std::string>& args) {
    return testing_support::StartCost(args, dir_, Path("sweep.log"));
  }
  int Wait(pid_t pid) { return testing_support::WaitForExit(pid); }
  std::string Log() { return testing_support::ReadFile(dir_ / "sweep.log"); }
};

// The row limit is what the hanging row costs; it is generous so that the other rows, each a
// `cost run` process, never reach it on a loaded machine.
TEST_F(SweepFaultsTest, EachFaultCostsOnlyItsRow) {
  std::ofstream(dir_ / "spec.json") << R"({
    "datasets": [{"name": "k8", "kronecker": {"scale": 8, "edge_factor": 4}}],
    "kernels": ["wcc"],
    "implementations": ["serial:union-find", "fault:segfault", "fault:hang",
                        "fault:wrong-answer", "fault:allocate", "fault:missing",
                        "script:union-find"],
    "systems": [")" << COST_SOURCE_DIR
                                    << R"(/tests/systems/faults.json",
                ")" << COST_SOURCE_DIR
                                    << R"(/harness/manifests/examples"],
    "threads": [1],
    "repetitions": 2,
    "timeout_seconds": 15,
    "memory_cap": "2G",
    "cache_dir": "cache"
  })";
  ASSERT_EQ(Wait(Start({"sweep", "spec.json", "--out", "results.json", "--quiet"})), 0) << Log();
  const harness::ResultsFile results = harness::ReadResultsFile((dir_ / "results.json").string());
  std::map<std::string, harness::Measurement> by_name;
  for (const auto& m : results.measurements) by_name[m.implementation] = m;
  ASSERT_EQ(by_name.size(), 7u) << Log();
  EXPECT_EQ(by_name["serial:union-find"].outcome, harness::Outcome::kOk);
  EXPECT_EQ(by_name["fault:segfault"].outcome, harness::Outcome::kCrashed);
  EXPECT_THAT(by_name["fault:segfault"].message, testing::HasSubstr("signal 11"));
  EXPECT_EQ(by_name["fault:hang"].outcome, harness::Outcome::kTimeout);
  EXPECT_EQ(by_name["fault:wrong-answer"].outcome, harness::Outcome::kInvalidOutput);
  EXPECT_EQ(by_name["fault:allocate"].outcome, harness::Outcome::kOutOfMemory)
      << by_name["fault:allocate"].message;
  EXPECT_EQ(by_name["fault:missing"].outcome, harness::Outcome::kFailedToStart);
  const harness::Measurement& script = by_name["script:union-find"];
  EXPECT_EQ(script.outcome, harness::Outcome::kOk) << script.message;
  EXPECT_EQ(script.timing, harness::Timing::kReported);
  EXPECT_EQ(script.repetition_seconds.size(), 2u);
  // The script system appears in the COST table beside the baseline; faults show as failed.
  const auto groups = harness::ComputeCostTable(results.measurements);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].baseline_implementation, "serial:union-find");
  std::map<std::string, std::string> status;
  for (const auto& e : groups[0].entries)
    status[e.implementation] = std::string(harness::CostStatusName(e.status));
  EXPECT_THAT(status["script:union-find"], testing::AnyOf("bounded", "not-separable", "unbounded"));
  EXPECT_EQ(status["fault:hang"], "failed");
  EXPECT_EQ(status["fault:allocate"], "failed");
  // Google Benchmark's own JSON is kept for the in-tree row.
  EXPECT_TRUE(fs::exists(dir_ / "results.json.gbench/k8__serial_union-find__wcc__t1.json"));
}

TEST_F(SweepFaultsTest, KilledSweepResumesWithEveryRowExactlyOnce) {
  std::ofstream(dir_ / "spec.json") << R"({
    "datasets": [{"name": "k13", "kronecker": {"scale": 13, "edge_factor": 8}}],
    "kernels": ["pagerank", "wcc"],
    "implementations": ["serial:pagerank", "serial:label-propagation", "serial:union-find",
                        "openmp:pagerank", "openmp:label-propagation"],
    "threads": [1, 2],
    "repetitions": 3,
    "cache_dir": "cache"
  })";
  // Prepare the graph first so the kill lands among measurements, not in generation.
  harness::PrepareSweepDatasets(harness::ReadSweepSpec(Path("spec.json")), /*quiet=*/true);
  const pid_t sweep = Start({"sweep", "spec.json", "--out", "results.json", "--quiet"});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  size_t rows_before_kill = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    try {
      rows_before_kill =
          harness::ReadResultsFile((dir_ / "results.json").string()).measurements.size();
    } catch (const std::exception&) {
    }
    if (rows_before_kill >= 2) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(sweep, SIGKILL);
  Wait(sweep);
  ASSERT_GE(rows_before_kill, 2u) << Log();
  // The file is whole after the kill (atomic rewrites) and holds only finished rows.
  const size_t after_kill =
      harness::ReadResultsFile((dir_ / "results.json").string()).measurements.size();
  EXPECT_LT(after_kill, 7u) << "the sweep finished before it was killed; the test proves nothing";
  ASSERT_EQ(Wait(Start({"sweep", "spec.json", "--out", "results.json", "--resume", "--quiet"})), 0)
      << Log();
  const harness::ResultsFile results = harness::ReadResultsFile((dir_ / "results.json").string());
  std::map<std::string, int> count;
  for (const auto& m : results.measurements) {
    ++count[m.implementation + "/" + std::to_string(m.threads)];
    EXPECT_EQ(m.outcome, harness::Outcome::kOk) << m.implementation << ": " << m.message;
  }
  // 3 serial rows at 1 thread + 2 threaded implementations at 1 and 2 threads.
  EXPECT_EQ(results.measurements.size(), 7u);
  for (const auto& [row, n] : count) EXPECT_EQ(n, 1) << row;
}

// Ctrl-C during a hanging row kills that row's process and ends the sweep at once with the
// finished rows kept; the interrupted row is not recorded, so --resume runs it.
TEST_F(SweepFaultsTest, InterruptKillsTheRunningRowAndKeepsTheRest) {
  std::ofstream(dir_ / "spec.json") << R"({
    "datasets": [{"name": "k8", "kronecker": {"scale": 8, "edge_factor": 4}}],
    "kernels": ["wcc"],
    "implementations": ["serial:union-find", "fault:hang"],
    "systems": [")" << COST_SOURCE_DIR
                                    << R"(/tests/systems/faults.json"],
    "threads": [1],
    "repetitions": 1,
    "timeout_seconds": 3600,
    "cache_dir": "cache"
  })";
  const pid_t sweep = Start({"sweep", "spec.json", "--out", "results.json", "--quiet"});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  size_t rows = 0;
  while (rows < 1 && std::chrono::steady_clock::now() < deadline) {
    try {
      rows = harness::ReadResultsFile((dir_ / "results.json").string()).measurements.size();
    } catch (const std::exception&) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_EQ(rows, 1u) << Log();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the hanging row is running
  // Were the interrupt not to kill the row, the wait would last its hour-long timeout and ctest's
  // own limit would fail the test.
  kill(sweep, SIGINT);
  EXPECT_EQ(Wait(sweep), 130) << Log();
  const harness::ResultsFile results = harness::ReadResultsFile((dir_ / "results.json").string());
  ASSERT_EQ(results.measurements.size(), 1u);
  EXPECT_EQ(results.measurements[0].implementation, "serial:union-find");
}

// A sweep runs its rows with its own image, not whatever file holds its path by then: a rebuild of
// `cost` while a sweep runs must not change the binary its later rows measure. The gate row holds
// the sweep until the test has replaced the binary with one that fails; the row after it must
// still be measured by the sweep's own `cost`.
TEST_F(SweepFaultsTest, ARebuildDuringASweepDoesNotChangeWhatItsRowsRun) {
  const fs::path copy = dir_ / "cost-copy";
  fs::copy_file(COST_BINARY, copy);
  const std::string dir = dir_.string();
  std::ofstream(dir_ / "gate.json") << R"([{"name": "gate:wait", "kernel": "wcc",
    "kind": "threaded", "description": "waits for the test",
    "command": "touch )" << dir << R"(/started; while [ ! -e )"
                                    << dir << R"(/go ]; do sleep 0.05; done",
    "time": "process-wall"}])";
  std::ofstream(dir_ / "spec.json") << R"({
    "datasets": [{"name": "k8", "kronecker": {"scale": 8, "edge_factor": 4}}],
    "kernels": ["wcc", "pagerank"],
    "implementations": ["gate:wait", "serial:pagerank"],
    "systems": [")" << dir << R"(/gate.json"],
    "threads": [1], "repetitions": 1, "timeout_seconds": 60, "cache_dir": "cache"
  })";
  const pid_t sweep =
      testing_support::StartCost({"sweep", "spec.json", "--out", "results.json", "--quiet"}, dir_,
                                 Path("sweep.log"), copy.string());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!fs::exists(dir_ / "started") && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(fs::exists(dir_ / "started")) << Log();
  std::ofstream(dir_ / "cost-new") << "#!/bin/sh\nexit 3\n";
  fs::permissions(dir_ / "cost-new", fs::perms::owner_all);
  fs::rename(dir_ / "cost-new", copy);  // as a linker replaces its output
  std::ofstream(dir_ / "go").close();
  ASSERT_EQ(Wait(sweep), 0) << Log();
  const harness::ResultsFile results = harness::ReadResultsFile((dir_ / "results.json").string());
  std::map<std::string, harness::Measurement> by_name;
  for (const auto& m : results.measurements) by_name[m.implementation] = m;
  ASSERT_EQ(by_name.count("serial:pagerank"), 1u) << Log();
  EXPECT_EQ(by_name["serial:pagerank"].outcome, harness::Outcome::kOk)
      << by_name["serial:pagerank"].message;
}

// A sweep that fails before its first row (here: a malformed edge list) leaves an existing
// results file byte for byte as it was, whether asked to resume it or to overwrite it.
TEST_F(SweepFaultsTest, FailedSweepLeavesExistingResultsUntouched) {
  harness::ResultsFile kept;
  kept.created = "2024-01-01T00:00:00Z";
  // This build and machine, so that --resume gets as far as preparing the dataset.
  kept.build = harness::DescribeBuild();
  kept.machine = harness::DescribeMachine();
  harness::Measurement row;
  row.dataset = "k8";
  row.implementation = "serial:union-find";
  row.kernel = harness::Kernel::kWcc;
  row.repetition_seconds = {0.5};
  // A row the reader believes: an ok row's median is a positive time.
  row.median_seconds = row.min_seconds = row.max_seconds = 0.5;
  kept.measurements = {row};
  harness::WriteResultsFile(kept, (dir_ / "results.json").string());
  const std::string before = testing_support::ReadFile(dir_ / "results.json");
  const std::string bad = std::string(COST_TEST_DATA_DIR) + "/malformed/non_numeric_token.txt";
  std::ofstream(dir_ / "spec.json") << R"({"datasets": [{"name": "bad", "edges": ")" << bad
                                    << R"("}], "kernels": ["wcc"], "cache_dir": "cache"})";
  for (const char* mode : {"--resume", "--overwrite", ""}) {
    SCOPED_TRACE(mode);
    std::vector<std::string> args = {"sweep", "spec.json", "--out", "results.json", "--quiet"};
    if (*mode) args.push_back(mode);
    const testing_support::CostRun run = testing_support::RunCost(args, dir_);
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_THAT(run.err, testing::HasSubstr(*mode ? bad + ":2: non-numeric token 'x1'"
                                                  : "results.json: already exists"));
    EXPECT_EQ(testing_support::ReadFile(dir_ / "results.json"), before);
  }
}

}  // namespace
}  // namespace cost
