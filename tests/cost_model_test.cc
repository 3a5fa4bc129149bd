// The machine limits record and the cost model: the model's formulas on a synthetic machine, the
// record's round trip and machine check, and `cost machine` feeding `cost run`'s fraction of the
// limit.
#include "harness/machine/cost_model.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "harness/core/results.h"
#include "harness/machine/machine_limits.h"
#include "test_support.h"

namespace cost {
namespace {

using harness::CostEstimate;
using harness::EstimateCost;
using harness::Kernel;
using harness::MachineLimits;
using harness::Workload;
using testing::HasSubstr;
using testing_support::CostRun;
using testing_support::ReadFile;

// Round numbers: 1 core reads 10 GB/s and gathers 1000/400/100/10 M/s from 512 KiB, 4 MiB, 16 MiB
// and 1 GiB arrays; 4 threads reach 30 GB/s and 3000/1200/300/30 M/s.
MachineLimits SyntheticMachine() {
  MachineLimits m;
  m.cpu_model = "synthetic";
  m.logical_cpus = 4;
  m.hostname = "nowhere";
  m.measured = "2026-01-01T00:00:00Z";
  m.l2_bytes = 1 << 20;
  m.l3_bytes = 32 << 20;
  m.l2_array_bytes = m.l2_bytes / 2;
  m.l3_array_bytes = m.l3_bytes / 2;
  m.dram_array_bytes = 1 << 30;
  m.all_threads = 4;
  m.one_core = {10e9, 12e9, 1000e6, 100e6, 10e6};
  m.all_cores = {30e9, 36e9, 3000e6, 300e6, 30e6};
  m.gather_curve = {{512 << 10, 1000e6, 3000e6},
                    {4 << 20, 400e6, 1200e6},
                    {16 << 20, 100e6, 300e6},
                    {1 << 30, 10e6, 30e6}};
  return m;
}

TEST(CostModel, PageRankOnVertexLayoutChargesEveryIteration) {
  Workload w;
  w.kernel = Kernel::kPageRank;
  w.num_vertices = 2'000'000;  // 8 MB of 4-byte contributions: an L3-sized gather
  w.num_arcs = 16'000'000;
  w.iterations = 20;
  const CostEstimate e = EstimateCost(w, SyntheticMachine());
  EXPECT_DOUBLE_EQ(e.streamed_bytes, 20.0 * (4 * 16e6 + 28 * 2e6));
  EXPECT_DOUBLE_EQ(e.gathers, 20 * 16e6);
  EXPECT_EQ(e.gathered_array_bytes, 8'000'000u);
  EXPECT_EQ(e.gather_level, "L3");
  EXPECT_EQ(e.rate_array_bytes, 4u << 20);  // the largest measured array not above 8 MB
  EXPECT_DOUBLE_EQ(e.stream_seconds, e.streamed_bytes / 10e9);
  EXPECT_DOUBLE_EQ(e.gather_seconds, 20 * 16e6 / 400e6);
  EXPECT_DOUBLE_EQ(e.limit_seconds, e.stream_seconds + e.gather_seconds);
  EXPECT_EQ(e.bound, "gather-bound");
}

TEST(CostModel, HilbertOrderIsChargedAtTheL2RateWhateverTheSize) {
  Workload w;
  w.kernel = Kernel::kPageRank;
  w.layout = datasets::EdgeLayout::kHilbert;
  w.num_vertices = 100'000'000;  // 400 MB: DRAM-sized in vertex order
  w.num_arcs = 1'000'000'000;
  w.iterations = 1;
  const CostEstimate e = EstimateCost(w, SyntheticMachine());
  EXPECT_EQ(e.gather_level, "L2");
  EXPECT_DOUBLE_EQ(e.streamed_bytes, 8 * 1e9 + 28 * 1e8);
  EXPECT_DOUBLE_EQ(e.gather_seconds, 1e9 / 1000e6);
  w.layout = datasets::EdgeLayout::kVertex;
  EXPECT_EQ(EstimateCost(w, SyntheticMachine()).gather_level, "DRAM");
}

TEST(CostModel, CompressedStreamIsChargedItsBytesPerArc) {
  Workload w;
  w.kernel = Kernel::kPageRank;
  w.layout = datasets::EdgeLayout::kCompressed;
  w.num_vertices = 1000;
  w.num_arcs = 1'000'000;
  w.iterations = 2;
  w.compressed_bytes = 2'500'000;  // 2.5 B per arc
  EXPECT_DOUBLE_EQ(EstimateCost(w, SyntheticMachine()).streamed_bytes, 2 * (2.5 * 1e6 + 28 * 1000));
}

TEST(CostModel, BfsGathersOneBitPerVertexAndWccOnePass) {
  Workload w;
  w.kernel = Kernel::kBfs;
  w.num_vertices = 8'000'000;  // 1 MB bitmap: fits L2
  w.num_arcs = 100'000'000;
  w.iterations = 20;  // ignored: one pass
  CostEstimate e = EstimateCost(w, SyntheticMachine());
  EXPECT_EQ(e.gathered_array_bytes, 1'000'000u);
  EXPECT_EQ(e.gather_level, "L2");
  EXPECT_DOUBLE_EQ(e.gathers, 1e8);
  w.kernel = Kernel::kWcc;
  e = EstimateCost(w, SyntheticMachine());
  EXPECT_EQ(e.gathered_array_bytes, 32'000'000u);
  EXPECT_EQ(e.gather_level, "L3");
  EXPECT_DOUBLE_EQ(e.streamed_bytes, 4 * 1e8 + 16 * 8e6);
}

// A large L3 is not uniformly fast: on a 480 MiB L3 the rate from half of it is near DRAM's, while
// a 16 MiB array gathers several times faster. Charging the rate at or below the array's own size
// keeps the limit a bound (no row can beat it by gathering faster than measured).
TEST(CostModel, AnArrayIsChargedTheRateMeasuredAtTheLargestSizeNotAboveIt) {
  MachineLimits m = SyntheticMachine();
  EXPECT_EQ(harness::ChargedGatherPoint(m, 16 << 20).array_bytes, 16u << 20);
  EXPECT_EQ(harness::ChargedGatherPoint(m, (16 << 20) - 1).array_bytes, 4u << 20);
  EXPECT_EQ(harness::ChargedGatherPoint(m, 100 << 20).array_bytes, 16u << 20);
  EXPECT_EQ(harness::ChargedGatherPoint(m, uint64_t{8} << 30).array_bytes, uint64_t{1} << 30);
  EXPECT_EQ(harness::ChargedGatherPoint(m, 1024).array_bytes, 512u << 10);  // below every size
  EXPECT_DOUBLE_EQ(harness::GatherRate(m, 8 << 20, 1), 400e6);
  EXPECT_DOUBLE_EQ(harness::GatherRate(m, 8 << 20, 2), 800e6);
  EXPECT_DOUBLE_EQ(harness::GatherRate(m, 8 << 20, 4), 1200e6);
  // A record from before the curve charges its three figures the same way.
  m.gather_curve.clear();
  ASSERT_EQ(harness::GatherCurve(m).size(), 3u);
  EXPECT_DOUBLE_EQ(harness::GatherRate(m, 8 << 20, 1), 1000e6);  // below the 16 MiB L3 array
  EXPECT_DOUBLE_EQ(harness::GatherRate(m, 16 << 20, 1), 100e6);
  EXPECT_DOUBLE_EQ(harness::GatherRate(m, 1 << 30, 4), 30e6);
}

TEST(CostModel, ThreadsScaleTheOneCoreRateUpToTheAllCoresFigure) {
  const MachineLimits m = SyntheticMachine();
  EXPECT_DOUBLE_EQ(harness::GatherRate(m, 1 << 10, 1), 1000e6);
  EXPECT_DOUBLE_EQ(harness::GatherRate(m, 1 << 10, 2), 2000e6);
  EXPECT_DOUBLE_EQ(harness::GatherRate(m, 1 << 10, 4), 3000e6);
  EXPECT_DOUBLE_EQ(harness::GatherRate(m, 1 << 10, 16), 3000e6);
  EXPECT_DOUBLE_EQ(harness::ReadBandwidth(m, 3), 30e9);
  EXPECT_DOUBLE_EQ(harness::GatherRate(m, uint64_t{1} << 30, 1), 10e6);
}

TEST(CostModel, FractionOfLimitIsLimitOverMedian) {
  Workload w;
  w.kernel = Kernel::kWcc;
  w.num_vertices = 1000;
  w.num_arcs = 10'000;
  harness::Measurement m;
  m.median_seconds = 0;
  harness::RecordFractionOfLimit(w, SyntheticMachine(), &m);
  EXPECT_EQ(m.limit_seconds, 0);  // nothing measured, nothing claimed
  m.median_seconds = 1e-3;
  harness::RecordFractionOfLimit(w, SyntheticMachine(), &m);
  EXPECT_GT(m.limit_seconds, 0);
  EXPECT_DOUBLE_EQ(m.fraction_of_limit, m.limit_seconds / 1e-3);
  EXPECT_EQ(m.limit_bound, "gather-bound");  // 10 us of gathers against 5.6 us of streaming
  EXPECT_THAT(m.limit_basis,
              HasSubstr("from a 4 KiB array (L2, at the rate measured from 512 KiB)"));
}

class MachineLimitsFileTest : public testing_support::ScratchDirTest {};

TEST_F(MachineLimitsFileTest, RoundTripsAndIgnoresAnotherMachinesRecord) {
  const MachineLimits m = SyntheticMachine();
  harness::SaveMachineLimits(m, Path("limits.json"));
  const MachineLimits back =
      harness::MachineLimitsFromJson(nlohmann::json::parse(ReadFile(Path("limits.json"))));
  EXPECT_EQ(back.cpu_model, "synthetic");
  EXPECT_DOUBLE_EQ(back.all_cores.l3_gathers_per_second, 300e6);
  EXPECT_EQ(back.dram_array_bytes, uint64_t{1} << 30);
  ASSERT_EQ(back.gather_curve.size(), 4u);
  EXPECT_EQ(back.gather_curve[1].array_bytes, 4u << 20);
  EXPECT_DOUBLE_EQ(back.gather_curve[1].all_cores, 1200e6);
  // Measured on "nowhere", not here: not used.
  EXPECT_FALSE(harness::LoadMachineLimits(Path("limits.json")).has_value());
  EXPECT_FALSE(harness::LoadMachineLimits(Path("absent.json")).has_value());
  std::ofstream(Path("bad.json")) << R"({"cpu_model": "x"})";
  try {
    harness::LoadMachineLimits(Path("bad.json"));
    FAIL() << "a record without its fields was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr(Path("bad.json")));
    EXPECT_THAT(e.what(), HasSubstr("not a machine limits record"));
  }
}

TEST_F(MachineLimitsFileTest, MeasuredLimitsGiveEveryRunItsFractionOfTheLimit) {
  CostRun r = testing_support::RunCost(
      {"machine", "--quick", "--threads", "1", "--json", "--out", Path("limits.json")}, dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const MachineLimits m = harness::MachineLimitsFromJson(nlohmann::json::parse(r.out));
  EXPECT_GT(m.one_core.read_bytes_per_second, 0);
  EXPECT_GT(m.one_core.dram_gathers_per_second, 0);
  EXPECT_EQ(m.all_threads, 1);
  // The curve runs from half of L2 through half of L3 to the DRAM array, ascending.
  ASSERT_GE(m.gather_curve.size(), 3u);
  EXPECT_EQ(m.gather_curve.front().array_bytes, m.l2_array_bytes);
  EXPECT_EQ(m.gather_curve.back().array_bytes, m.dram_array_bytes);
  bool has_l3 = false;
  for (size_t i = 0; i < m.gather_curve.size(); ++i) {
    EXPECT_GT(m.gather_curve[i].one_core, 0);
    EXPECT_DOUBLE_EQ(m.gather_curve[i].all_cores, m.gather_curve[i].one_core);  // one thread
    if (i > 0) {
      EXPECT_GT(m.gather_curve[i].array_bytes, m.gather_curve[i - 1].array_bytes);
    }
    has_l3 = has_l3 || m.gather_curve[i].array_bytes == m.l3_array_bytes;
  }
  EXPECT_TRUE(has_l3);
  ASSERT_TRUE(harness::LoadMachineLimits(Path("limits.json")).has_value());
  // The same record without its curve is measured again, not used.
  nlohmann::json old = nlohmann::json::parse(ReadFile(Path("limits.json")));
  old.erase("gather_curve");
  std::ofstream(Path("old.json")) << old.dump();
  EXPECT_FALSE(harness::LoadMachineLimits(Path("old.json")).has_value());

  r = testing_support::RunCost({"dataset", "generate", "kronecker", "--scale", "8", "--edge-factor",
                                "8", "-o", Path("g.cgraph")},
                               dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  setenv("COST_MACHINE_LIMITS", Path("limits.json").c_str(), 1);
  r = testing_support::RunCost({"run", "--impl", "serial:union-find", "--graph", Path("g.cgraph"),
                                "--repetitions", "3", "--json", Path("r.json")},
                               dir_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const harness::ResultsFile results = harness::ReadResultsFile(Path("r.json"));
  ASSERT_EQ(results.measurements.size(), 1u);
  const harness::Measurement& row = results.measurements[0];
  EXPECT_GT(row.limit_seconds, 0);
  EXPECT_DOUBLE_EQ(row.fraction_of_limit, row.limit_seconds / row.median_seconds);
  EXPECT_THAT(row.limit_basis, HasSubstr("pass over every arc"));
  EXPECT_EQ(results.machine.at("limits").at("hostname"), m.hostname);
}

}  // namespace
}  // namespace cost
