// A prepared graph larger than the available memory is refused before it is mapped, as an
// out-of-memory outcome that says how much it needs, by `cost run` and by a sweep's rows.
// ($COST_FAKE_MEM_AVAILABLE stands in for /proc/meminfo's MemAvailable.) The time limit and the
// memory cap of a sweep row are covered by sweep_faults_test (fault:hang, fault:allocate).
#include "harness/machine/memory_admission.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "harness/core/results.h"
#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;

class MemoryAdmissionTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    ASSERT_EQ(
        testing_support::RunCost(
            {"dataset", "generate", "kronecker", "--scale", "6", "-o", Path("k6.cgraph")}, dir_)
            .exit_code,
        0);
    bytes_ = fs::file_size(Path("k6.cgraph"));
  }
  void TearDown() override {
    unsetenv("COST_FAKE_MEM_AVAILABLE");
    ScratchDirTest::TearDown();
  }
  // What the refusal says for a graph of bytes_ with 1000 bytes available.
  std::string Refusal(const std::string& path) const {
    return path + ": the prepared graph needs " + std::to_string(bytes_) +
           " bytes (0.00 GiB) in memory, only 1000 bytes (0.00 GiB) are available (MemAvailable)";
  }
  uint64_t bytes_ = 0;
};

TEST_F(MemoryAdmissionTest, AvailableMemoryComesFromMeminfoOrTheOverride) {
  ASSERT_TRUE(harness::AvailableMemoryBytes().has_value());
  EXPECT_GT(*harness::AvailableMemoryBytes(), 0u);
  setenv("COST_FAKE_MEM_AVAILABLE", "1000", 1);
  EXPECT_EQ(harness::AvailableMemoryBytes(), 1000u);
}

TEST_F(MemoryAdmissionTest, RunRefusesAGraphLargerThanAvailableMemory) {
  setenv("COST_FAKE_MEM_AVAILABLE", "1000", 1);
  const testing_support::CostRun run =
      testing_support::RunCost({"run", "--impl", "serial:union-find", "--graph", Path("k6.cgraph"),
                                "--json", Path("row.json")},
                               dir_);
  EXPECT_EQ(run.exit_code, 4);  // out of memory
  EXPECT_EQ(run.err, "cost: out-of-memory: " + Refusal(Path("k6.cgraph")) + "\n");
  const harness::ResultsFile row = harness::ReadResultsFile(Path("row.json"));
  ASSERT_EQ(row.measurements.size(), 1u);
  EXPECT_EQ(row.measurements[0].outcome, harness::Outcome::kOutOfMemory);
  EXPECT_EQ(row.measurements[0].message, Refusal(Path("k6.cgraph")));
}

TEST_F(MemoryAdmissionTest, RunAcceptsAGraphThatFits) {
  setenv("COST_FAKE_MEM_AVAILABLE", std::to_string(bytes_).c_str(), 1);
  EXPECT_EQ(testing_support::RunCost({"run", "--impl", "serial:union-find", "--graph",
                                      Path("k6.cgraph"), "--repetitions", "1"},
                                     dir_)
                .exit_code,
            0);
}

TEST_F(MemoryAdmissionTest, SweepRecordsTheRefusalAsTheRowsOutcome) {
  std::ofstream(Path("spec.json")) << R"({"datasets": [{"name": "k6", "graph": "k6.cgraph"}],
    "kernels": ["wcc"], "implementations": ["serial:union-find"], "repetitions": 1,
    "cache_dir": "cache"})";
  setenv("COST_FAKE_MEM_AVAILABLE", "1000", 1);
  const testing_support::CostRun run =
      testing_support::RunCost({"sweep", "spec.json", "--out", "results.json", "--quiet"}, dir_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const harness::ResultsFile results = harness::ReadResultsFile(Path("results.json"));
  ASSERT_EQ(results.measurements.size(), 1u);
  EXPECT_EQ(results.measurements[0].outcome, harness::Outcome::kOutOfMemory);
  EXPECT_EQ(results.measurements[0].message, Refusal(results.measurements[0].graph_path));
}

}  // namespace
}  // namespace cost
