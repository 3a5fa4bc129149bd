// `cost run --storage ram|disk` and a sweep's "storage": the mode is recorded with the residency
// mincore measured before each repetition (near zero from disk, near one from RAM), a streaming
// row reads exactly its section once per pass plus the out-degrees, and the read rate follows.
// Admission per row: a streaming row is charged its per-vertex arrays and buffer, not the file,
// so it runs where a mapped row of the same file is refused. ($COST_FAKE_MEM_AVAILABLE stands in
// for MemAvailable.)
#include "harness/run/storage_mode.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/vfs.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "datasets/graph_file.h"
#include "harness/core/results.h"
#include "tests/test_support.h"

namespace cost {
namespace {

using testing::HasSubstr;

class StorageModeTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    ASSERT_EQ(testing_support::RunCost({"dataset", "generate", "kronecker", "--scale", "9",
                                        "--layout", "compressed", "-o", Path("k9.cgraph")},
                                       dir_)
                  .exit_code,
              0);
    info_ = datasets::ReadGraphFileInfo(Path("k9.cgraph"));
    struct statfs fs {};
    tmpfs_ = statfs(Path("k9.cgraph").c_str(), &fs) == 0 && fs.f_type == 0x01021994;
  }
  void TearDown() override {
    unsetenv("COST_FAKE_MEM_AVAILABLE");
    ScratchDirTest::TearDown();
  }
  // `cost run IMPL` on the graph with extra arguments; the row it wrote, expecting exit 0.
  harness::Measurement Run(const std::string& impl, std::vector<std::string> extra) {
    std::vector<std::string> args = {
        "run", "--impl", impl, "--graph", Path("k9.cgraph"), "--json", Path("row.json"), "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    const testing_support::CostRun run = testing_support::RunCost(args, dir_);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    const harness::ResultsFile row = harness::ReadResultsFile(Path("row.json"));
    EXPECT_EQ(row.measurements.size(), 1u);
    return row.measurements.at(0);
  }
  uint64_t StreamBytes() const {
    return info_.Find(datasets::SectionKind::kHilbertCompressed)->bytes;
  }
  datasets::GraphFileInfo info_;
  bool tmpfs_ = false;
};

TEST_F(StorageModeTest, DiskEvictsBeforeEveryRepetitionAndCountsTheBytes) {
  if (tmpfs_) GTEST_SKIP() << "tmpfs keeps its pages";
  const harness::Measurement m = Run(
      "serial:pagerank-stream", {"--storage", "disk", "--repetitions", "3", "--iterations", "5"});
  EXPECT_EQ(m.outcome, harness::Outcome::kOk) << m.message;
  EXPECT_EQ(m.storage, "disk");
  ASSERT_EQ(m.resident_fractions.size(), 3u);
  for (double f : m.resident_fractions) EXPECT_LE(f, harness::kMaxResidentOnDisk);
  EXPECT_EQ(m.passes, 5u);
  EXPECT_EQ(m.bytes_read, 5 * StreamBytes() + 4 * info_.num_vertices);
  EXPECT_DOUBLE_EQ(m.read_bytes_per_second, static_cast<double>(m.bytes_read) / m.median_seconds);
}

TEST_F(StorageModeTest, RamLoadsTheSectionsFirstForMappedAndStreamingRows) {
  for (const std::string impl :
       {"serial:pagerank-hilbert-compressed", "serial:label-propagation-stream"}) {
    const harness::Measurement m = Run(impl, {"--storage", "ram", "--repetitions", "2"});
    EXPECT_EQ(m.outcome, harness::Outcome::kOk) << impl << ": " << m.message;
    EXPECT_EQ(m.storage, "ram");
    ASSERT_EQ(m.resident_fractions.size(), 2u) << impl;
    for (double f : m.resident_fractions) EXPECT_GE(f, harness::kMinResidentInRam) << impl;
  }
  // The streaming row read whole passes: its section bytes times the passes.
  const harness::Measurement lp = harness::ReadResultsFile(Path("row.json")).measurements[0];
  EXPECT_GE(lp.passes, 2u);
  EXPECT_EQ(lp.bytes_read, lp.passes * StreamBytes());  // no out-degrees: labels need none
}

TEST_F(StorageModeTest, AMappedRowFromDiskFaultsItsSectionsInAgain) {
  if (tmpfs_) GTEST_SKIP() << "tmpfs keeps its pages";
  const harness::Measurement m =
      Run("serial:pagerank-hilbert-compressed", {"--storage", "disk", "--repetitions", "2"});
  EXPECT_EQ(m.outcome, harness::Outcome::kOk) << m.message;
  ASSERT_EQ(m.resident_fractions.size(), 2u);
  for (double f : m.resident_fractions) EXPECT_LE(f, harness::kMaxResidentOnDisk);
  EXPECT_EQ(m.bytes_read, 0u) << "a mapped row makes no read calls";
}

TEST_F(StorageModeTest, WithoutTheOptionNothingIsControlledOrWritten) {
  const harness::Measurement m = Run("serial:union-find-stream", {"--repetitions", "1"});
  EXPECT_EQ(m.storage, "");
  EXPECT_TRUE(m.resident_fractions.empty());
  EXPECT_EQ(m.bytes_read, StreamBytes());  // one pass, no degrees
  const std::string json = testing_support::ReadFile(Path("row.json"));
  EXPECT_THAT(json, testing::Not(HasSubstr("\"storage\"")));
  EXPECT_THAT(json, HasSubstr("\"bytes_read\""));
}

TEST_F(StorageModeTest, AnUnknownModeIsAnErrorOfUse) {
  const testing_support::CostRun run = testing_support::RunCost(
      {"run", "--impl", "serial:union-find", "--graph", Path("k9.cgraph"), "--storage", "ssd"},
      dir_);
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("--storage"));
}

TEST_F(StorageModeTest, AStreamingRowIsAdmittedWhereTheFileDoesNotFit) {
  // What serial:union-find (the CSR mapped) needs, from its refusal with next to nothing free.
  setenv("COST_FAKE_MEM_AVAILABLE", "1000", 1);
  const std::vector<std::string> mapped = {"run",
                                           "--impl",
                                           "serial:union-find",
                                           "--graph",
                                           Path("k9.cgraph"),
                                           "--json",
                                           Path("refused.json")};
  ASSERT_EQ(testing_support::RunCost(mapped, dir_).exit_code, 4);
  const std::string first = harness::ReadResultsFile(Path("refused.json")).measurements[0].message;
  const uint64_t needed = std::stoull(first.substr(first.find(" needs ") + 7));
  // A byte less: less than the file too, yet more than the streaming row holds.
  const uint64_t available = needed - 1;
  ASSERT_LT(available, info_.file_bytes);
  setenv("COST_FAKE_MEM_AVAILABLE", std::to_string(available).c_str(), 1);
  EXPECT_EQ(Run("serial:union-find-stream", {"--repetitions", "1"}).outcome, harness::Outcome::kOk);
  EXPECT_EQ(testing_support::RunCost(mapped, dir_).exit_code, 4);
  const harness::Measurement m = harness::ReadResultsFile(Path("refused.json")).measurements[0];
  EXPECT_EQ(m.outcome, harness::Outcome::kOutOfMemory);
  EXPECT_THAT(m.message, HasSubstr(Path("k9.cgraph") + ": serial:union-find needs " +
                                   std::to_string(needed) + " bytes"));
  EXPECT_THAT(m.message, HasSubstr("only " + std::to_string(available) +
                                   " bytes (0.00 GiB) are available (MemAvailable)"));
}

TEST_F(StorageModeTest, ASweepRunsEachRowOncePerStorageMode) {
  std::ofstream(Path("spec.json")) << R"({"datasets": [{"name": "k9", "graph": "k9.cgraph"}],
    "kernels": ["wcc"], "implementations": ["serial:union-find-stream"], "repetitions": 1,
    "storage": ["ram", "disk"], "cache_dir": "cache"})";
  const testing_support::CostRun run =
      testing_support::RunCost({"sweep", "spec.json", "--out", "results.json", "--quiet"}, dir_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const harness::ResultsFile results = harness::ReadResultsFile(Path("results.json"));
  ASSERT_EQ(results.measurements.size(), 2u);
  EXPECT_EQ(results.measurements[0].storage, "ram");
  EXPECT_EQ(results.measurements[1].storage, "disk");
  for (const harness::Measurement& m : results.measurements) {
    EXPECT_EQ(m.bytes_read, StreamBytes()) << m.storage;
    if (!tmpfs_) {
      EXPECT_EQ(m.outcome, harness::Outcome::kOk) << m.message;
    }
  }
}

// Limits measured before the sweep had disk rows (here: the suite's record without its disk
// figure) get the device's read rate, measured where the cache is, so disk rows have a limit.
TEST_F(StorageModeTest, ASweepWithDiskRowsAddsTheDiskRateToTheLimits) {
  const char* shared = std::getenv("COST_MACHINE_LIMITS");
  nlohmann::json limits;
  if (shared && std::filesystem::exists(shared)) {
    limits = nlohmann::json::parse(std::ifstream(shared));
    limits.erase("disk_read_bytes_per_second");
    limits.erase("disk_read_method");
    limits.erase("disk_dir");
    std::ofstream(Path("limits.json")) << limits.dump();
  }  // else the sweep measures the whole record
  const std::optional<std::string> saved =
      shared ? std::optional<std::string>(shared) : std::nullopt;
  setenv("COST_MACHINE_LIMITS", Path("limits.json").c_str(), 1);
  std::ofstream(Path("spec.json")) << R"({"datasets": [{"name": "k9", "graph": "k9.cgraph"}],
    "kernels": ["wcc"], "implementations": ["serial:union-find-stream"], "repetitions": 1,
    "storage": ["disk"], "cache_dir": "cache"})";
  const testing_support::CostRun run =
      testing_support::RunCost({"sweep", "spec.json", "--out", "results.json", "--quiet"}, dir_);
  if (saved) {
    setenv("COST_MACHINE_LIMITS", saved->c_str(), 1);
  } else {
    unsetenv("COST_MACHINE_LIMITS");
  }
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const nlohmann::json written = nlohmann::json::parse(std::ifstream(Path("limits.json")));
  EXPECT_GT(written.value("disk_read_bytes_per_second", 0.0), 0.0);
  EXPECT_EQ(written.value("disk_dir", std::string()), "cache");
  const harness::ResultsFile results = harness::ReadResultsFile(Path("results.json"));
  EXPECT_GT(results.machine["limits"].value("disk_read_bytes_per_second", 0.0), 0.0);
}

TEST_F(StorageModeTest, ASweepSpecNamesABadStorageField) {
  std::ofstream(Path("spec.json")) << R"({"datasets": [{"name": "k9", "graph": "k9.cgraph"}],
    "kernels": ["wcc"], "storage": ["ram", "tape"]})";
  const testing_support::CostRun run =
      testing_support::RunCost({"sweep", "spec.json", "--out", "results.json", "--quiet"}, dir_);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("storage"));
  EXPECT_THAT(run.err, HasSubstr("\"tape\""));
}

// The new fields round-trip; a row without them (an older file) reads as uncontrolled; a field of
// the wrong type or an unknown mode is an error naming it.
TEST(StorageFields, RoundTripAndOlderRows) {
  harness::Measurement plain;
  plain.median_seconds = 1.0;  // an ok row's median is a positive time, or no reader accepts it
  harness::Measurement m = plain;
  m.storage = "disk";
  m.resident_fractions = {0.0, 0.01};
  m.bytes_read = 123;
  m.passes = 3;
  m.device_bytes_read = 100;
  m.read_bytes_per_second = 1.5e9;
  const harness::Measurement back = harness::MeasurementFromJson(harness::ToJson(m));
  EXPECT_EQ(back.storage, "disk");
  EXPECT_EQ(back.resident_fractions, m.resident_fractions);
  EXPECT_EQ(back.bytes_read, 123u);
  EXPECT_EQ(back.passes, 3u);
  EXPECT_EQ(back.device_bytes_read, 100u);
  EXPECT_EQ(back.read_bytes_per_second, 1.5e9);
  nlohmann::json old = harness::ToJson(plain);
  EXPECT_FALSE(old.contains("storage"));
  EXPECT_FALSE(old.contains("bytes_read"));
  EXPECT_EQ(harness::MeasurementFromJson(old).storage, "");
  old["storage"] = "tape";
  EXPECT_THAT([&] { harness::MeasurementFromJson(old); },
              testing::ThrowsMessage<std::runtime_error>(HasSubstr("storage: unknown value")));
  old["storage"] = "ram";
  old["bytes_read"] = "many";
  EXPECT_THAT([&] { harness::MeasurementFromJson(old); },
              testing::ThrowsMessage<std::runtime_error>(HasSubstr("bytes_read")));
}

// A section larger than the residency check's mapping window (256 MiB) is counted window by
// window: a row under a memory cap cannot map its gigabytes twice. A sparse file's holes read as
// zero pages into the page cache, so the test needs no disk space.
TEST_F(StorageModeTest, ResidencyOfASectionLargerThanTheMappingWindow) {
  if (tmpfs_) GTEST_SKIP() << "tmpfs keeps its pages";
  const std::string path = Path("sparse.bin");
  const uint64_t bytes = uint64_t{600} << 20;
  std::ofstream(path).close();
  std::filesystem::resize_file(path, bytes);
  const std::vector<datasets::GraphFileSectionInfo> section = {
      {.kind = datasets::SectionKind::kOutTargets, .offset = 4096, .bytes = bytes - 8192}};
  EXPECT_GE(harness::PrepareStorage(harness::StorageMode::kRam, path, section, nullptr),
            harness::kMinResidentInRam);
  EXPECT_GE(harness::ResidentFraction(path, section), harness::kMinResidentInRam);
  EXPECT_LE(harness::PrepareStorage(harness::StorageMode::kDisk, path, section, nullptr),
            harness::kMaxResidentOnDisk);
  EXPECT_LE(harness::ResidentFraction(path, section), harness::kMaxResidentOnDisk);
}

}  // namespace
}  // namespace cost
