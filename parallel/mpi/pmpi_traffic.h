// Counting what code we do not own sends: Parallel BGL talks through its own process group
// (Boost.MPI over MPI_Isend batches and collectives), where counting_comm.h's wrapper cannot sit.
// pmpi_traffic.cc defines the MPI functions that send, for the executable it is linked into
// (cost_pbgl), through MPI's profiling interface: each adds to one process-wide Traffic by the
// rules of counting_comm.h while counting is on, then calls its PMPI_ twin. A call that moves
// data with no rule here (persistent requests, one-sided puts and gets) makes the count unknown
// rather than short. The defined set covers every sending function cost_pbgl and the Boost
// libraries it loads import (tests/mpi_test.cc checks that with nm).
#ifndef COST_PARALLEL_MPI_PMPI_TRAFFIC_H_
#define COST_PARALLEL_MPI_PMPI_TRAFFIC_H_

#include <optional>

#include "parallel/mpi/counting_comm.h"

namespace cost::parallel::mpi {

// Clears the counts and starts counting this process's MPI calls.
void StartCountingMpiCalls();

// Stops counting; returns what was sent since the start, or nothing when a call without a
// counting rule ran in between.
std::optional<Traffic> StopCountingMpiCalls();

}  // namespace cost::parallel::mpi

#endif  // COST_PARALLEL_MPI_PMPI_TRAFFIC_H_
