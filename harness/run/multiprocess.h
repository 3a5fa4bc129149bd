// Multiprocess rows (Kind::kMultiprocess): the measurement runs
//   mpirun -np P [--oversubscribe] [--bind-to none] -x OMP_NUM_THREADS=T -x OMP_WAIT_POLICY=passive
//          --mca btl_base_verbose 100 [--hostfile F] --timeout S
//          cost_mpi|cost_pbgl --algorithm A --graph FILE --values FILE --graph-xxh64 H ...
// through RunChild (child_process.h), and reads back what rank 0 reports (multiprocess_report.h):
// each repetition's time (the slowest rank's, measured inside the program after a barrier, so
// mpirun's start-up is not in it), start-up and partitioning seconds, and per rank its host,
// threads, rows, ghosts, peak RSS and what it sent; from Open MPI's log the transport; from the
// ranks' file check where they read the prepared file. Rank 0 writes the gathered values as
// "original-id value" lines, validated like every other row. A host whose copy of the prepared
// file differs from the one hashed here is refused before any kernel runs (failed-to-start). A
// rank that crashes ends the job (mpirun kills the others): outcome crashed; one that hangs is
// ended by mpirun's --timeout: outcome timeout (failure.h classifies the job). Either way the row
// is recorded and nothing is left running.
#ifndef COST_HARNESS_RUN_MULTIPROCESS_H_
#define COST_HARNESS_RUN_MULTIPROCESS_H_

#include <string>
#include <vector>

#include "harness/run/implementations.h"
#include "harness/run/measurement.h"

namespace cost::harness {

// The --timeout a sweep gives `cost run` for a multiprocess row whose process it kills after
// row_timeout_seconds. mpirun must end the job itself, and before that kill: its ranks live in
// process groups of their own, which the row's kill does not reach, so they would be left
// running. The margin covers mpirun's own cleanup (up to 10 s between its SIGTERM and SIGKILL of
// the ranks, kCleanupSeconds) and its start-up: 15 s where the limit allows, else 40% of it.
double MpirunTimeoutSeconds(double row_timeout_seconds);

// The MPI executable of `impl`'s MpiProgram: in $COST_MPI_BIN_DIR when set, else beside the
// running `cost` binary. Throws std::logic_error for a row that runs in process.
std::string MultiprocessExecutable(const Implementation& impl);

// The mpirun command line for one measurement; `source` is the BFS source's dense id,
// `graph_xxh64` the whole prepared file's hash (hex) that every host's copy must match.
std::vector<std::string> MpirunCommand(const Implementation& impl,
                                       const MeasurementRequest& request, uint32_t source,
                                       bool oversubscribed, const std::string& values_path,
                                       const std::string& graph_xxh64);

// Loads the graph (for validation), runs the job, validates the gathered values. A failing job
// is not an exception: the measurement's outcome says what happened.
MeasurementOutput MeasureMultiprocess(const Implementation& impl,
                                      const MeasurementRequest& request);

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_MULTIPROCESS_H_
