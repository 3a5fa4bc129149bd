// The run room's callers besides `cost run`. Measure() as a library call: what `cost run` prints
// and writes comes from it, so a caller of the library gets the same row: the cost model's limit
// for this machine on an ok row, and an out-of-memory row keyed like a measured one. And
// cost_kernel_bench, which times the table's rows in its own process: it registers exactly the
// rows that run in process.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <sstream>
#include <string>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/graph_file.h"
#include "harness/core/child_process.h"
#include "harness/machine/machine_info.h"
#include "harness/machine/machine_limits.h"
#include "harness/run/measurement.h"
#include "tests/test_support.h"

namespace cost::harness {
namespace {

// Round numbers, recorded as measured on this machine so that LoadMachineLimits takes them.
MachineLimits ThisMachineSynthetic() {
  const nlohmann::json machine = DescribeMachine();
  return {.cpu_model = machine.value("cpu_model", ""),
          .logical_cpus = machine.value("logical_cpus", 0),
          .hostname = machine.value("hostname", ""),
          .measured = "2026-01-01T00:00:00Z",
          .l2_array_bytes = 512 << 10,
          .l3_array_bytes = 16 << 20,
          .dram_array_bytes = 1 << 30,
          .all_threads = 1,
          .one_core = {10e9, 10e9, 1000e6, 100e6, 10e6},
          .all_cores = {10e9, 10e9, 1000e6, 100e6, 10e6},
          .gather_curve = {
              {512 << 10, 1000e6, 1000e6}, {16 << 20, 100e6, 100e6}, {1 << 30, 10e6, 10e6}}};
}

class MeasureTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    //   0 -- 1 -- 2      3 -- 4
    datasets::EdgeList edges;
    edges.num_vertices = 5;
    edges.src = {0, 1, 3};
    edges.dst = {1, 2, 4};
    datasets::WriteGraphFile(datasets::BuildGraph(edges, {.symmetrize = true}), "{}",
                             Path("g5.cgraph"));
    SaveMachineLimits(ThisMachineSynthetic(), Path("limits.json"));
    setenv("COST_MACHINE_LIMITS", Path("limits.json").c_str(), 1);
  }
  void TearDown() override {
    unsetenv("COST_FAKE_MEM_AVAILABLE");
    ScratchDirTest::TearDown();
  }
  MeasurementRequest Request(const char* implementation) {
    MeasurementRequest request;
    request.implementation = FindImplementation(implementation);
    request.graph_path = Path("g5.cgraph");
    request.repetitions = 2;
    request.warmups = 0;
    return request;
  }
};

TEST_F(MeasureTest, AnOkRowIsJudgedAgainstTheMachinesLimits) {
  const MeasurementOutput out = Measure(Request("serial:union-find"));
  const Measurement& m = out.measurement;
  ASSERT_EQ(m.outcome, Outcome::kOk) << m.message;
  ASSERT_TRUE(out.limits.has_value());
  EXPECT_EQ(out.limits->cpu_model, ThisMachineSynthetic().cpu_model);
  EXPECT_GT(m.limit_seconds, 0);
  EXPECT_DOUBLE_EQ(m.fraction_of_limit, m.limit_seconds / m.median_seconds);
  EXPECT_THAT(m.limit_bound, testing::AnyOf("gather-bound", "bandwidth-bound"));
}

TEST_F(MeasureTest, WithoutMeasuredLimitsNoLimitIsClaimed) {
  setenv("COST_MACHINE_LIMITS", Path("absent.json").c_str(), 1);
  const MeasurementOutput out = Measure(Request("serial:union-find"));
  EXPECT_FALSE(out.limits.has_value());
  EXPECT_EQ(out.measurement.limit_seconds, 0);
  EXPECT_EQ(out.measurement.limit_bound, "");
}

TEST_F(MeasureTest, AGraphTooLargeForMemoryIsAnOutOfMemoryRowWithItsIdentity) {
  setenv("COST_FAKE_MEM_AVAILABLE", "10", 1);  // the file has more than 10 bytes
  const MeasurementOutput out = Measure(Request("serial:union-find-hilbert"));
  const Measurement& m = out.measurement;
  EXPECT_EQ(m.outcome, Outcome::kOutOfMemory);
  EXPECT_THAT(m.message, testing::HasSubstr("only 10 bytes"));
  EXPECT_EQ(ExitCodeOf(m.outcome), 4);
  // Keyed as a measured row: the table's identity of the row and the request's configuration.
  EXPECT_EQ(m.implementation + " " + m.algorithm, "serial:union-find-hilbert union-find");
  EXPECT_EQ(m.kernel, Kernel::kWcc);
  EXPECT_EQ(m.layout, datasets::EdgeLayout::kHilbert);
  EXPECT_EQ(m.dataset, "g5");  // the file's stem
  EXPECT_EQ(m.repetitions, 2);
  EXPECT_EQ(m.limit_seconds, 0);  // nothing timed, nothing judged
}

TEST(StartMeasurement, FillsTheIdentityAndTheConfiguration) {
  const Measurement m = StartMeasurement(
      {.name = "gapbs:cc",
       .system = "gapbs",
       .algorithm = "afforest",
       .kernel = Kernel::kWcc,
       .kind = Kind::kThreaded},
      {.dataset = "kron-8", .graph_path = "k.cgraph", .threads = 3, .procs = 1, .repetitions = 4});
  EXPECT_EQ(m.implementation, "gapbs:cc");
  EXPECT_EQ(m.system, "gapbs");
  EXPECT_EQ(m.algorithm, "afforest");
  EXPECT_EQ(m.kernel, Kernel::kWcc);
  EXPECT_EQ(m.kind, Kind::kThreaded);
  EXPECT_EQ(m.layout, datasets::EdgeLayout::kVertex);
  EXPECT_EQ(m.dataset, "kron-8");
  EXPECT_EQ(m.graph_path, "k.cgraph");
  EXPECT_EQ(m.cores(), 3);
  EXPECT_EQ(m.repetitions, 4);
  EXPECT_EQ(m.outcome, Outcome::kOk);
}

class KernelBenchTest : public testing_support::ScratchDirTest {};

TEST_F(KernelBenchTest, RegistersEveryInProcessRowAndNoMultiprocessRow) {
  SaveMachineLimits(ThisMachineSynthetic(), Path("limits.json"));  // nothing to measure first
  setenv("COST_MACHINE_LIMITS", Path("limits.json").c_str(), 1);
  ChildOptions child;
  child.argv = {COST_KERNEL_BENCH,
                "--scale",
                "8",
                "--threads",
                "2",
                "--repetitions",
                "3",
                "--benchmark_list_tests=true"};
  child.log_path = Path("list.txt");
  const ChildResult run = RunChild(child);
  ASSERT_EQ(run.status, ChildResult::Status::kExited) << run.log_tail;
  ASSERT_EQ(run.exit_code, 0) << run.log_tail;
  std::vector<std::string> listed;
  std::istringstream lines(ReadChildLog(child.log_path));
  for (std::string line; std::getline(lines, line);) listed.push_back(line);
  std::vector<std::string> expected;
  for (const Implementation& impl : Implementations()) {
    if (impl.kind == Kind::kMultiprocess) continue;
    const char* threads = impl.kind == Kind::kSingleThreaded ? "1" : "2";
    // Google Benchmark appends its own iterations, repetitions and timing to our name.
    expected.push_back(std::string(impl.name) + "/scale:8/threads:" + threads +
                       "/iterations:1/repeats:3/manual_time");
  }
  EXPECT_EQ(listed, expected);
}

}  // namespace
}  // namespace cost::harness
