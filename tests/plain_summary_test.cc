// The plain-language summary (harness/analysis/plain_summary.h) on a fixed COST table: the
// sentence for each group names the best single thread and says of each parallel row whether
// and from where it beats it.
#include "harness/analysis/plain_summary.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cost::harness {
namespace {

Measurement Row(Kernel kernel, const std::string& implementation, Kind kind, int threads,
                double median) {
  Measurement m;
  m.kernel = kernel;
  m.dataset = "kron-10";
  m.implementation = implementation;
  m.algorithm = implementation.substr(implementation.find(':') + 1);
  m.kind = kind;
  m.threads = threads;
  m.repetitions = 5;
  m.median_seconds = median;
  m.min_seconds = median * 0.99;
  m.max_seconds = median * 1.01;
  m.cv = 0.005;
  return m;
}

// PageRank: the optimised thread (1.0 s) beats the simple one (3.0 s); openmp:pagerank-hilbert
// beats the optimised one at 2 threads, openmp:pagerank never does. WCC: openmp:afforest beats
// it from 2 threads; mpi:union-find timed out. BFS: no single thread succeeded.
std::vector<Measurement> Fixture() {
  const Kind kSingle = Kind::kSingleThreaded, kThreaded = Kind::kThreaded;
  std::vector<Measurement> rows = {
      Row(Kernel::kPageRank, "serial:pagerank", kSingle, 1, 3.0),
      Row(Kernel::kPageRank, "serial:pagerank-hilbert-float", kSingle, 1, 1.0),
      Row(Kernel::kPageRank, "openmp:pagerank", kThreaded, 1, 3.2),
      Row(Kernel::kPageRank, "openmp:pagerank", kThreaded, 2, 1.3),
      Row(Kernel::kPageRank, "openmp:pagerank-hilbert", kThreaded, 1, 1.1),
      Row(Kernel::kPageRank, "openmp:pagerank-hilbert", kThreaded, 2, 0.6),
      Row(Kernel::kWcc, "serial:afforest", kSingle, 1, 0.20),
      Row(Kernel::kWcc, "openmp:afforest", kThreaded, 1, 0.25),
      Row(Kernel::kWcc, "openmp:afforest", kThreaded, 2, 0.12),
      Row(Kernel::kWcc, "mpi:union-find", Kind::kMultiprocess, 1, 0),
      Row(Kernel::kBfs, "serial:bfs", kSingle, 1, 0),
      Row(Kernel::kBfs, "openmp:bfs-direction-optimizing", kThreaded, 2, 0.1),
  };
  rows[9].outcome = Outcome::kTimeout;
  rows[10].outcome = Outcome::kCrashed;
  return rows;
}

TEST(PlainSummaryTest, SaysOfEachParallelRowWhetherAndWhereItBeatsTheBestSingleThread) {
  const std::vector<std::string> lines = PlainSummary(ComputeCostTable(Fixture()));
  ASSERT_EQ(lines.size(), 3u);
  // Groups in the COST table's order: bfs, pagerank, wcc.
  EXPECT_EQ(lines[0], "bfs on kron-10: no single-threaded row succeeded, so nothing has a COST.");
  EXPECT_EQ(lines[1],
            "pagerank on kron-10: the best single thread is serial:pagerank-hilbert-float "
            "(1.00 s); openmp:pagerank never does (best 1.30x slower); openmp:pagerank-hilbert "
            "beats it from 2 cores.");
  EXPECT_EQ(lines[2],
            "wcc on kron-10: the best single thread is serial:afforest (0.200 s); "
            "mpi:union-find failed (timeout); openmp:afforest beats it from 2 cores.");
}

TEST(PlainSummaryTest, AGroupWithoutParallelRowsSaysSo) {
  const std::vector<std::string> lines = PlainSummary(
      ComputeCostTable({Row(Kernel::kWcc, "serial:union-find", Kind::kSingleThreaded, 1, 2.0)}));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0],
            "wcc on kron-10: the best single thread is serial:union-find (2.00 s); no parallel "
            "row ran.");
}

TEST(PlainSummaryTest, AVerdictWithinTheNoiseSaysSo) {
  CostEntry e;
  e.implementation = "graphblas:wcc";
  e.kind = Kind::kThreaded;
  e.status = CostStatus::kNotSeparable;
  e.cost_cores = 2;
  e.ratio = 0.98;
  EXPECT_EQ(VerdictInWords(e),
            "graphblas:wcc is within the noise of it (0.98x its time, at 2 cores)");
}

}  // namespace
}  // namespace cost::harness
