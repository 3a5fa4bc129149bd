// cost_mpi: the MPI kernels as one executable, run by the harness as
//   mpirun -np P cost_mpi --algorithm pagerank|label-propagation|union-find|bfs --graph FILE ...
// Every rank maps only its own rows of the prepared file (memory per rank ~ 1/P of the graph),
// builds its local view, runs the timed repetitions, and rank 0 writes the gathered values and
// prints one JSON report line. Options: rank_driver.h.
#include <mpi.h>

#include <chrono>
#include <stdexcept>

#include "datasets/graph_file_part.h"
#include "parallel/mpi/local_view.h"
#include "parallel/mpi/mpi_kernels.h"
#include "parallel/mpi/partition.h"
#include "parallel/mpi/rank_driver.h"

namespace cost::parallel::mpi {
namespace {

template <typename Values>
void TimeAndReport(const RankOptions& options, RunReport* report,
                   const std::function<Values()>& kernel, MPI_Comm comm) {
  Values values;
  report->repetition_seconds = TimeRepetitions(options, [&] { values = kernel(); }, comm);
  WriteGatheredValues(values, options, comm);
  PrintReport(*report, comm);
}

void Run(const RankOptions& options, double startup_seconds) {
  const MPI_Comm comm = MPI_COMM_WORLD;
  int rank = 0, ranks = 1;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &ranks);
  const std::string& a = options.algorithm;
  if (a != "pagerank" && a != "label-propagation" && a != "union-find" && a != "bfs") {
    throw std::invalid_argument("unknown --algorithm " + a);
  }
  RunReport report;
  report.startup_seconds = MaxOverRanks(startup_seconds, comm);
  const double start = MPI_Wtime();
  const Partition partition = PartitionByEdges(options.graph, ranks);
  const bool undirected = a == "label-propagation";
  LocalView view;
  {
    // The mapped rows are only read while building the view; unmapping them afterwards leaves
    // the view (local ids, 4 bytes an edge) as the rank's copy of its graph.
    const datasets::GraphPart part = datasets::MapGraphPart(
        options.graph, partition.first(rank), partition.last(rank), undirected);
    view = BuildLocalView(part, partition, undirected, comm);
  }
  report.partition_seconds = MaxOverRanks(MPI_Wtime() - start, comm);
  if (a == "bfs" && options.source >= view.num_vertices) {
    throw std::invalid_argument("--source " + std::to_string(options.source) + " >= n");
  }
  if (a == "pagerank") {
    const datasets::PageRankOptions pr{.iterations = options.iterations,
                                       .damping = options.damping};
    TimeAndReport<std::vector<double>>(options, &report,
                                       [&] { return PageRankMpi(view, pr, comm); }, comm);
  } else if (a == "label-propagation") {
    TimeAndReport<std::vector<uint32_t>>(
        options, &report, [&] { return ConnectedComponentsLabelPropagationMpi(view, comm); },
        comm);
  } else if (a == "union-find") {
    TimeAndReport<std::vector<uint32_t>>(
        options, &report, [&] { return ConnectedComponentsUnionFindMpi(view, comm); }, comm);
  } else {
    TimeAndReport<std::vector<int64_t>>(
        options, &report, [&] { return BreadthFirstSearchMpi(view, options.source, comm); },
        comm);
  }
}

}  // namespace
}  // namespace cost::parallel::mpi

int main(int argc, char** argv) {
  const auto start = std::chrono::steady_clock::now();
  MPI_Init(&argc, &argv);
  const double startup =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  using namespace cost::parallel::mpi;
  RunRanks("cost_mpi", [&] { Run(ParseRankOptions(argc, argv), startup); });
  MPI_Finalize();
  return 0;
}
