// The `cost` command line end to end: exit codes, files written, parsed JSON, error messages.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>

#include "harness/core/results.h"
#include "harness/prepare/dataset_cache.h"
#include "harness/run/implementations.h"
#include "harness/sweep/prepared_datasets.h"
#include "harness/sweep/spec.h"
#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;

using testing_support::CostRun;
using testing_support::ReadFile;

class CliTest : public testing_support::ScratchDirTest {
 protected:
  // Runs `cost ARGS...` with the working directory dir_.
  CostRun Cost(const std::vector<std::string>& args) {
    return testing_support::RunCost(args, dir_);
  }

  void GenerateSmallGraph(const std::string& name) {
    const CostRun r = Cost({"dataset", "generate", "kronecker", "--scale", "8", "--edge-factor",
                            "8", "-o", Path(name)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
};

TEST_F(CliTest, GenerateThenInfoAsJson) {
  GenerateSmallGraph("g.cgraph");
  const CostRun r = Cost({"dataset", "info", Path("g.cgraph"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json info = nlohmann::json::parse(r.out);
  EXPECT_EQ(info.at("num_vertices"), 256);
  EXPECT_TRUE(info.at("symmetric").get<bool>());
  EXPECT_EQ(info.at("metadata").at("source"), "kronecker");
  EXPECT_EQ(info.at("metadata").at("scale"), 8);
  EXPECT_GT(info.at("num_edges").get<uint64_t>(), 0u);
}

TEST_F(CliTest, RunWritesResultsAndValues) {
  GenerateSmallGraph("g.cgraph");
  const CostRun r =
      Cost({"run", "--impl", "openmp:pagerank", "--kernel", "pagerank", "--graph", Path("g.cgraph"),
            "--threads", "2", "--repetitions", "3", "--json", Path("r.json"), "--values",
            Path("v.txt"), "--benchmark-json", Path("gb.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const harness::ResultsFile results = harness::ReadResultsFile(Path("r.json"));
  ASSERT_EQ(results.measurements.size(), 1u);
  const harness::Measurement& m = results.measurements[0];
  EXPECT_EQ(m.outcome, harness::Outcome::kOk) << m.message;
  EXPECT_EQ(m.implementation, "openmp:pagerank");
  EXPECT_EQ(m.threads, 2);
  EXPECT_EQ(m.iterations, 20);
  EXPECT_EQ(m.repetition_seconds.size(), 3u);
  EXPECT_LE(m.min_seconds, m.median_seconds);
  EXPECT_LE(m.median_seconds, m.max_seconds);
  EXPECT_EQ(m.num_vertices, 256u);
  EXPECT_GT(m.peak_rss_bytes, 0u);
  EXPECT_TRUE(results.machine.contains("cpu_model"));
  EXPECT_TRUE(results.build.contains("git_revision"));
  // One "original-id rank" line per vertex, ranks summing to 1.
  std::istringstream values(ReadFile(Path("v.txt")));
  uint64_t id;
  double rank, total = 0;
  int lines = 0;
  while (values >> id >> rank) {
    total += rank;
    ++lines;
  }
  EXPECT_EQ(lines, 256);
  EXPECT_NEAR(total, 1.0, 1e-9);
  // Google Benchmark's own report: three repetitions plus its aggregates.
  const nlohmann::json gb = nlohmann::json::parse(ReadFile(Path("gb.json")));
  EXPECT_GE(gb.at("benchmarks").size(), 3u);
}

TEST_F(CliTest, RunRejectsBadRequests) {
  GenerateSmallGraph("g.cgraph");
  CostRun r = Cost({"run", "--impl", "nope:nothing", "--graph", Path("g.cgraph")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("unknown implementation 'nope:nothing'"));
  r = Cost(
      {"run", "--impl", "serial:union-find", "--kernel", "pagerank", "--graph", Path("g.cgraph")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("computes wcc, not pagerank"));
  r = Cost({"run", "--impl", "serial:pagerank", "--threads", "2", "--graph", Path("g.cgraph")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("single-threaded"));
  r = Cost({"run", "--impl", "serial:pagerank", "--graph", Path("missing.cgraph")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("missing.cgraph"));
}

TEST_F(CliTest, ConvertMalformedEdgeListFailsAndLeavesNoOutput) {
  std::ofstream(Path("bad.txt")) << "# comment\n1 2\n3 x4\n";
  const CostRun r = Cost({"dataset", "convert", Path("bad.txt"), "-o", Path("bad.cgraph")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("bad.txt:3:"));
  EXPECT_FALSE(fs::exists(Path("bad.cgraph")));
}

TEST_F(CliTest, ConvertLdbcGraphAndRunIt) {
  const std::string props = std::string(COST_SHARED_DIR) +
                            "/conformance/ldbc/test-wcc-directed/test-wcc-directed.properties";
  CostRun r = Cost({"dataset", "convert", props, "-o", Path("w.cgraph")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Cost({"run", "--impl", "serial:union-find", "--graph", Path("w.cgraph"), "--repetitions", "1",
            "--values", Path("w.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Two components (see the LDBC README); vertex 5 does not exist in this graph.
  std::istringstream values(ReadFile(Path("w.txt")));
  std::map<uint64_t, uint64_t> label;
  uint64_t id, l;
  while (values >> id >> l) label[id] = l;
  EXPECT_EQ(label.count(5), 0u);
  std::set<uint64_t> components;
  for (auto [v, c] : label) components.insert(c);
  EXPECT_EQ(components.size(), 2u);
}

TEST_F(CliTest, SweepWritesEveryRowOnceAndResumes) {
  std::ofstream(Path("spec.json")) << R"({
    "name": "tiny",
    "datasets": [{"name": "k8", "kronecker": {"scale": 8, "edge_factor": 4}}],
    "kernels": ["pagerank", "wcc"],
    "implementations": ["serial:pagerank", "serial:label-propagation", "serial:union-find",
                        "openmp:pagerank", "openmp:label-propagation"],
    "threads": [1, 2],
    "repetitions": 2,
    "cache_dir": "cache"
  })";
  CostRun r = Cost({"sweep", Path("spec.json"), "--out", Path("res.json"), "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  harness::ResultsFile results = harness::ReadResultsFile(Path("res.json"));
  // serial rows at 1 thread only: 3 serial + 2 threaded x 2 counts = 7 rows.
  ASSERT_EQ(results.measurements.size(), 7u);
  for (const auto& m : results.measurements) {
    EXPECT_EQ(m.outcome, harness::Outcome::kOk) << m.implementation << ": " << m.message;
    EXPECT_EQ(m.dataset, "k8");
    EXPECT_EQ(m.repetition_seconds.size(), 2u);
  }
  // Prepared into the dataset cache, under the name its recipe gives it.
  const harness::SweepSpec spec = harness::ReadSweepSpec(Path("spec.json"));
  EXPECT_TRUE(fs::exists(harness::CachePathOf(harness::RecipeOf(spec.datasets[0]), Path("cache"))));
  // Re-running without --resume refuses to touch the results.
  r = Cost({"sweep", Path("spec.json"), "--out", Path("res.json"), "--quiet"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("already exists"));
  // --resume finds every row done and adds none.
  r = Cost({"sweep", Path("spec.json"), "--out", Path("res.json"), "--resume", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(harness::ReadResultsFile(Path("res.json")).measurements.size(), 7u);
  // The report from those results.
  r = Cost({"report", Path("res.json"), "--out", Path("report")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(Path("report/report.md")));
  EXPECT_GT(fs::file_size(Path("report/pagerank-k8.svg")), 0u);
  // Rows from another build or machine cannot be resumed into (the file records one of each for
  // all its rows), and the file is left as it was.
  const nlohmann::json measured = nlohmann::json::parse(ReadFile(Path("res.json")));
  nlohmann::json other = measured;
  other["build"]["git_revision"] = "0123456789abcdef0123456789abcdef01234567";
  std::ofstream(Path("res.json"), std::ios::trunc) << other.dump(2);
  std::string before = ReadFile(Path("res.json"));
  r = Cost({"sweep", Path("spec.json"), "--out", Path("res.json"), "--resume", "--quiet"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("res.json: its rows were measured by build "
                               "0123456789abcdef0123456789abcdef01234567"));
  EXPECT_EQ(ReadFile(Path("res.json")), before);
  other = measured;
  other["machine"]["hostname"] = "elsewhere";
  std::ofstream(Path("res.json"), std::ios::trunc) << other.dump(2);
  before = ReadFile(Path("res.json"));
  r = Cost({"sweep", Path("spec.json"), "--out", Path("res.json"), "--resume", "--quiet"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("res.json: its rows were measured on another machine (elsewhere"));
  EXPECT_EQ(ReadFile(Path("res.json")), before);
}

TEST_F(CliTest, SweepSpecErrorsNameTheFileAndField) {
  std::ofstream(Path("spec.json")) << R"({"datasets": [{"name": "x", "graph": "x.cgraph"}],
                                          "kernels": ["pagerank", "triangles"]})";
  CostRun r = Cost({"sweep", Path("spec.json"), "--out", Path("res.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("spec.json: kernels: unknown kernel \"triangles\""));
  std::ofstream(Path("broken.json")) << "{ not json";
  r = Cost({"sweep", Path("broken.json"), "--out", Path("res.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("broken.json: not valid JSON"));
  EXPECT_FALSE(fs::exists(Path("res.json")));
}

TEST_F(CliTest, SystemsJsonListsTheTable) {
  const CostRun r = Cost({"systems", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json rows = nlohmann::json::parse(r.out);
  std::set<std::string> names;
  for (const auto& row : rows) {
    names.insert(row.at("name").get<std::string>());
    EXPECT_TRUE(row.contains("kernel") && row.contains("system") && row.contains("algorithm"));
    EXPECT_THAT(row.at("kind").get<std::string>(),
                testing::AnyOf("single-threaded", "threaded", "multiprocess"));
  }
  EXPECT_TRUE(names.count("serial:union-find"));
  EXPECT_TRUE(names.count("openmp:pagerank"));
}

// Each row's baseline role and slowness as the table holds them, and a few rows' known values:
// the paper's simple line is one row per kernel; Parallel BGL's rows are the slow ones.
TEST_F(CliTest, SystemsJsonGivesEveryRowsBaselineAndSlow) {
  const CostRun r =
      Cost({"systems", "--json", "--systems", std::string(COST_SOURCE_DIR) + "/harness/manifests"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json rows = nlohmann::json::parse(r.out);
  std::map<std::string, std::pair<std::string, bool>> by_name;
  std::map<std::string, int> simple_per_kernel;
  int external = 0;
  for (const auto& row : rows) {
    const std::string name = row.at("name").get<std::string>();
    const std::string baseline = row.at("baseline").get<std::string>();
    by_name[name] = {baseline, row.at("slow").get<bool>()};
    const harness::Implementation* impl = harness::FindImplementation(name);
    if (impl == nullptr) {  // declared by a manifest
      ++external;
      EXPECT_EQ(baseline, "none") << name;
      EXPECT_FALSE(row.at("slow").get<bool>()) << name;
      continue;
    }
    EXPECT_EQ(baseline, harness::BaselineRoleName(impl->baseline)) << name;
    EXPECT_EQ(row.at("slow").get<bool>(), impl->slow) << name;
    if (baseline == "simple") ++simple_per_kernel[row.at("kernel").get<std::string>()];
  }
  EXPECT_GT(external, 0);
  EXPECT_EQ(simple_per_kernel,
            (std::map<std::string, int>{{"bfs", 1}, {"pagerank", 1}, {"wcc", 1}}));
  using Fields = std::pair<std::string, bool>;
  EXPECT_EQ(by_name.at("serial:pagerank"), Fields("simple", false));
  EXPECT_EQ(by_name.at("serial:union-find-hilbert"), Fields("optimised", false));
  EXPECT_EQ(by_name.at("serial:bfs-direction-optimizing"), Fields("optimised", false));
  EXPECT_EQ(by_name.at("openmp:pagerank"), Fields("none", false));
  EXPECT_EQ(by_name.at("pbgl:wcc"), Fields("none", true));
  EXPECT_EQ(by_name.at("mpi:pagerank"), Fields("none", false));
  // The plain table succeeds too (its layout is for people, so only its exit code is checked).
  EXPECT_EQ(Cost({"systems"}).exit_code, 0);
}

TEST_F(CliTest, EveryCommandHasHelp) {
  for (std::vector<std::string> cmd : {std::vector<std::string>{"--help"},
                                       {"demo", "--help"},
                                       {"dataset", "--help"},
                                       {"dataset", "generate", "--help"},
                                       {"dataset", "convert", "--help"},
                                       {"dataset", "info", "--help"},
                                       {"systems", "--help"},
                                       {"run", "--help"},
                                       {"sweep", "--help"},
                                       {"report", "--help"},
                                       {"machine", "--help"}}) {
    const CostRun r = Cost(cmd);
    EXPECT_EQ(r.exit_code, 0) << cmd[0];
    EXPECT_THAT(r.out, HasSubstr("Usage:")) << cmd[0];
  }
  EXPECT_NE(Cost({}).exit_code, 0);  // a command is required
}

}  // namespace
}  // namespace cost
