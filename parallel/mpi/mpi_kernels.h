// The MPI kernels: each runs on every rank of `comm` over that rank's LocalView with `threads`
// OpenMP threads (only the calling thread talks to MPI) and returns the values of the rank's own
// rows (first .. first + rows - 1); the driver gathers them. Everything a kernel sends goes
// through `comm`, which counts it (counting_comm.h). The values are the same at every thread
// count. Definitions as everywhere else: datasets/kernel_definitions.h.
#ifndef COST_PARALLEL_MPI_MPI_KERNELS_H_
#define COST_PARALLEL_MPI_MPI_KERNELS_H_

#include <cstdint>
#include <vector>

#include "datasets/kernel_definitions.h"
#include "parallel/mpi/counting_comm.h"
#include "parallel/mpi/local_view.h"

namespace cost::parallel::mpi {

// Requires: view built from out-edges only; `in` its TransposeLocalView.
std::vector<double> PageRankMpi(const LocalView& view, const LocalTranspose& in,
                                const datasets::PageRankOptions& options, int threads,
                                CountingComm& comm);

// Requires: view undirected (out- and in-edges). Label = smallest id in the component.
std::vector<uint32_t> ConnectedComponentsLabelPropagationMpi(const LocalView& view, int threads,
                                                             CountingComm& comm);

// Requires: view of out-edges (each edge is on its source's rank; that suffices for WCC).
std::vector<uint32_t> ConnectedComponentsUnionFindMpi(const LocalView& view, int threads,
                                                      CountingComm& comm);

// Requires: view of out-edges; source < num_vertices. Unreached = datasets::kUnreachable.
std::vector<int64_t> BreadthFirstSearchMpi(const LocalView& view, datasets::VertexId source,
                                           int threads, CountingComm& comm);

}  // namespace cost::parallel::mpi

#endif  // COST_PARALLEL_MPI_MPI_KERNELS_H_
