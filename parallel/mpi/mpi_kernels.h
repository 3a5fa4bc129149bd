// The MPI kernels: each runs on every rank of `comm` over that rank's LocalView and returns the
// values of the rank's own rows (first .. first + rows - 1); the driver gathers them. One thread
// per rank. Definitions as everywhere else: datasets/kernel_definitions.h.
#ifndef COST_PARALLEL_MPI_MPI_KERNELS_H_
#define COST_PARALLEL_MPI_MPI_KERNELS_H_

#include <mpi.h>

#include <cstdint>
#include <vector>

#include "datasets/kernel_definitions.h"
#include "parallel/mpi/local_view.h"

namespace cost::parallel::mpi {

// Requires: view built from out-edges only.
std::vector<double> PageRankMpi(const LocalView& view, const datasets::PageRankOptions& options,
                                MPI_Comm comm);

// Requires: view undirected (out- and in-edges). Label = smallest id in the component.
std::vector<uint32_t> ConnectedComponentsLabelPropagationMpi(const LocalView& view,
                                                             MPI_Comm comm);

// Requires: view of out-edges (each edge is on its source's rank; that suffices for WCC).
std::vector<uint32_t> ConnectedComponentsUnionFindMpi(const LocalView& view, MPI_Comm comm);

// Requires: view of out-edges; source < num_vertices. Unreached = datasets::kUnreachable.
std::vector<int64_t> BreadthFirstSearchMpi(const LocalView& view, datasets::VertexId source,
                                           MPI_Comm comm);

}  // namespace cost::parallel::mpi

#endif  // COST_PARALLEL_MPI_MPI_KERNELS_H_
