// cost_mpi: the MPI kernels as one executable, run by the harness as
//   mpirun -np P cost_mpi --algorithm pagerank|label-propagation|union-find|bfs --graph FILE ...
// Every rank maps only its own rows of the prepared file (memory per rank ~ 1/P of the graph),
// builds its local view, runs the timed repetitions with its OpenMP threads, and rank 0 writes
// the gathered values and prints one JSON report line, with what every rank sent in the last
// timed repetition. Options: rank_driver.h.
#include <mpi.h>

#include <chrono>
#include <stdexcept>

#include "datasets/graph_file_part.h"
#include "parallel/mpi/counting_comm.h"
#include "parallel/mpi/file_check.h"
#include "parallel/mpi/local_view.h"
#include "parallel/mpi/mpi_kernels.h"
#include "parallel/mpi/partition.h"
#include "parallel/mpi/rank_driver.h"

namespace cost::parallel::mpi {
namespace {

// Times kernel(comm) and reports; comm's traffic is cleared before every call, so what it holds
// afterwards is the last timed repetition's.
template <typename Values>
void TimeAndReport(const RankOptions& options, RunReport* report,
                   const std::function<Values(CountingComm&)>& kernel, MPI_Comm raw) {
  CountingComm comm = MakeCountingComm(raw);
  Values values;
  report->repetition_seconds = TimeRepetitions(
      options,
      [&] {
        comm.traffic = {};
        values = kernel(comm);
      },
      raw);
  report->traffic = comm.traffic;
  WriteGatheredValues(values, options, raw);
  PrintReport(*report, raw);
}

// The rank's part of the graph as the algorithm reads it, and the time taken to build it.
struct RankGraph {
  LocalView view;
  LocalTranspose in;  // pagerank only
};

RankGraph PartitionGraph(const RankOptions& options, int threads, RunReport* report,
                         MPI_Comm comm) {
  int rank = 0, ranks = 1;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &ranks);
  const std::string& a = options.algorithm;
  const double start = MPI_Wtime();
  const Partition partition = PartitionByEdges(options.graph, ranks);
  const bool undirected = a == "label-propagation";
  RankGraph graph;
  {
    // The mapped rows are only read while building the view; unmapping them afterwards leaves
    // the view (local ids, 4 bytes an edge) as the rank's copy of its graph.
    const datasets::GraphPart part = datasets::MapGraphPart(options.graph, partition.first(rank),
                                                            partition.last(rank), undirected);
    graph.view = BuildLocalView(part, partition, undirected, threads, comm);
  }
  if (a == "pagerank") graph.in = TransposeLocalView(graph.view, threads);
  report->partition_seconds = MaxOverRanks(MPI_Wtime() - start, comm);
  report->rows = graph.view.rows;
  report->ghosts = graph.view.plan.ghosts.size();
  return graph;
}

void RunAlgorithm(const RankOptions& options, const RankGraph& graph, int threads,
                  RunReport* report, MPI_Comm comm) {
  const std::string& a = options.algorithm;
  const LocalView& view = graph.view;
  if (a == "pagerank") {
    const datasets::PageRankOptions pr{.iterations = options.iterations,
                                       .damping = options.damping};
    TimeAndReport<std::vector<double>>(
        options, report,
        [&](CountingComm& c) { return PageRankMpi(view, graph.in, pr, threads, c); }, comm);
  } else if (a == "label-propagation") {
    TimeAndReport<std::vector<uint32_t>>(
        options, report,
        [&](CountingComm& c) { return ConnectedComponentsLabelPropagationMpi(view, threads, c); },
        comm);
  } else if (a == "union-find") {
    TimeAndReport<std::vector<uint32_t>>(
        options, report,
        [&](CountingComm& c) { return ConnectedComponentsUnionFindMpi(view, threads, c); }, comm);
  } else {
    TimeAndReport<std::vector<int64_t>>(
        options, report,
        [&](CountingComm& c) { return BreadthFirstSearchMpi(view, options.source, threads, c); },
        comm);
  }
}

void Run(const RankOptions& options, double startup_seconds) {
  const MPI_Comm comm = MPI_COMM_WORLD;
  const std::string& a = options.algorithm;
  if (a != "pagerank" && a != "label-propagation" && a != "union-find" && a != "bfs") {
    throw std::invalid_argument("unknown --algorithm " + a);
  }
  const int threads = RankThreads(options);
  RunReport report;
  report.threads = threads;
  report.startup_seconds = MaxOverRanks(startup_seconds, comm);
  CheckGraphFileOnEveryHost(options, comm);  // before any rank reads its part
  const RankGraph graph = PartitionGraph(options, threads, &report, comm);
  if (a == "bfs" && options.source >= graph.view.num_vertices) {
    throw std::invalid_argument("--source " + std::to_string(options.source) + " >= n");
  }
  RunAlgorithm(options, graph, threads, &report, comm);
}

}  // namespace
}  // namespace cost::parallel::mpi

int main(int argc, char** argv) {
  const auto start = std::chrono::steady_clock::now();
  int provided = 0;
  // Only the main thread calls MPI; the kernels' OpenMP threads never do.
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  const double startup =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  using namespace cost::parallel::mpi;
  RunRanks("cost_mpi", [&] { Run(ParseRankOptions(argc, argv), startup); });
  MPI_Finalize();
  return 0;
}
