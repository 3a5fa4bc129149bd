// The multiprocess rows across machines: a two-host test cluster on this machine
// (harness/scripts/test-cluster.sh: network namespaces with their own hostnames, TCP only), brought
// up for each test and always torn down after it. Every mpi:* and pbgl:* row must validate when
// `cost run --procs 2 --hostfile H` places one rank on each host; the ranks must report the two
// hosts, what they count as sent must have crossed the hosts' links, and Open MPI must have
// connected them with tcp; a rank killed on one host must end the row as crashed with nothing
// left running on either host. Needs root and network namespaces: elsewhere every test is
// skipped, saying why. Tests that use the cluster take a lock first, so runs in parallel (ctest
// -j, or another checkout) wait for each other instead of sharing it.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/graph_file.h"
#include "datasets/kronecker.h"
#include "harness/core/results.h"
#include "harness/run/implementations.h"
#include "tests/mpi_run_support.h"
#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;
using testing_support::ProgramRun;
using testing_support::RunProgram;

constexpr char kCluster[] = "ctest";
constexpr char kSubnet[] = "10.77.250";  // not the script's default, which a user may be using
const std::vector<std::string> kHosts = {"ctest-h1", "ctest-h2"};

// "key=value key=value" words of one line.
std::map<std::string, std::string> Fields(const std::string& line) {
  std::map<std::string, std::string> fields;
  std::istringstream words(line);
  std::string word;
  while (words >> word) {
    const size_t eq = word.find('=');
    if (eq != std::string::npos) fields[word.substr(0, eq)] = word.substr(eq + 1);
  }
  return fields;
}

class ClusterTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    if (geteuid() != 0) GTEST_SKIP() << "needs root (network namespaces, links, mounts)";
    const ProgramRun probe = RunProgram({"unshare", "--net", "--uts", "true"}, dir_);
    if (probe.exit_code != 0) {
      GTEST_SKIP() << "network namespaces cannot be made here: " << probe.output;
    }
    if (RunProgram({"sh", "-c", "command -v mpirun && command -v ip"}, dir_).exit_code != 0) {
      GTEST_SKIP() << "mpirun (openmpi-bin) or ip (iproute2) is not installed";
    }
    fs::create_directories("/run/cost-cluster");
    lock_fd_ = open("/run/cost-cluster/ctest.tests.lock", O_RDWR | O_CREAT, 0644);
    ASSERT_GE(lock_fd_, 0);
    ASSERT_EQ(flock(lock_fd_, LOCK_EX), 0);
    const ProgramRun up = Script({"up", "2"});
    ASSERT_EQ(up.exit_code, 0) << up.output;
    hostfile_ = "/run/cost-cluster/ctest/hostfile";
    UseClusterEnvironment();
  }

  void TearDown() override {
    if (lock_fd_ >= 0) {
      const ProgramRun down = Script({"down"});
      EXPECT_EQ(down.exit_code, 0) << down.output;
      for (const auto& [name, value] : saved_env_) {
        if (value) {
          setenv(name.c_str(), value->c_str(), 1);
        } else {
          unsetenv(name.c_str());
        }
      }
      close(lock_fd_);
    }
    ScratchDirTest::TearDown();
  }

  ProgramRun Script(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"bash",     COST_SOURCE_DIR "/harness/scripts/test-cluster.sh",
                                     "--name",   kCluster,
                                     "--subnet", kSubnet};
    argv.insert(argv.end(), args.begin(), args.end());
    return RunProgram(argv, dir_);
  }

  // The cluster's MCA settings (its env file's "export K=V" lines) in this process, which the
  // `cost` and mpirun it starts inherit.
  void UseClusterEnvironment() {
    std::istringstream lines(testing_support::ReadFile("/run/cost-cluster/ctest/env"));
    std::string line;
    while (std::getline(lines, line)) {
      if (line.rfind("export ", 0) != 0) continue;
      const size_t eq = line.find('=');
      const std::string name = line.substr(7, eq - 7);
      const char* old = std::getenv(name.c_str());
      saved_env_.emplace(name, old ? std::optional<std::string>(old) : std::nullopt);
      setenv(name.c_str(), line.substr(eq + 1).c_str(), 1);
    }
    ASSERT_NE(std::getenv("OMPI_MCA_plm_rsh_agent"), nullptr);
  }

  std::string Prepare(int scale) {
    const datasets::EdgeList kron = datasets::GenerateKronecker({.scale = scale, .edge_factor = 8});
    const std::string path = Path("kron" + std::to_string(scale) + ".cgraph");
    datasets::WriteGraphFile(datasets::BuildGraph(kron, {.symmetrize = false}), "{}", path);
    return path;
  }

  // `cost run` of a row on the two hosts; its one-row result (exit status in *exit_code).
  harness::Measurement RunRow(const std::string& impl, const std::string& graph,
                              const std::vector<std::string>& extra, int* exit_code) {
    const std::string json = Path("row.json");
    fs::remove(json);
    std::vector<std::string> args = {
        "run",     "--impl", impl, "--graph",       graph, "--procs",   "2", "--hostfile",
        hostfile_, "--json", json, "--repetitions", "1",   "--warmups", "0", "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    const testing_support::CostRun run = testing_support::RunCost(args, dir_);
    *exit_code = run.exit_code;
    if (!fs::exists(json)) {
      ADD_FAILURE() << impl << ": no result written; " << run.err;
      return {};
    }
    return harness::ReadResultsFile(json).measurements.at(0);
  }

  // Bytes each host has sent on its link so far (`test-cluster.sh counters`).
  std::map<std::string, uint64_t> SentBytes() {
    const ProgramRun run = Script({"counters"});
    EXPECT_EQ(run.exit_code, 0) << run.output;
    std::map<std::string, uint64_t> sent;
    std::istringstream lines(run.output);
    std::string line;
    while (std::getline(lines, line)) {
      const auto fields = Fields(line);
      if (fields.contains("host")) sent[fields.at("host")] = std::stoull(fields.at("sent_bytes"));
    }
    return sent;
  }

  int lock_fd_ = -1;
  std::string hostfile_;
  std::map<std::string, std::optional<std::string>> saved_env_;
};

TEST_F(ClusterTest, EveryMultiprocessRowValidatesWithOneRankOnEachHost) {
  const std::string graph = Prepare(8);
  std::vector<std::pair<std::string, std::vector<std::string>>> rows;
  for (const harness::Implementation& impl : harness::Implementations()) {
    if (impl.kind == harness::Kind::kMultiprocess) rows.push_back({std::string(impl.name), {}});
  }
  ASSERT_GE(rows.size(), 6u);
  rows.push_back({"mpi:pagerank", {"--threads", "2"}});  // hybrid ranks across hosts
  for (const auto& [impl, extra] : rows) {
    int exit_code = -1;
    const harness::Measurement m = RunRow(impl, graph, extra, &exit_code);
    EXPECT_EQ(exit_code, 0) << impl << ": " << m.message;
    EXPECT_EQ(m.outcome, harness::Outcome::kOk) << impl << ": " << m.message;
    EXPECT_EQ(m.procs, 2) << impl;
    EXPECT_EQ(m.rank_peak_rss_bytes.size(), 2u) << impl;
    // What crossed, recorded in the row: the hosts, the transport, the file's placement.
    EXPECT_EQ(m.rank_hosts, kHosts) << impl;
    EXPECT_EQ(m.transport, "tcp") << impl;
    EXPECT_EQ(m.graph_placement, "shared") << impl;  // one file that both hosts see
    EXPECT_EQ(m.rank_rows.size(), 2u) << impl;
    EXPECT_EQ(m.rank_bytes_sent.size(), 2u) << impl;
    EXPECT_EQ(m.rank_threads, std::vector<int>(2, m.system == "pbgl" ? 1 : m.threads)) << impl;
  }
}

// A host whose copy of the prepared file differs (here a different graph mounted over the path
// on the second host only) is refused before any kernel runs, naming the host; an identical
// per-host copy runs and is recorded as one.
TEST_F(ClusterTest, AHostWhosePreparedFileDiffersIsRefused) {
  const std::string graph = Prepare(8);
  const std::string other = Prepare(7);
  ASSERT_EQ(Script({"mount", kHosts[1], other, graph}).exit_code, 0);
  for (const std::string impl : {"mpi:pagerank", "pbgl:wcc"}) {
    int exit_code = -1;
    const harness::Measurement m = RunRow(impl, graph, {}, &exit_code);
    EXPECT_EQ(m.outcome, harness::Outcome::kFailedToStart) << impl << ": " << m.message;
    EXPECT_EQ(exit_code, 6) << impl;
    EXPECT_EQ(m.message.rfind("refused: the prepared file " + graph + " differs between hosts", 0),
              0u)
        << impl << ": " << m.message;
    EXPECT_NE(m.message.find(kHosts[1] + " (xxh64 "), std::string::npos) << m.message;
    EXPECT_EQ(m.message.find(kHosts[0] + " (xxh64 "), std::string::npos) << m.message;
    EXPECT_EQ(m.graph_placement, "per-host-copies") << impl;
    EXPECT_TRUE(m.repetition_seconds.empty()) << impl;
  }

  const std::string copy = Path("copy.cgraph");
  fs::copy_file(graph, copy);
  ASSERT_EQ(Script({"mount", kHosts[1], "off"}).exit_code, 0);
  ASSERT_EQ(Script({"mount", kHosts[1], copy, graph}).exit_code, 0);
  int exit_code = -1;
  const harness::Measurement m = RunRow("mpi:union-find", graph, {}, &exit_code);
  EXPECT_EQ(exit_code, 0) << m.message;
  EXPECT_EQ(m.outcome, harness::Outcome::kOk) << m.message;
  EXPECT_EQ(m.graph_placement, "per-host-copies");
}

// What the ranks count as sent must have crossed the links: each host's link carries at least
// its rank's counted bytes for every kernel call (shared memory between the namespaces would
// leave the links with the launch's few kilobytes).
TEST_F(ClusterTest, RanksRunOnBothHostsAndWhatTheySendCrossesTheLinks) {
  const std::string graph = Prepare(12);
  const int calls = 3;  // --warmups 1 --repetitions 2
  for (const std::string program : {"cost_mpi", "cost_pbgl"}) {
    const std::map<std::string, uint64_t> before = SentBytes();
    const ProgramRun run = testing_support::RunUnderMpirun(
        {"-np", "2", "--hostfile", hostfile_}, program,
        {"--algorithm", "pagerank", "--graph", graph, "--warmups", "1", "--repetitions", "2"},
        dir_);
    const std::map<std::string, uint64_t> after = SentBytes();
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const nlohmann::json report = testing_support::FindRankReport(run.output);
    ASSERT_FALSE(report.is_discarded()) << run.output;
    EXPECT_EQ(report.at("rank_hosts").get<std::vector<std::string>>(), kHosts) << program;
    const auto bytes = report.at("rank_bytes_sent").get<std::vector<uint64_t>>();
    ASSERT_EQ(bytes.size(), 2u) << program;
    for (int r = 0; r < 2; ++r) {
      const std::string& host = kHosts[r];
      EXPECT_GT(bytes[r], 100000u) << program << " " << host;  // so that the check below bites
      EXPECT_GE(after.at(host) - before.at(host), calls * bytes[r]) << program << " " << host;
    }
  }

  const ProgramRun transport =
      Script({"transport", testing_support::MpiProgram("cost_mpi"), "--algorithm", "pagerank",
              "--graph", graph, "--repetitions", "1", "--warmups", "0"});
  ASSERT_EQ(transport.exit_code, 0) << transport.output;
  std::map<std::pair<std::string, std::string>, std::string> btl;
  std::istringstream lines(transport.output);
  std::string line;
  while (std::getline(lines, line)) {
    const auto fields = Fields(line);
    if (fields.contains("from")) btl[{fields.at("from"), fields.at("to")}] = fields.at("btl");
  }
  EXPECT_EQ(btl[std::make_pair(kHosts[0], kHosts[1])], "tcp");
  EXPECT_EQ(btl[std::make_pair(kHosts[1], kHosts[0])], "tcp");
}

TEST_F(ClusterTest, ARankKilledOnOneHostEndsTheRowAsCrashed) {
  const std::string graph = Prepare(6);
  int exit_code = -1;
  const harness::Measurement m =
      RunRow("mpi:union-find", graph, {"--test-crash-rank", "1"}, &exit_code);
  EXPECT_EQ(m.outcome, harness::Outcome::kCrashed) << m.message;
  EXPECT_EQ(exit_code, 5);
  // Nothing of the job stays behind on either host (mpirun ends its daemons before it exits;
  // allow them a moment to go).
  for (const std::string& host : kHosts) {
    std::string pids = "?";
    for (int i = 0; i < 50 && !pids.empty(); ++i) {
      pids = RunProgram({"ip", "netns", "pids", host}, dir_).output;
      if (!pids.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_EQ(pids, "") << host;
  }
}

}  // namespace
}  // namespace cost
