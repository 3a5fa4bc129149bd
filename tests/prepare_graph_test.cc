// PrepareKronecker / PrepareUniform / PrepareGrid: the bounded-memory builder gives the bytes of
// the in-memory reference (BuildGraph + WithHilbertSections + WriteGraphFile) at any budget,
// fan-in, thread count and choice of sections; budgets and disks too small are refused with
// both numbers; the temp folder goes on success, on failure and on an interrupt.
#include "datasets/prepare_graph.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <omp.h>
#include <signal.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "datasets/dataset_error.h"
#include "datasets/external/interrupt.h"
#include "datasets/graph_file.h"
#include "tests/prepared_file_support.h"
#include "tests/test_support.h"

namespace cost::datasets {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing_support::ExpectSameSections;
using testing_support::kEverySection;
using testing_support::kMiB;
using testing_support::WriteReferenceFile;

PreparationOptions Options(const PreparedSections& sections, bool symmetrize, uint64_t budget) {
  PreparationOptions o;
  o.sections = sections;
  o.symmetrize = symmetrize;
  o.memory_budget = budget;
  return o;
}

class PrepareGraphTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    fs::create_directories(dir_ / "tmp");
  }
  void TearDown() override {
    omp_set_num_threads(saved_threads_);
    ScratchDirTest::TearDown();
  }
  // The options with the temp folder in tmp/, whose emptiness shows the cleanup.
  PreparationOptions WithTmp(PreparationOptions o) const {
    o.tmp_dir = Path("tmp");
    return o;
  }
  bool TmpIsEmpty() const { return fs::is_empty(dir_ / "tmp"); }

  const int saved_threads_ = omp_get_max_threads();
};

// Scale 16, edge factor 16: 1 Mi edges, 2 Mi arcs symmetrised (scale 15 directed: 512 Ki); at
// 4 MiB the runs hold 100-200 Ki keys, so there are 3-20 of them per phase, and a fan-in of 2 needs
// several merge passes.
TEST_F(PrepareGraphTest, KroneckerAtTinyBudgetsMatchesTheInMemoryBuild) {
  for (const bool symmetrize : {true, false}) {
    const KroneckerOptions kron{.scale = symmetrize ? 16 : 15, .edge_factor = 16, .seed = 5};
    const std::string reference = Path(symmetrize ? "ref-sym.cgraph" : "ref-dir.cgraph");
    WriteReferenceFile(GenerateKronecker(kron), symmetrize, kEverySection, reference);
    for (const int threads : {1, 2, 3}) {
      omp_set_num_threads(threads);
      SCOPED_TRACE("symmetrize " + std::to_string(symmetrize) + " threads " +
                   std::to_string(threads));
      PreparationOptions options = WithTmp(Options(kEverySection, symmetrize, 4 * kMiB));
      if (threads == 3) options.max_merge_fan_in = 2;
      const PreparationReport report = PrepareKronecker(kron, options, Path("out.cgraph"));
      EXPECT_GT(report.runs_spilled, 4u);
      if (threads == 3) {
        EXPECT_GT(report.merge_passes, 4u);
      }
      ExpectSameSections(reference, Path("out.cgraph"));
      EXPECT_TRUE(TmpIsEmpty());
    }
  }
}

// Each group alone, and the paper's choice: csr + compressed. The groups without csr and
// transpose sort Hilbert keys first; with both Hilbert groups they append one after the other.
TEST_F(PrepareGraphTest, EveryChoiceOfSectionsMatchesTheInMemoryBuild) {
  const KroneckerOptions kron{.scale = 14, .edge_factor = 8, .seed = 2};
  const EdgeList edges = GenerateKronecker(kron);
  const PreparedSections choices[] = {
      {.csr = true, .transpose = false},
      {.csr = false, .transpose = true},
      {.csr = false, .transpose = false, .hilbert = true},
      {.csr = false, .transpose = false, .compressed = true},
      {.csr = false, .transpose = false, .hilbert = true, .compressed = true},
      {.csr = true, .transpose = false, .compressed = true}};
  omp_set_num_threads(2);
  for (const PreparedSections& sections : choices) {
    SCOPED_TRACE(PreparedSectionsName(sections));
    WriteReferenceFile(edges, false, sections, Path("ref.cgraph"));
    const PreparationReport report =
        PrepareKronecker(kron, WithTmp(Options(sections, false, 2 * kMiB)), Path("out.cgraph"));
    EXPECT_GT(report.runs_spilled, 1u);
    EXPECT_EQ(report.sections, sections);
    ExpectSameSections(Path("ref.cgraph"), Path("out.cgraph"));
  }
  EXPECT_TRUE(TmpIsEmpty());
}

// Below 1 MiB the buffers shrink with the budget: scale 14 still builds at 768 KiB.
TEST_F(PrepareGraphTest, KroneckerBelowOneMebibyte) {
  const KroneckerOptions kron{.scale = 14, .edge_factor = 16, .seed = 9};
  WriteReferenceFile(GenerateKronecker(kron), true, kEverySection, Path("ref.cgraph"));
  const PreparationReport report =
      PrepareKronecker(kron, WithTmp(Options(kEverySection, true, 768 * 1024)), Path("out.cgraph"));
  EXPECT_GT(report.runs_spilled, 20u);
  ExpectSameSections(Path("ref.cgraph"), Path("out.cgraph"));
}

// With room for everything there is one run, kept in memory: the temp folder is never made.
TEST_F(PrepareGraphTest, LargeBudgetTouchesNoDisk) {
  const KroneckerOptions kron{.scale = 12, .edge_factor = 8, .seed = 3};
  WriteReferenceFile(GenerateKronecker(kron), true, kEverySection, Path("ref.cgraph"));
  PreparationOptions options = WithTmp(Options(kEverySection, true, 256 * kMiB));
  options.after_run_spilled = [](const std::string& run) { ADD_FAILURE() << "spilled " << run; };
  const PreparationReport report = PrepareKronecker(kron, options, Path("out.cgraph"));
  EXPECT_EQ(report.runs_spilled, 0u);
  EXPECT_EQ(report.peak_run_bytes, 0u);
  ExpectSameSections(Path("ref.cgraph"), Path("out.cgraph"));
}

TEST_F(PrepareGraphTest, UniformAndGridMatchTheInMemoryBuild) {
  const UniformOptions uniform{.num_vertices = 5000, .num_edges = 60000, .seed = 4};
  WriteReferenceFile(GenerateUniform(uniform), false, kEverySection, Path("ref-u.cgraph"));
  PrepareUniform(uniform, WithTmp(Options(kEverySection, false, 2 * kMiB)), Path("u.cgraph"));
  ExpectSameSections(Path("ref-u.cgraph"), Path("u.cgraph"));
  const GridOptions grid{.rows = 120, .cols = 90, .drop_probability = 0.2, .seed = 6};
  WriteReferenceFile(GenerateGrid(grid), true, kEverySection, Path("ref-g.cgraph"));
  PrepareGrid(grid, WithTmp(Options(kEverySection, true, kMiB)), Path("g.cgraph"));
  ExpectSameSections(Path("ref-g.cgraph"), Path("g.cgraph"));
}

// Scale 18: 2^18 vertices need 4 MiB of offsets and 4 MiB more while the transpose is built.
TEST_F(PrepareGraphTest, BudgetBelowThePerVertexArraysIsRefusedWithBothNumbers) {
  const KroneckerOptions kron{.scale = 18, .edge_factor = 1, .seed = 1};
  try {
    PrepareKronecker(kron, WithTmp(Options(kEverySection, false, 4 * kMiB)), Path("out.cgraph"));
    ADD_FAILURE() << "no error";
  } catch (const DatasetError& e) {
    const std::string message = e.what();
    EXPECT_THAT(
        message,
        AllOf(HasSubstr(Path("out.cgraph") + ": needs "), HasSubstr(" bytes, budget 4194304 ("),
              HasSubstr("4194320 bytes of per-vertex arrays for 262144 vertices")));
    const uint64_t needed = std::stoull(message.substr(message.find("needs ") + 6));
    EXPECT_GT(needed, 4194320u);
  }
  EXPECT_TRUE(fs::is_empty(dir_ / "tmp"));
  EXPECT_FALSE(fs::exists(Path("out.cgraph")));
}

// The free space statvfs would give is replaced through the test hook.
TEST_F(PrepareGraphTest, DiskTooSmallIsRefusedWithBothNumbers) {
  const KroneckerOptions kron{.scale = 12, .edge_factor = 8, .seed = 3};
  PreparationOptions options = WithTmp(Options(kEverySection, true, 64 * kMiB));
  options.free_disk_bytes = 4096;
  try {
    PrepareKronecker(kron, options, Path("out.cgraph"));
    ADD_FAILURE() << "no error";
  } catch (const DatasetError& e) {
    EXPECT_THAT(e.what(),
                AllOf(HasSubstr(": needs "), HasSubstr(" bytes on its filesystem (the output "),
                      HasSubstr("), 4096 free")));
  }
  options.memory_budget = 600 * 1024;  // now the runs spill too, on the same filesystem
  options.free_disk_bytes = 1 << 20;
  try {
    PrepareKronecker(kron, options, Path("out.cgraph"));
    ADD_FAILURE() << "no error";
  } catch (const DatasetError& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr(".cgraph + sorted runs), 1048576 free")));
  }
  EXPECT_FALSE(fs::exists(Path("out.cgraph")));
  EXPECT_TRUE(TmpIsEmpty());
}

// The runs' share of the disk estimate follows the merge the builder will do: 8 bytes per arc
// when the final merge reads every run at once, 16 when merge passes write runs from runs; and
// it bounds what a preparation really held on disk.
TEST_F(PrepareGraphTest, TheDiskEstimateChargesMergePassesOnlyWhenThereAreSome) {
  const KroneckerOptions kron{.scale = 12, .edge_factor = 8, .seed = 3};
  const uint64_t arcs = 2 * 8 * 4096;  // the generator's pairs, symmetrised
  auto needed = [&](uint64_t max_fan_in) -> uint64_t {
    PreparationOptions options = WithTmp(Options(kEverySection, true, 600 * 1024));
    options.max_merge_fan_in = max_fan_in;
    options.free_disk_bytes = 1;
    try {
      PrepareKronecker(kron, options, Path("out.cgraph"));
    } catch (const DatasetError& e) {
      const std::string message = e.what();
      EXPECT_THAT(message, HasSubstr(".cgraph + sorted runs), 1 free"));
      return std::stoull(message.substr(message.find("needs ") + 6));
    }
    ADD_FAILURE() << "no error";
    return 0;
  };
  const uint64_t one_merge = needed(0), passes = needed(2);
  EXPECT_EQ(passes - one_merge, 8 * arcs);
  for (const uint64_t max_fan_in : {uint64_t{0}, uint64_t{2}}) {
    PreparationOptions options = WithTmp(Options(kEverySection, true, 600 * 1024));
    options.max_merge_fan_in = max_fan_in;
    const PreparationReport report = PrepareKronecker(kron, options, Path("out.cgraph"));
    EXPECT_GT(report.runs_spilled, 6u);
    EXPECT_LE(report.peak_run_bytes, (max_fan_in == 2 ? 16 : 8) * arcs);
    // One final merge per phase (csr, hilbert: a symmetric graph has no transpose), or more.
    if (max_fan_in == 0) {
      EXPECT_EQ(report.merge_passes, 2u);
    } else {
      EXPECT_GT(report.merge_passes, 4u);
    }
    fs::remove(Path("out.cgraph"));
  }
  EXPECT_TRUE(TmpIsEmpty());
}

TEST_F(PrepareGraphTest, FailureAfterTheFirstRunRemovesTheRunsAndTheOutput) {
  const KroneckerOptions kron{.scale = 14, .edge_factor = 8, .seed = 2};
  PreparationOptions options = WithTmp(Options(kEverySection, true, kMiB));
  std::vector<std::string> seen;
  options.after_run_spilled = [&](const std::string& run) {
    seen.push_back(run);
    EXPECT_TRUE(fs::exists(run));
    throw DatasetError("the test's failure");
  };
  EXPECT_THROW(PrepareKronecker(kron, options, Path("out.cgraph")), DatasetError);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_FALSE(fs::exists(seen[0]));
  EXPECT_TRUE(TmpIsEmpty());
  EXPECT_THAT(testing_support::ListDir(dir_), ElementsAre("tmp"));
}

// A real SIGINT, raised from the hook after the first run: the handler only sets a flag, the
// builder stops at its next check, and the way out cleans up.
TEST_F(PrepareGraphTest, InterruptStopsTheWorkAndCleansUp) {
  const KroneckerOptions kron{.scale = 14, .edge_factor = 8, .seed = 2};
  PreparationOptions options = WithTmp(Options(kEverySection, true, kMiB));
  int runs = 0;
  options.after_run_spilled = [&](const std::string&) {
    if (runs++ == 0) ::raise(SIGINT);
  };
  try {
    PrepareKronecker(kron, options, Path("out.cgraph"));
    ADD_FAILURE() << "no error";
  } catch (const PreparationInterrupted& e) {
    EXPECT_EQ(std::string(e.what()), Path("out.cgraph") + ": interrupted");
  }
  EXPECT_EQ(runs, 1);
  EXPECT_TRUE(TmpIsEmpty());
  EXPECT_FALSE(fs::exists(Path("out.cgraph")));
  EXPECT_FALSE(InterruptRequested());  // the handler is gone, the flag cleared
}

TEST_F(PrepareGraphTest, ReportsProgressPhasesAndTheMetadataRecord) {
  const KroneckerOptions kron{.scale = 12, .edge_factor = 8, .seed = 3};
  PreparationOptions options = WithTmp(Options(kEverySection, false, kMiB));
  std::vector<std::string> finished;
  uint64_t read_done = 0, read_total = 0;
  options.progress = [&](const PreparationProgress& p) {
    if (!p.finished) return;
    finished.push_back(p.phase);
    if (p.phase == "read") read_done = p.done, read_total = p.total;
  };
  const PreparationReport report = PrepareKronecker(kron, options, Path("out.cgraph"));
  EXPECT_THAT(finished,
              ElementsAre("read", "csr", "transpose runs", "transpose", "hilbert runs", "hilbert"));
  EXPECT_EQ(read_done, uint64_t{8} << 12);
  EXPECT_EQ(read_total, uint64_t{8} << 12);
  ASSERT_EQ(report.phases.size(), 6u);
  const nlohmann::json meta = nlohmann::json::parse(report.info.metadata);
  EXPECT_EQ(meta.at("source"), "kronecker");
  EXPECT_EQ(meta.at("sections"), "csr,transpose,hilbert,compressed");
  EXPECT_EQ(meta.at("input_edges"), report.stats.input_edges);
  EXPECT_EQ(meta.at("duplicates_removed"), report.stats.duplicates_removed);
  EXPECT_EQ(meta.at("phase_seconds").size(), 6u);
  EXPECT_EQ(
      report.stats.input_edges - report.stats.self_loops_dropped - report.stats.duplicates_removed,
      report.num_edges);
  EXPECT_EQ(report.info.num_edges, report.num_edges);
}

// A symmetric graph's transpose is its csr: asking for it stores the csr once.
TEST_F(PrepareGraphTest, TransposeOfASymmetricGraphIsItsCsr) {
  const KroneckerOptions kron{.scale = 10, .edge_factor = 8, .seed = 3};
  const PreparationReport report = PrepareKronecker(
      kron, WithTmp(Options({.csr = false, .transpose = true}, true, 8 * kMiB)), Path("o.cgraph"));
  EXPECT_EQ(report.sections, (PreparedSections{.csr = true, .transpose = false}));
  EXPECT_TRUE(report.info.prepared.transpose);
  EXPECT_EQ(report.info.Find(SectionKind::kInSources), nullptr);
}

}  // namespace
}  // namespace cost::datasets
