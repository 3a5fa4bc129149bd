// The results file: every measurement a sweep made, with its configuration, outcome and timings,
// plus the machine and build it ran on. Stored as JSON (nlohmann_json); every number in a COST
// table or report is read from here.
#ifndef COST_HARNESS_CORE_RESULTS_H_
#define COST_HARNESS_CORE_RESULTS_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "datasets/hilbert_layout.h"
#include "harness/core/kernel.h"
#include "harness/core/outcome.h"

namespace cost::harness {

// How a row's time was taken.
enum class Timing {
  kKernel,       // "kernel": our timer around the kernel call
  kReported,     // "reported": an external system's own figure
  kProcessWall,  // "process-wall": a whole external process, start-up included
};
std::string_view TimingName(Timing timing);
// False for an unknown name.
bool ParseTiming(std::string_view name, Timing* timing);

// One implementation on one graph at one configuration.
struct Measurement {
  // Configuration.
  std::string dataset;         // short name, e.g. "kron-18"
  std::string graph_path;      // the prepared .cgraph file
  std::string graph_checksum;  // hex XXH64 of the prepared file's payload
  uint64_t num_vertices = 0;
  uint64_t num_edges = 0;
  Kernel kernel = Kernel::kPageRank;
  std::string implementation;  // "openmp:pagerank"
  std::string system;          // "openmp"
  std::string algorithm;       // "pagerank-pull"
  Kind kind = Kind::kSingleThreaded;
  int threads = 1;
  int procs = 1;
  int iterations = 0;   // PageRank iterations; 0 for kernels without
  int64_t source = -1;  // BFS: original id of the source vertex; -1 for other kernels
  int repetitions = 0;
  int warmups = 0;
  bool oversubscribed = false;  // more workers (threads x procs) than logical CPUs

  Outcome outcome = Outcome::kOk;
  std::string message;  // validator message or failure reason; empty when ok

  // Timings in seconds. repetition_seconds holds every timed kernel call.
  std::vector<double> repetition_seconds;
  double median_seconds = 0;
  double min_seconds = 0;
  double max_seconds = 0;
  double cv = 0;  // coefficient of variation (stddev / mean), a fraction
  // Distribution-free confidence interval for the median from order statistics; ci_level is the
  // coverage actually achieved (e.g. 0.9375 for [min, max] of 5 repetitions).
  double ci_low_seconds = 0;
  double ci_high_seconds = 0;
  double ci_level = 0;
  bool high_spread = false;  // cv above kHighSpreadCv: the median is not to be trusted alone
  Timing timing = Timing::kKernel;
  double load_seconds = 0;         // mapping the prepared file
  double preparation_seconds = 0;  // building the prepared file (from its metadata)
  // The edge layout the row read (files that lack the field read as kVertex: see
  // run/results_upgrade.h) and the preparation steps of the prepared file, from its metadata:
  // reading or generating the source, building the CSR, adding the Hilbert layouts.
  // preparation_split is false when the file did not record them (preparation_seconds is all).
  datasets::EdgeLayout layout = datasets::EdgeLayout::kVertex;
  bool preparation_split = false;
  double preparation_source_seconds = 0;
  double preparation_build_seconds = 0;
  double preparation_layout_seconds = 0;
  // The system's own preparation of its input from the prepared file, once per row and outside
  // the timed kernel: a peer library building its own graph (igraph_create), an external
  // system's manifest "prepare" command (its converter). 0 for rows that read our file directly.
  // system_preparation_cached: the command's output was reused, and the seconds are those it
  // took when it ran.
  double system_preparation_seconds = 0;
  bool system_preparation_cached = false;
  uint64_t peak_rss_bytes = 0;  // multiprocess: the largest rank's
  // Multiprocess rows only: every rank's peak RSS (rank order), MPI start-up (MPI_Init, slowest
  // rank) and partitioning (each rank mapping its rows and building its local graph), all outside
  // the timed kernel.
  std::vector<uint64_t> rank_peak_rss_bytes;
  double startup_seconds = 0;
  double partition_seconds = 0;
  // Multiprocess rows only, per rank in rank order (empty when not recorded): the host it ran on
  // (ranks_per_host in the file is derived from it), its OpenMP threads, the vertices it owned,
  // the remote vertices its edges reach (none recorded for Parallel BGL), and what it handed MPI
  // for other ranks in the last timed repetition (parallel/mpi/counting_comm.h has the rules).
  std::vector<std::string> rank_hosts;
  std::vector<int> rank_threads;
  std::vector<uint64_t> rank_rows, rank_ghosts;
  std::vector<uint64_t> rank_bytes_sent, rank_messages_sent, rank_rounds;
  // The transports (Open MPI BTLs) that carried sends between distinct ranks, sorted and joined
  // by "+": "tcp" across hosts, "vader" within one, "tcp+vader" for both; "self" with one rank.
  std::string transport;
  // Where the ranks read the prepared file, each host's copy checked by XXH64 before the run:
  // "one-host", "shared" (one file every host sees) or "per-host-copies".
  std::string graph_placement;
  // The cost model's shortest time for this run on this machine (cost_model.h) and the median's
  // distance from it; 0 and empty when the machine's limits were not measured (`cost machine`).
  double limit_seconds = 0;
  double fraction_of_limit = 0;  // limit_seconds / median_seconds
  // "gather-bound" | "bandwidth-bound": which term of the model is larger. A string, as
  // limit_basis: both are words for the reader, and no code decides anything by them.
  std::string limit_bound;
  std::string limit_basis;  // what the model charged, in words
  // Storage (harness/run/storage_mode.h; written only when set, see storage_fields.h): where the
  // sections the row reads were before each repetition, "ram" or "disk" (empty: not controlled),
  // and the fraction of their pages mincore found resident then, per timed repetition. Tables
  // that put RAM and disk rows side by side read an empty mode as "ram".
  std::string storage;
  std::vector<double> resident_fractions;
  // Per timed repetition: bytes the row read from the file with read calls and its passes over
  // the edge section (rows that stream their edges; 0 for rows that map the file), the bytes the
  // process read from storage devices (/proc/self/io), and bytes_read / median_seconds.
  uint64_t bytes_read = 0;
  uint64_t passes = 0;
  uint64_t device_bytes_read = 0;
  double read_bytes_per_second = 0;

  int cores() const { return threads * procs; }
  bool ok() const { return outcome == Outcome::kOk; }
};

// A row whose coefficient of variation exceeds this is flagged as high spread.
inline constexpr double kHighSpreadCv = 0.10;

struct ResultsFile {
  std::string created;     // ISO 8601 UTC
  nlohmann::json machine;  // CPU model, cores, memory, kernel, ...
  nlohmann::json build;    // compiler, flags, git revision, library versions
  std::vector<Measurement> measurements;
};

// Every enum field is written as its name; reading an unknown name, or a value that is not a
// string, throws std::runtime_error naming the field and the value ("outcome: unknown value
// \"crashd\""). These overloads are what nlohmann_json finds for the enums (its own default
// would write them as integers).
void to_json(nlohmann::json& j, Kernel kernel);
void from_json(const nlohmann::json& j, Kernel& kernel);
void to_json(nlohmann::json& j, Kind kind);
void from_json(const nlohmann::json& j, Kind& kind);
void to_json(nlohmann::json& j, Outcome outcome);
void from_json(const nlohmann::json& j, Outcome& outcome);
void to_json(nlohmann::json& j, Timing timing);
void from_json(const nlohmann::json& j, Timing& timing);

nlohmann::json ToJson(const Measurement& m);
Measurement MeasurementFromJson(const nlohmann::json& j);
nlohmann::json ToJson(const ResultsFile& r);
ResultsFile ResultsFromJson(const nlohmann::json& j);

// Throws std::runtime_error("PATH: reason") when the file is missing or not a results file.
ResultsFile ReadResultsFile(const std::string& path);
// Atomic: temp file in the same folder, fsync, rename. An existing file is never left partial.
void WriteResultsFile(const ResultsFile& results, const std::string& path);

}  // namespace cost::harness

// The edge layout is datasets' type: its JSON spelling ("vertex", "hilbert", "compressed", field
// "layout") is given here, where the results file is, as nlohmann_json's serializer for a type
// of another library.
template <>
struct nlohmann::adl_serializer<cost::datasets::EdgeLayout> {
  static void to_json(nlohmann::json& j, cost::datasets::EdgeLayout layout);
  static void from_json(const nlohmann::json& j, cost::datasets::EdgeLayout& layout);
};

#endif  // COST_HARNESS_CORE_RESULTS_H_
