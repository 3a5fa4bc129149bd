// cost_pbgl: the Parallel BGL peer as one executable, run by the harness as
//   mpirun -np P cost_pbgl --algorithm pagerank|wcc --graph FILE ...
// Same options and report as cost_mpi (rank_driver.h), so the harness treats both alike.
#include <mpi.h>

#include <chrono>
#include <stdexcept>

#include "datasets/graph_file.h"
#include "datasets/graph_file_part.h"
#include "parallel/mpi/file_check.h"
#include "parallel/mpi/pbgl.h"

namespace cost::parallel::mpi {

std::vector<std::pair<uint64_t, uint64_t>> ReadBlockEdges(const RankOptions& options,
                                                          bool only_forward, uint64_t* num_vertices,
                                                          std::vector<char>* sinks) {
  int rank = 0, ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  const uint64_t n = datasets::ReadGraphFileInfo(options.graph).num_vertices;
  *num_vertices = n;
  // boost::parallel::block: the first n % P ranks get one row more than the others.
  const uint64_t size = n / ranks, extra = n % ranks;
  const uint64_t first = rank * size + std::min<uint64_t>(rank, extra);
  const uint64_t last = first + size + (static_cast<uint64_t>(rank) < extra ? 1 : 0);
  const datasets::GraphPart part =
      datasets::MapGraphPart(options.graph, static_cast<datasets::VertexId>(first),
                             static_cast<datasets::VertexId>(last), /*with_in=*/false);
  std::vector<std::pair<uint64_t, uint64_t>> edges;
  edges.reserve(part.out.targets.size() / (only_forward ? 2 : 1));
  if (sinks != nullptr) sinks->assign(last - first, 0);
  for (uint64_t v = first; v < last; ++v) {
    const auto neighbors = part.out.Neighbors(static_cast<datasets::VertexId>(v));
    if (sinks != nullptr) (*sinks)[v - first] = neighbors.empty();
    for (datasets::VertexId u : neighbors) {
      if (!only_forward || v < u) edges.emplace_back(v, u);
    }
  }
  return edges;
}

}  // namespace cost::parallel::mpi

int main(int argc, char** argv) {
  const auto start = std::chrono::steady_clock::now();
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  const double startup =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  using namespace cost::parallel::mpi;
  RunRanks("cost_pbgl", [&] {
    const RankOptions options = ParseRankOptions(argc, argv);
    RunReport report;
    report.startup_seconds = MaxOverRanks(startup, MPI_COMM_WORLD);
    CheckGraphFileOnEveryHost(options, MPI_COMM_WORLD);  // before any rank reads its part
    if (options.algorithm == "pagerank") {
      RunPageRankPbgl(options, &report);
    } else if (options.algorithm == "wcc") {
      RunConnectedComponentsPbgl(options, &report);
    } else {
      throw std::invalid_argument("unknown --algorithm " + options.algorithm);
    }
  });
  MPI_Finalize();
  return 0;
}
