// pbgl:pagerank: boost::graph::distributed::page_rank on a distributed CSR (directedS, block
// distribution), pushing rank along out-edges with PBGL's distributed property maps.
//
// Like bgl:pagerank, PBGL computes rank' = (1-d) + d * sum(rank/outdeg) from 1/n with no
// dangling term. Passing n = 1 gives n times our rank (divided out at the end). The missing
// dangling term is added through PBGL's own hook: the `done` predicate is called after every
// step with the map just written, while the other map still holds the previous step's ranks, so
// it adds d * (previous dangling rank) / n to every local vertex (one MPI_Allreduce). The result
// is the definition exactly (datasets/kernel_definitions.h), at the cost of one extra pass.
// Reference: boost/graph/distributed/page_rank.hpp; docs/implementations.md, "Peer libraries".
#include <boost/graph/use_mpi.hpp>
// Parallel BGL's headers refuse to compile unless use_mpi.hpp comes first.
#include <boost/graph/distributed/compressed_sparse_row_graph.hpp>
#include <boost/graph/distributed/mpi_process_group.hpp>
#include <boost/graph/distributed/page_rank.hpp>

#include "parallel/mpi/pbgl.h"
#include "parallel/mpi/pmpi_traffic.h"

namespace cost::parallel::mpi {
namespace {

using boost::graph::distributed::mpi_process_group;
using DistributedCsr =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                       boost::no_property, boost::distributedS<mpi_process_group>>;

// page_rank's `done`: counts steps and adds the dangling term after each.
struct AddDanglingUntil {
  int iterations;
  double damping, n;
  std::vector<double>* ranks[2];  // the two maps' local storage: [0] given to page_rank first
  const std::vector<char>* sinks;
  int steps = 0;

  template <typename RankMap, typename Graph>
  bool operator()(const RankMap&, const Graph&) {
    if (steps > 0) {
      // Step k read map (k-1) % 2 and wrote map k % 2.
      const std::vector<double>& before = *ranks[(steps - 1) % 2];
      std::vector<double>& after = *ranks[steps % 2];
      double dangling = 0;
      for (size_t v = 0; v < sinks->size(); ++v) dangling += (*sinks)[v] ? before[v] : 0;
      MPI_Allreduce(MPI_IN_PLACE, &dangling, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
      for (double& r : after) r += damping * dangling / n;
    }
    return steps++ == iterations;
  }
};

}  // namespace

void RunPageRankPbgl(const RankOptions& options, RunReport* report) {
  const double start = MPI_Wtime();
  uint64_t n = 0;
  std::vector<char> sinks;
  auto edges = ReadBlockEdges(options, /*only_forward=*/false, &n, &sinks);
  mpi_process_group pg;
  // Boost 1.74's distributed CSR constructor wraps the range in index_to_vertex_iterator, whose
  // constructor dereferences its iterator, the end one included: a sentinel past the range keeps
  // that read inside the vector (AddressSanitizer found it as a heap-buffer-overflow).
  const size_t num_edges = edges.size();
  edges.emplace_back(0, 0);
  const DistributedCsr g(boost::edges_are_sorted, edges.begin(), edges.begin() + num_edges, n, 0,
                         pg);
  edges = {};
  report->partition_seconds = MaxOverRanks(MPI_Wtime() - start, MPI_COMM_WORLD);
  report->rows = boost::num_vertices(g);  // the local vertices of the distributed graph

  std::vector<double> rank(boost::num_vertices(g)), scratch(boost::num_vertices(g));
  const auto index = boost::get(boost::vertex_index, g);
  report->repetition_seconds = TimeRepetitions(
      options,
      [&] {
        StartCountingMpiCalls();
        AddDanglingUntil done{
            options.iterations, options.damping, static_cast<double>(n), {&rank, &scratch}, &sinks};
        boost::graph::page_rank(g, boost::make_iterator_property_map(rank.begin(), index), done,
                                options.damping, /*n=*/1,
                                boost::make_iterator_property_map(scratch.begin(), index));
        report->traffic = StopCountingMpiCalls();  // the last call's stays
      },
      MPI_COMM_WORLD);
  for (double& r : rank) r /= static_cast<double>(n);
  WriteGatheredValues(rank, options, MPI_COMM_WORLD);
  PrintReport(*report, MPI_COMM_WORLD);
}

}  // namespace cost::parallel::mpi
