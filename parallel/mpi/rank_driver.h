// What cost_mpi and cost_pbgl share around their kernels: the options every rank parses, the
// timed loop (a barrier, MPI_Wtime around the call, the slowest rank's time via MPI_Allreduce
// MAX), gathering the values to rank 0, which writes them once as "original-id value" lines, and
// the one JSON line rank 0 prints for the harness (harness/run/multiprocess.cc reads it). Google
// Benchmark stays out of the ranks: its adaptive iteration counts differ between ranks and
// would hang the collectives.
#ifndef COST_PARALLEL_MPI_RANK_DRIVER_H_
#define COST_PARALLEL_MPI_RANK_DRIVER_H_

#include <mpi.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "parallel/mpi/counting_comm.h"

namespace cost::parallel::mpi {

struct RankOptions {
  std::string algorithm;  // which kernel, e.g. "pagerank", "label-propagation"
  std::string graph;      // the prepared .cgraph file
  std::string values;     // where rank 0 writes "original-id value" lines; empty: nowhere
  int iterations = 20;
  double damping = 0.85;
  uint32_t source = 0;  // BFS: dense id
  int repetitions = 5;
  int warmups = 1;
  // OpenMP threads per rank; 0: OMP_NUM_THREADS (which the harness passes with mpirun -x when
  // it asks for more than one), else 1, so a rank never takes every core unasked.
  int threads = 0;
  // Test-only fault injection: this rank aborts (crash) or sleeps forever (hang) just before the
  // first kernel call, so tests can check that a failing rank ends the measurement.
  int crash_rank = -1;
  int hang_rank = -1;
  // XXH64 of the whole prepared file as the harness hashed it on its own host (--graph-xxh64,
  // hex); 0: not given, and the hosts are only compared with each other (file_check.h).
  uint64_t graph_xxh64 = 0;
};

// Parses --algorithm --graph --values --iterations --damping --source --repetitions --warmups
// --threads --test-crash-rank --test-hang-rank --graph-xxh64. Throws std::invalid_argument naming
// the bad argument.
RankOptions ParseRankOptions(int argc, char** argv);

// The threads a rank runs its kernel with: options.threads, else OMP_NUM_THREADS, else 1.
int RankThreads(const RankOptions& options);

// The times and sizes one run reports besides its values; one rank's part of them below the
// repetition times, which PrintReport gathers into per-rank arrays.
struct RunReport {
  double startup_seconds = 0;    // MPI_Init, slowest rank
  double partition_seconds = 0;  // splitting, mapping its part, building its local structure
  std::vector<double> repetition_seconds;
  int threads = 1;    // OpenMP threads the rank's kernel ran with
  uint64_t rows = 0;  // vertices the rank owns
  // Remote vertices the rank's edges reach (unknown for Parallel BGL, whose graph is its own),
  // and what its kernel sent in the last timed repetition: unknown where a call moved data that
  // no counting rule covers (pmpi_traffic.h).
  std::optional<uint64_t> ghosts;
  std::optional<Traffic> traffic;
};

// Calls kernel() warmups + repetitions times on every rank; returns each timed repetition's
// seconds (the slowest rank's, after a barrier). Applies the test faults.
std::vector<double> TimeRepetitions(const RankOptions& options, const std::function<void()>& kernel,
                                    MPI_Comm comm);

// The slowest rank's value of `seconds`.
double MaxOverRanks(double seconds, MPI_Comm comm);

// Gathers each rank's values (its rows, in rank order: ranks own consecutive rows) to rank 0,
// which writes them with the original ids of `graph`. No-op when path is empty.
void WriteGatheredValues(const std::vector<double>& own, const RankOptions& options, MPI_Comm comm);
void WriteGatheredValues(const std::vector<uint32_t>& own, const RankOptions& options,
                         MPI_Comm comm);
void WriteGatheredValues(const std::vector<int64_t>& own, const RankOptions& options,
                         MPI_Comm comm);

// Rank 0 prints one line, {"cost_mpi_report": 1, ...}: procs, threads (rank 0's), startup_seconds,
// partition_seconds, repetition_seconds [each timed repetition], and per-rank arrays indexed by
// rank: rank_peak_rss_bytes (getrusage), rank_hosts (gethostname), rank_threads, rank_rows,
// rank_ghosts, rank_bytes_sent, rank_messages_sent, rank_rounds (counting_comm.h; the last timed
// repetition). An array that is unknown for this program is null, never zeros.
void PrintReport(const RunReport& report, MPI_Comm comm);

// Runs body() on every rank; an exception on any rank prints "PROGRAM: error: ..." and aborts
// the whole job (MPI_Abort), so no rank waits forever in a collective. Returns main's status.
int RunRanks(const char* program, const std::function<void()>& body);

}  // namespace cost::parallel::mpi

#endif  // COST_PARALLEL_MPI_RANK_DRIVER_H_
