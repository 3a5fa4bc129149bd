// The prepared file every rank reads must be the same on every host: a per-host copy that went
// stale, or a different file mounted at the same path, would give each rank another graph and
// values that validate against nothing. Before partitioning, the lowest rank on each host hashes
// the whole file (XXH64, as `cost dataset info` and the catalog do) and rank 0 compares every
// host's hash with the others' and with the one the harness computed on its own host
// (--graph-xxh64). Rank 0 prints one line for the harness,
//   {"cost_mpi_file_check": 1, "ok": true|false, "placement": "...", "hosts": [...],
//    "xxh64": [...], "message": "..."}
// and, when the copies differ, the job ends before any kernel runs.
#ifndef COST_PARALLEL_MPI_FILE_CHECK_H_
#define COST_PARALLEL_MPI_FILE_CHECK_H_

#include <mpi.h>

#include <cstdint>
#include <string>
#include <vector>

#include "parallel/mpi/rank_driver.h"

namespace cost::parallel::mpi {

// What one host saw of the file: its hash and where the file lives.
struct HostFileView {
  std::string host;
  uint64_t xxh64 = 0;
  std::string boot_id;  // the kernel instance: hosts with the same one share one file system
  uint64_t device = 0, inode = 0;
  bool network_fs = false;  // NFS, CIFS, Lustre, GPFS, BeeGFS, CephFS, 9p
};

// "one-host" when every view is of one host; "shared" when every host sees the same file (one
// kernel, one device and inode) or reads it from a network file system; else "per-host-copies".
std::string Placement(const std::vector<HostFileView>& views);

// Empty when every host's hash equals the others' and `expected` (0: not given); else a message
// naming the file, each differing host and its hash.
std::string FileMismatch(const std::string& path, const std::vector<HostFileView>& views,
                         uint64_t expected);

// Collective on comm. Prints the line above on rank 0; throws std::runtime_error (on every
// rank) when the copies differ.
void CheckGraphFileOnEveryHost(const RankOptions& options, MPI_Comm comm);

}  // namespace cost::parallel::mpi

#endif  // COST_PARALLEL_MPI_FILE_CHECK_H_
