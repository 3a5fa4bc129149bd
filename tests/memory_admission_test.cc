// A row that needs more than the available memory (the sections it maps, its arrays, buffers and
// validation: harness/run/row_memory.h) is refused before the graph is mapped, as an
// out-of-memory outcome that says how much it needs, by `cost run` and by a sweep's rows.
// ($COST_FAKE_MEM_AVAILABLE stands in for /proc/meminfo's MemAvailable.) The time limit and the
// memory cap of a sweep row are covered by sweep_faults_test (fault:hang, fault:allocate).
#include "harness/machine/memory_admission.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "harness/core/results.h"
#include "tests/test_support.h"

namespace cost {
namespace {

class MemoryAdmissionTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    ASSERT_EQ(
        testing_support::RunCost(
            {"dataset", "generate", "kronecker", "--scale", "6", "-o", Path("k6.cgraph")}, dir_)
            .exit_code,
        0);
  }
  void TearDown() override {
    unsetenv("COST_FAKE_MEM_AVAILABLE");
    ScratchDirTest::TearDown();
  }
  // The start and the end of what the refusal of serial:union-find says with 1000 bytes
  // available (between them: what it needs, and of what).
  static std::string RefusalStart(const std::string& path) {
    return path + ": serial:union-find needs ";
  }
  static constexpr const char* kRefusalEnd =
      "), only 1000 bytes (0.00 GiB) are available (MemAvailable)";
  // The bytes the refusal says the row needs.
  static uint64_t NeededBytes(const std::string& message) {
    const size_t at = message.find(" needs ");
    return at == std::string::npos ? 0 : std::stoull(message.substr(at + 7));
  }
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
  const harness::ResultsFile row = harness::ReadResultsFile(Path("row.json"));
  ASSERT_EQ(row.measurements.size(), 1u);
  const std::string& message = row.measurements[0].message;
  EXPECT_EQ(row.measurements[0].outcome, harness::Outcome::kOutOfMemory);
  EXPECT_EQ(message.rfind(RefusalStart(Path("k6.cgraph")), 0), 0u) << message;
  EXPECT_TRUE(message.ends_with(kRefusalEnd)) << message;
  EXPECT_THAT(message, testing::HasSubstr("sections it maps "));
  EXPECT_EQ(run.err, "cost: out-of-memory: " + message + "\n");
}

// The row is charged what it says it needs: admitted with exactly that much, refused with a byte
// less.
TEST_F(MemoryAdmissionTest, RunAcceptsARowThatFitsExactly) {
  setenv("COST_FAKE_MEM_AVAILABLE", "1000", 1);
  const std::vector<std::string> args = {"run",     "--impl",          "serial:union-find",
                                         "--graph", Path("k6.cgraph"), "--repetitions",
                                         "1",       "--json",          Path("row.json")};
  ASSERT_EQ(testing_support::RunCost(args, dir_).exit_code, 4);
  const uint64_t needed =
      NeededBytes(harness::ReadResultsFile(Path("row.json")).measurements[0].message);
  ASSERT_GT(needed, 0u);
  setenv("COST_FAKE_MEM_AVAILABLE", std::to_string(needed - 1).c_str(), 1);
  EXPECT_EQ(testing_support::RunCost(args, dir_).exit_code, 4);
  setenv("COST_FAKE_MEM_AVAILABLE", std::to_string(needed).c_str(), 1);
  EXPECT_EQ(testing_support::RunCost(args, dir_).exit_code, 0);
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
  const std::string& message = results.measurements[0].message;
  EXPECT_EQ(message.rfind(RefusalStart(results.measurements[0].graph_path), 0), 0u) << message;
  EXPECT_TRUE(message.ends_with(kRefusalEnd)) << message;
}

}  // namespace
}  // namespace cost
