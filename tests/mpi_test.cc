// The multiprocess rows (mpi:*, pbgl:*) run as a user runs them, `cost run --procs P`, i.e. under
// mpirun: with 1, 2 and 3 processes (3 oversubscribes a 2-core machine), and with 2 processes of
// 2 threads each, every one must produce output that `cost run` validates against the independent
// reference (exit status 0) and that matches the serial row of its kernel on a generated directed
// graph (WCC then needs in-edges), the same values at 2 threads as at 1; with 3 processes (uneven
// rows, most cross-rank traffic) it must pass LDBC's reference output on every conformance graph
// listing its kernel. Each `cost run` starts mpirun (~0.5 s), so the cases are kept few for a
// 2-core CI machine. A rank that crashes or hangs must end the measurement with a recorded
// failure within its timeout. The rows come from the table, so a new multiprocess row is tested
// unchanged. What each rank of cost_mpi sends is checked against counts made by hand on a drawn
// graph, from the report rank 0 prints (run directly under mpirun: the harness does not keep it).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/graph_file.h"
#include "datasets/kronecker.h"
#include "datasets/ldbc_loader.h"
#include "harness/core/results.h"
#include "harness/run/external_system.h"
#include "harness/run/implementations.h"
#include "harness/run/validation.h"
#include "tests/mpi_run_support.h"
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
  void SetUp() override {
    ScratchDirTest::SetUp();
    // Ranks here inherit this environment. With more threads than cores (2 procs x 2 threads on
    // two), OpenMP threads spinning at a barrier take the core a rank's peer needs, and every
    // barrier waits out time slices. The harness must pass the same when it oversubscribes.
    setenv("OMP_WAIT_POLICY", "passive", 1);
  }

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

// What a row on this one machine records per rank: its host (this one, for every rank), its
// threads, rows adding up to the graph's, what it sent; the transport between ranks is shared
// memory, and the prepared file was read on one host.
void ExpectOneHostRecord(const harness::Measurement& m, const Implementation& impl,
                         uint64_t num_vertices, const std::string& where) {
  const size_t procs = m.procs;
  ASSERT_EQ(m.rank_hosts.size(), procs) << where;
  for (const std::string& host : m.rank_hosts) EXPECT_EQ(host, m.rank_hosts[0]) << where;
  const int threads = impl.system == "pbgl" ? 1 : m.threads;
  EXPECT_EQ(m.rank_threads, std::vector<int>(procs, threads)) << where;
  ASSERT_EQ(m.rank_rows.size(), procs) << where;
  EXPECT_EQ(std::accumulate(m.rank_rows.begin(), m.rank_rows.end(), uint64_t{0}), num_vertices)
      << where;
  EXPECT_EQ(m.rank_bytes_sent.size(), procs) << where;
  EXPECT_EQ(m.rank_rounds.size(), procs) << where;
  EXPECT_EQ(m.rank_ghosts.size(), impl.system == "pbgl" ? 0u : procs) << where;
  EXPECT_EQ(m.transport, procs == 1 ? "self" : "vader") << where;
  EXPECT_EQ(m.graph_placement, "one-host") << where;
}

TEST_F(MpiTest, EveryRowMatchesTheSerialRowAtOneTwoAndThreeProcessesAndTwoThreads) {
  const datasets::EdgeList kron = datasets::GenerateKronecker({.scale = 9, .edge_factor = 8});
  const std::map<std::string, datasets::Graph> graphs = {
      {"kron9_directed", datasets::BuildGraph(kron, {.symmetrize = false})}};
  ASSERT_GE(MultiprocessRows().size(), 6u);
  for (const auto& [name, graph] : graphs) {
    const std::string path = Prepare(graph, name);
    for (const Implementation* impl : MultiprocessRows()) {
      const harness::RunParams params{.iterations = 20, .source = harness::DefaultBfsSource(graph)};
      const harness::Values serial =
          harness::RunInProcess(SerialRowOf(impl->kernel), graph, params);
      // (procs, threads per rank); 2 x 2 oversubscribes a 2-core machine (see SetUp).
      std::map<int, harness::Values> one_thread;  // by procs
      for (const auto& [procs, threads] : {std::pair{1, 1}, {2, 1}, {3, 1}, {2, 2}}) {
        const std::string where = std::string(impl->name) + " on " + name + " with " +
                                  std::to_string(procs) + " procs x " + std::to_string(threads) +
                                  " threads";
        int exit_code = -1;
        const harness::Measurement m =
            Run(*impl, path, procs, {"--threads", std::to_string(threads)}, &exit_code);
        EXPECT_EQ(exit_code, 0) << where << ": " << m.message;
        EXPECT_EQ(m.outcome, harness::Outcome::kOk) << where << ": " << m.message;
        EXPECT_EQ(m.procs, procs) << where;
        EXPECT_EQ(m.threads, threads) << where;
        EXPECT_EQ(m.oversubscribed,
                  procs * threads > static_cast<int>(std::thread::hardware_concurrency()))
            << where;
        EXPECT_EQ(m.rank_peak_rss_bytes.size(), static_cast<size_t>(procs)) << where;
        EXPECT_EQ(m.repetition_seconds.size(), 1u) << where;
        ExpectOneHostRecord(m, *impl, graph.num_vertices(), where);
        const harness::Values values =
            harness::ReadExternalValues(Path("values.txt"), graph, impl->kernel);
        const harness::ValidationResult check =
            harness::ValidateValues(impl->kernel, serial, values);
        EXPECT_TRUE(check.ok) << where << ": " << check.message;
        // Not only valid: the same values, to the last bit, at any thread count.
        if (threads == 1) one_thread[procs] = values;
        if (threads > 1) {
          EXPECT_TRUE(values == one_thread.at(procs)) << where;
        }
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
  const harness::Measurement m = Run(*harness::FindImplementation("mpi:pagerank"), path, 2,
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
    "rank_threads": [1, 2],
    "repetitions": 1,
    "timeout_seconds": 60,
    "cache_dir": "cache"
  })";
  const testing_support::CostRun run =
      testing_support::RunCost({"sweep", "spec.json", "--out", "results.json", "--quiet"}, dir_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::map<std::tuple<std::string, int, int>, harness::Measurement> rows;  // impl, procs, threads
  const harness::ResultsFile results = harness::ReadResultsFile(Path("results.json"));
  for (const harness::Measurement& m : results.measurements) {
    rows[{m.implementation, m.procs, m.threads}] = m;
    EXPECT_EQ(m.outcome, harness::Outcome::kOk) << m.implementation << ": " << m.message;
  }
  // serial once; mpi:union-find at procs [1, 2] x rank_threads [1, 2]; Parallel BGL's
  // single-threaded ranks at 1 and 2 processes only.
  EXPECT_EQ(rows.size(), 7u);
  const harness::Measurement& hybrid = rows[std::make_tuple("mpi:union-find", 2, 2)];
  EXPECT_EQ(hybrid.rank_peak_rss_bytes.size(), 2u);
  EXPECT_EQ(hybrid.rank_threads, (std::vector<int>{2, 2}));
  EXPECT_EQ(hybrid.cores(), 4);
  EXPECT_TRUE(rows.contains(std::make_tuple("mpi:union-find", 1, 2)));
  EXPECT_FALSE(rows.contains(std::make_tuple("pbgl:wcc", 2, 2)));
  EXPECT_EQ(rows[std::make_tuple("pbgl:wcc", 2, 1)].kind, harness::Kind::kMultiprocess);
}

// The drawn graph of the traffic tests (directed, n = 6, m = 7):
//
//     ┌─────────────┐
//     ▼             │
//     0 ───► 1 ───► 2          edges 0→1 0→3 1→2 2→0 2→4 3→4 4→5
//     │             │
//     ▼             ▼
//     3 ──────────► 4 ───► 5   (5 has no out-edges)
//
// Rows are split where out-edges + vertices reach r / P of 13 (partition.h):
//   P = 2: bounds 0 3 6. Rank 0 owns 0 1 2, ghosts 3 4 (both rank 1's); rank 1 owns 3 4 5, no
//          ghosts. Undirected (label propagation), rank 1 also reaches 0 and 2.
//   P = 3: bounds 0 2 3 6. Rank 0 owns 0 1, ghosts 2 (rank 1) and 3 (rank 2); rank 1 owns 2,
//          ghosts 0 (rank 0) and 4 (rank 2); rank 2 owns 3 4 5, no ghosts.
datasets::Graph DrawnGraph() {
  datasets::EdgeList edges;
  edges.num_vertices = 6;
  edges.src = {0, 0, 1, 2, 2, 3, 4};
  edges.dst = {1, 3, 2, 0, 4, 4, 5};
  return datasets::BuildGraph(edges, {.symmetrize = false});
}

struct RankTraffic {
  std::vector<uint64_t> bytes, messages, rounds;
};

class MpiTrafficTest : public MpiTest {
 protected:
  // Runs cost_mpi ALGORITHM at one thread per rank on the drawn graph; returns rank 0's report.
  nlohmann::json RunRanks(const std::string& algorithm, int procs,
                          const std::vector<std::string>& extra = {}) {
    const std::string graph = Prepare(DrawnGraph(), "drawn");
    std::vector<std::string> args = {"--algorithm",   algorithm, "--graph",   graph,
                                     "--threads",     "1",       "--warmups", "1",
                                     "--repetitions", "2"};
    args.insert(args.end(), extra.begin(), extra.end());
    const testing_support::ProgramRun run = testing_support::RunUnderMpirun(
        {"-np", std::to_string(procs), "--oversubscribe"}, "cost_mpi", args, dir_);
    EXPECT_EQ(run.exit_code, 0) << run.output;
    const nlohmann::json report = testing_support::FindRankReport(run.output);
    EXPECT_FALSE(report.is_discarded()) << run.output;
    return report;
  }

  static RankTraffic TrafficOf(const nlohmann::json& report) {
    if (report.is_discarded()) return {};
    return {report.at("rank_bytes_sent").get<std::vector<uint64_t>>(),
            report.at("rank_messages_sent").get<std::vector<uint64_t>>(),
            report.at("rank_rounds").get<std::vector<uint64_t>>()};
  }
};

using Counts = std::vector<uint64_t>;

// Per iteration, each rank sends one double per ghost to the ghost's owner (one message per owner
// it has ghosts of), and its dangling sum (8 bytes, one message) into the Allreduce: 2 rounds.
TEST_F(MpiTrafficTest, PageRankSendsGhostSumsAndOneAllreducePerIteration) {
  const std::vector<std::string> three = {"--iterations", "3"};
  const nlohmann::json two = RunRanks("pagerank", 2, three);
  ASSERT_FALSE(two.is_discarded());
  EXPECT_EQ(two.at("rank_rows").get<Counts>(), (Counts{3, 3}));
  EXPECT_EQ(two.at("rank_ghosts").get<Counts>(), (Counts{2, 0}));
  const RankTraffic p2 = TrafficOf(two);
  EXPECT_EQ(p2.bytes, (Counts{3 * (2 * 8 + 8), 3 * 8}));
  EXPECT_EQ(p2.messages, (Counts{3 * 2, 3 * 1}));
  EXPECT_EQ(p2.rounds, (Counts{3 * 2, 3 * 2}));

  const nlohmann::json three_ranks = RunRanks("pagerank", 3, three);
  ASSERT_FALSE(three_ranks.is_discarded());
  EXPECT_EQ(three_ranks.at("rank_rows").get<Counts>(), (Counts{2, 1, 3}));
  EXPECT_EQ(three_ranks.at("rank_ghosts").get<Counts>(), (Counts{2, 2, 0}));
  const RankTraffic p3 = TrafficOf(three_ranks);
  EXPECT_EQ(p3.bytes, (Counts{3 * (8 + 8 + 8), 3 * (8 + 8 + 8), 3 * 8}));
  EXPECT_EQ(p3.messages, (Counts{3 * 3, 3 * 3, 3 * 1}));
  EXPECT_EQ(p3.rounds, (Counts{6, 6, 6}));
}

// From 0 at P = 2, levels 0..3 (frontiers {0}, {1, 3}, {2, 4}, {5}); each level is an Alltoall
// of counts (4 bytes to the other rank), an Alltoallv of newly reached ghosts' positions (4 bytes
// each: rank 0 sends vertex 3 at level 0 and vertex 4 at level 2) and an Allreduce of the
// frontier size (8 bytes).
TEST_F(MpiTrafficTest, BfsSendsCountsReachedGhostsAndFrontierSizesPerLevel) {
  const RankTraffic t = TrafficOf(RunRanks("bfs", 2, {"--source", "0"}));
  EXPECT_EQ(t.bytes, (Counts{4 * (4 + 8) + 2 * 4, 4 * (4 + 8)}));
  EXPECT_EQ(t.messages, (Counts{4 * 2 + 2, 4 * 2}));
  EXPECT_EQ(t.rounds, (Counts{4 * 3, 4 * 3}));
}

// P = 2, each rank holding both ends' labels of its cut edges: every round an Alltoallv of the
// 2 labels the other rank reads (8 bytes) and an Allreduce of "changed" (4); the first round
// labels all six 0, the second finds nothing to change.
TEST_F(MpiTrafficTest, LabelPropagationSendsBoundaryLabelsEachRound) {
  const RankTraffic t = TrafficOf(RunRanks("label-propagation", 2));
  EXPECT_EQ(t.bytes, (Counts{2 * (8 + 4), 2 * (8 + 4)}));
  EXPECT_EQ(t.messages, (Counts{2 * 2, 2 * 2}));
  EXPECT_EQ(t.rounds, (Counts{4, 4}));
}

// P = 2: rank 1's set {3, 4, 5} meets rank 0's in 3 and 4; it sends its forest, the pair (4, 3)
// (8 bytes), up the tree, then its query count (4) and its one query (4) to rank 0, which answers
// with one root (4). Each side takes 4 rounds: the merge step, Gather, Gatherv, Scatterv.
TEST_F(MpiTrafficTest, UnionFindSendsOnlyTheSharedForest) {
  const RankTraffic t = TrafficOf(RunRanks("union-find", 2));
  EXPECT_EQ(t.bytes, (Counts{4, 8 + 4 + 4}));
  EXPECT_EQ(t.messages, (Counts{1, 3}));
  EXPECT_EQ(t.rounds, (Counts{4, 4}));
}

// Threads come from --threads, else OMP_NUM_THREADS (what `cost run --threads T` passes), else
// one: a rank never takes every core unasked.
TEST_F(MpiTrafficTest, RanksUseTheThreadsTheyAreGiven) {
  const std::string graph = Prepare(DrawnGraph(), "drawn");
  const std::vector<std::string> args = {"--algorithm", "union-find", "--graph", graph};
  unsetenv("OMP_NUM_THREADS");
  for (const auto& [mpirun_args, threads] :
       {std::pair<std::vector<std::string>, uint64_t>{{"-np", "2"}, 1},
        {{"-np", "2", "--bind-to", "none", "-x", "OMP_NUM_THREADS=2"}, 2}}) {
    const testing_support::ProgramRun run =
        testing_support::RunUnderMpirun(mpirun_args, "cost_mpi", args, dir_);
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const nlohmann::json report = testing_support::FindRankReport(run.output);
    ASSERT_FALSE(report.is_discarded()) << run.output;
    EXPECT_EQ(report.at("rank_threads").get<Counts>(), (Counts{threads, threads}));
    EXPECT_EQ(report.at("rank_hosts").size(), 2u);
  }
}

// Parallel BGL sends through its own process group, counted at the MPI interface
// (parallel/mpi/pmpi_traffic.h): something to the other rank at P = 2, nothing at P = 1, where
// its synchronisation rounds still show.
TEST_F(MpiTrafficTest, ParallelBglTrafficIsCountedAtTheMpiInterface) {
  const std::string graph = Prepare(DrawnGraph(), "drawn");
  for (const std::string algorithm : {"pagerank", "wcc"}) {
    for (const int procs : {1, 2}) {
      const testing_support::ProgramRun run =
          testing_support::RunUnderMpirun({"-np", std::to_string(procs)}, "cost_pbgl",
                                          {"--algorithm", algorithm, "--graph", graph}, dir_);
      ASSERT_EQ(run.exit_code, 0) << run.output;
      const RankTraffic t = TrafficOf(testing_support::FindRankReport(run.output));
      ASSERT_EQ(t.bytes.size(), static_cast<size_t>(procs)) << algorithm;
      for (int r = 0; r < procs; ++r) {
        EXPECT_EQ(t.bytes[r] > 0, procs > 1) << algorithm << " rank " << r;
        EXPECT_EQ(t.messages[r] > 0, procs > 1) << algorithm << " rank " << r;
        EXPECT_GT(t.rounds[r], 0u) << algorithm << " rank " << r;
      }
    }
  }
}

// Every MPI function that moves data and that cost_pbgl or the Boost libraries it loads may call
// is defined by cost_pbgl itself (so that those libraries' calls reach the counting), and
// exported for them.
TEST_F(MpiTrafficTest, ParallelBglMovesDataOnlyThroughInterposedCalls) {
  const std::string program = testing_support::MpiProgram("cost_pbgl");
  const auto symbols = [&](const std::string& command) {
    const testing_support::ProgramRun run =
        testing_support::RunProgram({"sh", "-c", command}, dir_);
    EXPECT_EQ(run.exit_code, 0) << command << ": " << run.output;
    std::set<std::string> names;
    std::istringstream words(run.output);
    for (std::string word; words >> word;) {
      if (word.rfind("MPI_", 0) == 0) names.insert(word);
    }
    return names;
  };
  const std::set<std::string> imported =
      symbols("for f in " + program + " $(ldd " + program + " | grep -o '/[^ ]*boost[^ ]*'); do " +
              "nm -D --undefined-only \"$f\"; done");
  const std::set<std::string> defined = symbols("nm -D --defined-only " + program);
  ASSERT_GT(imported.size(), 10u);
  const std::set<std::string> moving = {"MPI_Send",
                                        "MPI_Ssend",
                                        "MPI_Bsend",
                                        "MPI_Rsend",
                                        "MPI_Isend",
                                        "MPI_Issend",
                                        "MPI_Ibsend",
                                        "MPI_Irsend",
                                        "MPI_Sendrecv",
                                        "MPI_Sendrecv_replace",
                                        "MPI_Start",
                                        "MPI_Startall",
                                        "MPI_Barrier",
                                        "MPI_Bcast",
                                        "MPI_Gather",
                                        "MPI_Gatherv",
                                        "MPI_Scatter",
                                        "MPI_Scatterv",
                                        "MPI_Allgather",
                                        "MPI_Allgatherv",
                                        "MPI_Alltoall",
                                        "MPI_Alltoallv",
                                        "MPI_Alltoallw",
                                        "MPI_Reduce",
                                        "MPI_Allreduce",
                                        "MPI_Reduce_scatter",
                                        "MPI_Reduce_scatter_block",
                                        "MPI_Scan",
                                        "MPI_Exscan",
                                        "MPI_Ibarrier",
                                        "MPI_Ibcast",
                                        "MPI_Igather",
                                        "MPI_Igatherv",
                                        "MPI_Iscatter",
                                        "MPI_Iscatterv",
                                        "MPI_Iallgather",
                                        "MPI_Iallgatherv",
                                        "MPI_Ialltoall",
                                        "MPI_Ialltoallv",
                                        "MPI_Ialltoallw",
                                        "MPI_Ireduce",
                                        "MPI_Iallreduce",
                                        "MPI_Ireduce_scatter",
                                        "MPI_Ireduce_scatter_block",
                                        "MPI_Iscan",
                                        "MPI_Iexscan",
                                        "MPI_Neighbor_allgather",
                                        "MPI_Neighbor_allgatherv",
                                        "MPI_Neighbor_alltoall",
                                        "MPI_Neighbor_alltoallv",
                                        "MPI_Neighbor_alltoallw",
                                        "MPI_Ineighbor_allgather",
                                        "MPI_Ineighbor_allgatherv",
                                        "MPI_Ineighbor_alltoall",
                                        "MPI_Ineighbor_alltoallv",
                                        "MPI_Ineighbor_alltoallw",
                                        "MPI_Put",
                                        "MPI_Get",
                                        "MPI_Accumulate",
                                        "MPI_Get_accumulate",
                                        "MPI_Fetch_and_op",
                                        "MPI_Compare_and_swap",
                                        "MPI_Rput",
                                        "MPI_Rget",
                                        "MPI_Raccumulate",
                                        "MPI_Rget_accumulate"};
  for (const std::string& name : imported) {
    if (moving.contains(name)) {
      EXPECT_TRUE(defined.contains(name)) << name << " is not counted";
    }
  }
}

}  // namespace
}  // namespace cost
