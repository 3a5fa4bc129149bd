// `cost dataset generate | convert | info` through the bounded-memory preparation, end to end:
// the same file at every budget, thread count and choice of sections as the in-memory build;
// the refusals with their numbers; nothing left behind by a failure or an interrupt.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "datasets/graph_file.h"
#include "datasets/kronecker.h"
#include "harness/core/format.h"
#include "tests/prepared_file_support.h"
#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;
using testing_support::RunCost;

class DatasetCliBudgetTest : public testing_support::ScratchDirTest {
 protected:
  std::vector<std::string> Files(const fs::path& dir) const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }
  // `cost dataset info --json FILE`, parsed; fails the test when it does not exit 0.
  nlohmann::json Info(const std::string& file) {
    const testing_support::CostRun run = RunCost({"dataset", "info", "--json", file}, dir_);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return nlohmann::json::parse(run.out, nullptr, false);
  }
};

// The two numbers of a refusal matching `pattern` (two groups of digits): {N, M}; {0, 0} when the
// message does not match.
std::pair<uint64_t, uint64_t> RefusalNumbers(const std::string& message,
                                             const std::string& pattern) {
  std::smatch m;
  if (!std::regex_search(message, m, std::regex(pattern))) {
    return {0, 0};
  }
  return {std::stoull(m[1]), std::stoull(m[2])};
}

TEST_F(DatasetCliBudgetTest, KroneckerMatchesTheInMemoryBuildAtEveryBudgetAndThreadCount) {
  const datasets::KroneckerOptions kron{.scale = 16, .edge_factor = 16, .seed = 1};
  const datasets::EdgeList edges = datasets::GenerateKronecker(kron);
  struct Case {
    std::string budget;  // "": the default
    std::string threads;
  };
  for (const std::string sections : {"csr,transpose", "csr,transpose,hilbert,compressed"}) {
    // Every budget and thread count with every section; the vertex-only file at fewer of them.
    std::vector<Case> cases = {{"4M", "2"}, {"", "1"}};
    if (sections != "csr,transpose") cases.insert(cases.end(), {{"4M", "1"}, {"16M", "2"}});
    const std::string reference = Path("reference.cgraph");
    testing_support::WriteReferenceFile(edges, true, datasets::ParsePreparedSections(sections),
                                        reference);
    const std::string expected =
        harness::Hex16(datasets::ReadGraphFileInfo(reference).content_checksum);
    for (const Case& c : cases) {
      SCOPED_TRACE(sections + " budget " + c.budget + " threads " + c.threads);
      std::vector<std::string> args = {"dataset", "generate", "kronecker",  "--scale", "16",
                                       "--seed",  "1",        "--sections", sections,  "--threads",
                                       c.threads, "-o",       "k.cgraph"};
      if (!c.budget.empty()) args.insert(args.end(), {"--memory-budget", c.budget});
      const testing_support::CostRun run = RunCost(args, dir_);
      ASSERT_EQ(run.exit_code, 0) << run.err;
      const nlohmann::json info = Info("k.cgraph");
      EXPECT_EQ(info["checksum"], expected);
      EXPECT_EQ(info["verified"], "yes (header, table and every section)");
      if (!c.budget.empty()) {
        EXPECT_EQ(info["metadata"]["memory_budget"], c.budget == "4M" ? 4 << 20 : 16 << 20);
      }
      testing_support::ExpectSameSections(reference, Path("k.cgraph"));
    }
  }
}

TEST_F(DatasetCliBudgetTest, RefusalsNameBothNumbersAndWriteNothing) {
  const testing_support::CostRun tiny = RunCost({"dataset", "generate", "kronecker", "--scale",
                                                 "16", "--memory-budget", "64K", "-o", "k.cgraph"},
                                                dir_);
  EXPECT_EQ(tiny.exit_code, 1);
  const auto [needed, budget] = RefusalNumbers(tiny.err, "needs ([0-9]+) bytes, budget ([0-9]+)");
  EXPECT_EQ(budget, 65536u) << tiny.err;
  EXPECT_GT(needed, budget) << tiny.err;

  setenv("COST_TEST_FREE_DISK_BYTES", "1000", 1);
  const testing_support::CostRun disk =
      RunCost({"dataset", "generate", "kronecker", "--scale", "16", "-o", "k.cgraph"}, dir_);
  unsetenv("COST_TEST_FREE_DISK_BYTES");
  EXPECT_EQ(disk.exit_code, 1);
  const auto [disk_needed, free] =
      RefusalNumbers(disk.err, "needs ([0-9]+) bytes on its filesystem[^,]*, ([0-9]+) free");
  EXPECT_EQ(free, 1000u) << disk.err;
  EXPECT_GT(disk_needed, free) << disk.err;

  const testing_support::CostRun bad =
      RunCost({"dataset", "generate", "grid", "--memory-budget", "lots", "-o", "g.cgraph"}, dir_);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("--memory-budget lots"), std::string::npos) << bad.err;
  EXPECT_TRUE(Files(dir_).empty());
}

TEST_F(DatasetCliBudgetTest, AFailedPreparationRemovesItsSpillFolder) {
  fs::create_directories(Path("tmp"));
  setenv("COST_TEST_PREPARE_HOOK", "fail-after-first-run", 1);
  const testing_support::CostRun run =
      RunCost({"dataset", "generate", "kronecker", "--scale", "16", "--memory-budget", "4M",
               "--tmp-dir", "tmp", "-o", "k.cgraph"},
              dir_);
  unsetenv("COST_TEST_PREPARE_HOOK");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("COST_TEST_PREPARE_HOOK"), std::string::npos) << run.err;
  EXPECT_EQ(Files(dir_), std::vector<std::string>{"tmp"});
  EXPECT_TRUE(Files(Path("tmp")).empty());
}

// SIGINT once the first run is spilled (the hook pauses there): exit 130, no output, no temp
// folder.
TEST_F(DatasetCliBudgetTest, AnInterruptedPreparationExits130AndLeavesNothing) {
  fs::create_directories(Path("tmp"));
  setenv("COST_TEST_PREPARE_HOOK", "pause-after-first-run", 1);
  const int null = open("/dev/null", O_WRONLY);
  const pid_t child =
      testing_support::SpawnCost({"dataset", "generate", "kronecker", "--scale", "16",
                                  "--memory-budget", "4M", "--tmp-dir", "tmp", "-o", "k.cgraph"},
                                 dir_, null, null);
  close(null);
  unsetenv("COST_TEST_PREPARE_HOOK");
  // The spill folder appears with the first run; then the child waits for the signal.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  bool spilled = false;
  while (!spilled && std::chrono::steady_clock::now() < deadline) {
    for (const auto& folder : fs::directory_iterator(Path("tmp"))) {
      for (const auto& file : fs::recursive_directory_iterator(folder.path())) {
        spilled = spilled || file.is_regular_file();
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(spilled);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  kill(child, SIGINT);
  EXPECT_EQ(testing_support::WaitForExit(child), 130);
  EXPECT_EQ(Files(dir_), std::vector<std::string>{"tmp"});
  EXPECT_TRUE(Files(Path("tmp")).empty());
}

}  // namespace
}  // namespace cost
