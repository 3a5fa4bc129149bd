// What a finished mpirun job says about itself, read from its log (rank 0's stdout and every
// rank's stderr together): rank 0's report line (parallel/mpi/rank_driver.h) with the per-rank
// arrays, the prepared-file check line (parallel/mpi/file_check.h), and the transports Open MPI
// chose, which `mpirun --mca btl_base_verbose 100` logs as
//   [HOST:PID] mca: bml: Using BTL btl for send to [[JOB,1],RANK] on node PEER
// Pure functions of the log's text, so that tests can feed them fixtures.
#ifndef COST_HARNESS_RUN_MULTIPROCESS_REPORT_H_
#define COST_HARNESS_RUN_MULTIPROCESS_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "harness/core/results.h"

namespace cost::harness {

// The last line of `log` that starts with {"KEY": parsed, or a discarded value.
nlohmann::json FindJsonLine(const std::string& log, const std::string& key);

// Copies rank 0's report into m: the repetition times (summarised), start-up and partition
// seconds, and every per-rank array (rank_peak_rss_bytes, rank_hosts, rank_threads, rank_rows,
// rank_ghosts, rank_bytes_sent, rank_messages_sent, rank_rounds; null or absent: left empty).
// Throws std::runtime_error naming the field when one has the wrong type or another length than
// the ranks.
void ReadRankReport(const nlohmann::json& report, Measurement* m);

// The BTLs of the log's selections for sends between distinct ranks, sorted and joined by "+"
// ("tcp", "vader", "tcp+vader"); "self" when only self was chosen; empty when none was logged.
std::string TransportFromLog(const std::string& log);

// What `cost run` prints for a multiprocess row: the hosts and ranks on each, threads per rank,
// the transport and where the prepared file was read, then per rank its rows, ghosts, bytes
// sent, rounds and peak memory, and the partition time. Empty for other rows and for jobs whose
// ranks reported nothing.
std::string DescribeRanks(const Measurement& m);

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_MULTIPROCESS_REPORT_H_
