// pbgl:wcc: boost::graph::distributed::connected_components on a distributed
// adjacency_list<vecS, distributedS<mpi_process_group, vecS>, undirectedS> (PBGL's connected
// components needs an undirected distributed adjacency list; on its CSR it compiles and is wrong
// for directed input). A symmetric graph passes each undirected edge once (u < v); a directed one
// passes its out-edges, which the undirected graph sees both ways.
// Reference: boost/graph/distributed/connected_components.hpp (Boost 1.74);
// docs/implementations.md, "Peer libraries".
#include <boost/graph/use_mpi.hpp>
// Parallel BGL's headers refuse to compile unless use_mpi.hpp comes first.
#include <boost/graph/distributed/adjacency_list.hpp>
#include <boost/graph/distributed/connected_components.hpp>
#include <boost/graph/distributed/mpi_process_group.hpp>

#include "datasets/graph_file.h"
#include "parallel/mpi/pbgl.h"
#include "parallel/mpi/pmpi_traffic.h"

namespace cost::parallel::mpi {
namespace {

using boost::graph::distributed::mpi_process_group;
using DistributedAdjacencyList =
    boost::adjacency_list<boost::vecS, boost::distributedS<mpi_process_group, boost::vecS>,
                          boost::undirectedS>;

}  // namespace

void RunConnectedComponentsPbgl(const RankOptions& options, RunReport* report) {
  const double start = MPI_Wtime();
  const bool symmetric = datasets::ReadGraphFileInfo(options.graph).symmetric;
  uint64_t n = 0;
  auto edges = ReadBlockEdges(options, /*only_forward=*/symmetric, &n);
  mpi_process_group pg;
  DistributedAdjacencyList g(edges.begin(), edges.end(), n, pg);
  edges = {};
  report->partition_seconds = MaxOverRanks(MPI_Wtime() - start, MPI_COMM_WORLD);
  report->rows = boost::num_vertices(g);  // the local vertices of the distributed graph

  std::vector<uint64_t> component(boost::num_vertices(g));
  const auto index = boost::get(boost::vertex_index, g);
  report->repetition_seconds = TimeRepetitions(
      options,
      [&] {
        StartCountingMpiCalls();
        boost::connected_components(g, boost::make_iterator_property_map(component.begin(), index));
        report->traffic = StopCountingMpiCalls();  // the last call's stays
      },
      MPI_COMM_WORLD);
  std::vector<uint32_t> labels(component.begin(), component.end());
  WriteGatheredValues(labels, options, MPI_COMM_WORLD);
  PrintReport(*report, MPI_COMM_WORLD);
}

}  // namespace cost::parallel::mpi
