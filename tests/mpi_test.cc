// The multiprocess rows (mpi:*, pbgl:*) run as a user runs them, `cost run --procs P`, i.e. under
// mpirun: with 1, 2 and 3 processes (3 oversubscribes a 2-core machine) every one must produce
// output that `cost run` validates against the independent reference (exit status 0) and that
// matches the serial row of its kernel on a generated directed graph (WCC then needs in-edges);
// with 3 processes (uneven rows, most cross-rank traffic) it must pass LDBC's reference output on
// every conformance graph listing its kernel. Each `cost run` starts mpirun (~0.5 s), so the
// cases are kept few for a 2-core CI machine. A rank that crashes or hangs must end the measurement
// with a recorded failure within its timeout. The rows come from the table, so a new
// multiprocess row is tested unchanged.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/graph_file.h"
#include "datasets/kronecker.h"
#include "datasets/ldbc_loader.h"
#include "harness/run/external_system.h"
#include "harness/core/results.h"
#include "harness/run/implementations.h"
#include "harness/run/validation.h"
#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;
using harness::Implementation;
using harness::Kernel;

std::vector<const Implementation*> MultiprocessRows() {
  std::vector<const Implementation*> rows;
  for (const Implementation& impl : harness::Implementations()) {
    if (impl.kind == harness::Kind::kMultiprocess) rows.push_back(&impl);
  }
  return rows;
}

// The serial row each kernel's output is compared with.
const Implementation& SerialRowOf(Kernel kernel) {
  const char* name = kernel == Kernel::kPageRank ? "serial:pagerank"
                     : kernel == Kernel::kWcc    ? "serial:union-find"
                                                 : "serial:bfs";
  return *harness::FindImplementation(name);
}

class MpiTest : public testing_support::ScratchDirTest {
 protected:
  // Writes `graph` as a prepared file in the scratch folder.
  std::string Prepare(const datasets::Graph& graph, const std::string& name) {
    const std::string path = Path(name + ".cgraph");
    datasets::WriteGraphFile(graph, "{}", path);
    return path;
  }

  // `cost run` of a multiprocess row; returns its one-row result (exit status in *exit_code).
  harness::Measurement Run(const Implementation& impl, const std::string& graph, int procs,
                           const std::vector<std::string>& extra, int* exit_code) {
    const std::string json = Path("row.json");
    fs::remove(json);
    std::vector<std::string> args = {"run",           std::string(impl.name),
                                     "--graph",       graph,
                                     "--procs",       std::to_string(procs),
                                     "--repetitions", "1",
                                     "--warmups",     "0",
                                     "--values",      Path("values.txt"),
                                     "--json",        json,
                                     "--quiet"};
    args.insert(args.begin() + 1, "--impl");
    args.insert(args.end(), extra.begin(), extra.end());
    const testing_support::CostRun run = testing_support::RunCost(args, dir_);
    *exit_code = run.exit_code;
    if (!fs::exists(json)) {
      ADD_FAILURE() << impl.name << ": no result written; " << run.err;
      return {};
    }
    return harness::ReadResultsFile(json).measurements.at(0);
  }
};

TEST_F(MpiTest, EveryRowMatchesTheSerialRowAtOneTwoAndThreeProcesses) {
  const datasets::EdgeList kron = datasets::GenerateKronecker({.scale = 9, .edge_factor = 8});
  const std::map<std::string, datasets::Graph> graphs = {
      {"kron9_directed", datasets::BuildGraph(kron, {.symmetrize = false})}};
  ASSERT_GE(MultiprocessRows().size(), 6u);
  for (const auto& [name, graph] : graphs) {
    const std::string path = Prepare(graph, name);
    for (const Implementation* impl : MultiprocessRows()) {
      const harness::RunParams params{.iterations = 20,
                                      .source = harness::DefaultBfsSource(graph)};
      const harness::Values serial =
          harness::RunInProcess(SerialRowOf(impl->kernel), graph, params);
      for (int procs : {1, 2, 3}) {
        const std::string where =
            std::string(impl->name) + " on " + name + " with " + std::to_string(procs) + " procs";
        int exit_code = -1;
        const harness::Measurement m = Run(*impl, path, procs, {}, &exit_code);
        EXPECT_EQ(exit_code, 0) << where << ": " << m.message;
        EXPECT_EQ(m.outcome, harness::Outcome::kOk) << where << ": " << m.message;
        EXPECT_EQ(m.procs, procs) << where;
        EXPECT_EQ(m.oversubscribed, procs > static_cast<int>(std::thread::hardware_concurrency()))
            << where;
        EXPECT_EQ(m.rank_peak_rss_bytes.size(), static_cast<size_t>(procs)) << where;
        EXPECT_EQ(m.repetition_seconds.size(), 1u) << where;
        const harness::Values values =
            harness::ReadExternalValues(Path("values.txt"), graph, impl->kernel);
        const harness::ValidationResult check =
            harness::ValidateValues(impl->kernel, serial, values);
        EXPECT_TRUE(check.ok) << where << ": " << check.message;
      }
    }
  }
}

// LDBC's reference output of `kernel` on `graph_name`, in dense-id order of `graph`.
harness::Values LdbcExpected(const std::string& dir, const std::string& graph_name,
                             const datasets::Graph& graph, Kernel kernel) {
  const std::string base = dir + "/" + graph_name + "/" + graph_name;
  if (kernel == Kernel::kPageRank) {
    const auto by_id = datasets::ReadVertexDoubles(base + "-PR");
    std::vector<double> values;
    for (uint64_t id : graph.original_ids) values.push_back(by_id.at(id));
    return values;
  }
  const auto by_id = datasets::ReadVertexInts(base + (kernel == Kernel::kWcc ? "-WCC" : "-BFS"));
  if (kernel == Kernel::kWcc) {
    std::vector<uint32_t> labels;  // equivalence only: renumber LDBC's labels densely
    std::map<int64_t, uint32_t> dense;
    for (uint64_t id : graph.original_ids) {
      labels.push_back(dense.emplace(by_id.at(id), dense.size()).first->second);
    }
    return labels;
  }
  std::vector<int64_t> depths;
  for (uint64_t id : graph.original_ids) depths.push_back(by_id.at(id));
  return depths;
}

TEST_F(MpiTest, EveryRowPassesTheLdbcConformanceGraphs) {
  const std::string dir = std::string(COST_SHARED_DIR) + "/conformance/ldbc";
  const std::map<Kernel, std::string> ldbc_names = {
      {Kernel::kPageRank, "pr"}, {Kernel::kWcc, "wcc"}, {Kernel::kBfs, "bfs"}};
  int cases = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    const std::string properties = dir + "/" + name + "/" + name + ".properties";
    if (!fs::is_regular_file(properties)) continue;
    const datasets::LdbcGraph ldbc = datasets::LoadLdbcGraph(properties);
    const datasets::Graph graph = datasets::BuildGraph(ldbc.edges, {.symmetrize = !ldbc.directed});
    const std::string path = Prepare(graph, name);
    for (const Implementation* impl : MultiprocessRows()) {
      if (std::ranges::find(ldbc.algorithms, ldbc_names.at(impl->kernel)) ==
          ldbc.algorithms.end()) {
        continue;
      }
      const harness::Values expected = LdbcExpected(dir, name, graph, impl->kernel);
      std::vector<std::string> extra = {"--iterations", std::to_string(ldbc.pr_iterations)};
      if (impl->kernel == Kernel::kBfs) {
        extra.insert(extra.end(), {"--source", std::to_string(ldbc.bfs_source)});
      }
      {
        const int procs = 3;  // see the top of the file
        const std::string where =
            std::string(impl->name) + " on " + name + " with " + std::to_string(procs) + " procs";
        int exit_code = -1;
        const harness::Measurement m = Run(*impl, path, procs, extra, &exit_code);
        EXPECT_EQ(exit_code, 0) << where << ": " << m.message;
        const harness::ValidationResult check = harness::ValidateValues(
            impl->kernel, expected,
            harness::ReadExternalValues(Path("values.txt"), graph, impl->kernel));
        EXPECT_TRUE(check.ok) << where << ": " << check.message;
        ++cases;
      }
    }
  }
  EXPECT_GT(cases, 0);
}

TEST_F(MpiTest, ACrashingRankIsRecordedAsCrashed) {
  const datasets::Graph graph =
      datasets::BuildGraph(datasets::GenerateKronecker({.scale = 6}), {.symmetrize = true});
  const std::string path = Prepare(graph, "k6");
  int exit_code = -1;
  const harness::Measurement m = Run(*harness::FindImplementation("mpi:union-find"), path, 2,
                                     {"--test-crash-rank", "1"}, &exit_code);
  EXPECT_EQ(m.outcome, harness::Outcome::kCrashed) << m.message;
  EXPECT_EQ(exit_code, 5);
  EXPECT_EQ(m.procs, 2);
}

TEST_F(MpiTest, AHangingRankEndsAsTimeoutWithinItsLimit) {
  const datasets::Graph graph =
      datasets::BuildGraph(datasets::GenerateKronecker({.scale = 6}), {.symmetrize = true});
  const std::string path = Prepare(graph, "k6");
  const auto start = std::chrono::steady_clock::now();
  int exit_code = -1;
  const harness::Measurement m =
      Run(*harness::FindImplementation("mpi:pagerank"), path, 2,
          {"--test-hang-rank", "1", "--timeout", "3"}, &exit_code);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(m.outcome, harness::Outcome::kTimeout) << m.message;
  EXPECT_NE(exit_code, 0);
  EXPECT_LT(seconds, 3 + 15);  // mpirun's limit plus its clean-up, never a hang
}

// A sweep with a "procs" dimension plans each multiprocess row once per process count (one
// thread per rank) and records it; a hanging rank costs only its row.
TEST_F(MpiTest, SweepRunsMultiprocessRowsPerProcessCount) {
  std::ofstream(dir_ / "spec.json") << R"({
    "datasets": [{"name": "k7", "kronecker": {"scale": 7, "edge_factor": 4}}],
    "kernels": ["wcc"],
    "implementations": ["serial:union-find", "mpi:union-find", "pbgl:wcc"],
    "threads": [1, 2],
    "procs": [1, 2],
    "repetitions": 1,
    "timeout_seconds": 60,
    "cache_dir": "cache"
  })";
  const testing_support::CostRun run = testing_support::RunCost(
      {"sweep", "spec.json", "--out", "results.json", "--quiet"}, dir_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::map<std::pair<std::string, int>, harness::Measurement> rows;
  const harness::ResultsFile results = harness::ReadResultsFile(Path("results.json"));
  for (const harness::Measurement& m : results.measurements) {
    rows[{m.implementation, m.procs}] = m;
    EXPECT_EQ(m.outcome, harness::Outcome::kOk) << m.implementation << ": " << m.message;
    EXPECT_EQ(m.threads, 1) << m.implementation;
  }
  EXPECT_EQ(rows.size(), 5u);  // serial once; each multiprocess row at 1 and 2 processes
  EXPECT_EQ(rows[std::make_pair("mpi:union-find", 2)].rank_peak_rss_bytes.size(), 2u);
  EXPECT_EQ(rows[std::make_pair("pbgl:wcc", 2)].kind, harness::Kind::kMultiprocess);
}

}  // namespace
}  // namespace cost
