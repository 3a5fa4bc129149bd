// The results file: every measurement a sweep made, with its configuration, outcome and timings,
// plus the machine and build it ran on. Stored as JSON (nlohmann_json); every number in a COST
// table or report is read from here.
#ifndef COST_HARNESS_RESULTS_H_
#define COST_HARNESS_RESULTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace cost::harness {

// One implementation on one graph at one configuration.
struct Measurement {
  // Configuration.
  std::string dataset;           // short name, e.g. "kron-18"
  std::string graph_path;        // the prepared .cgraph file
  std::string graph_checksum;    // hex XXH64 of the prepared file's payload
  uint64_t num_vertices = 0;
  uint64_t num_edges = 0;
  std::string kernel;            // "pagerank" | "wcc"
  std::string implementation;    // "openmp:pagerank"
  std::string system;            // "openmp"
  std::string algorithm;         // "pagerank-pull"
  std::string kind;              // "single-threaded" | "threaded" | "multiprocess"
  int threads = 1;
  int procs = 1;
  int iterations = 0;            // PageRank iterations; 0 for kernels without
  int repetitions = 0;

  // Outcome: "ok", "invalid-output", "crashed", "timeout" or "failed-to-start".
  std::string outcome = "ok";
  std::string message;           // validator message or failure reason; empty when ok

  // Timings in seconds. repetition_seconds holds every timed kernel call.
  std::vector<double> repetition_seconds;
  double median_seconds = 0;
  double min_seconds = 0;
  double max_seconds = 0;
  double cv = 0;                 // coefficient of variation (stddev / mean), a fraction
  double load_seconds = 0;       // mapping the prepared file
  double preparation_seconds = 0;  // building the prepared file (from its metadata)
  uint64_t peak_rss_bytes = 0;

  int cores() const { return threads * procs; }
  bool ok() const { return outcome == "ok"; }
};

struct ResultsFile {
  std::string created;           // ISO 8601 UTC
  nlohmann::json machine;        // CPU model, cores, memory, kernel, ...
  nlohmann::json build;          // compiler, flags, git revision, library versions
  std::vector<Measurement> measurements;
};

nlohmann::json ToJson(const Measurement& m);
Measurement MeasurementFromJson(const nlohmann::json& j);
nlohmann::json ToJson(const ResultsFile& r);
ResultsFile ResultsFromJson(const nlohmann::json& j);

// Throws std::runtime_error("PATH: reason") when the file is missing or not a results file.
ResultsFile ReadResultsFile(const std::string& path);
// Atomic: temp file in the same folder, fsync, rename. An existing file is never left partial.
void WriteResultsFile(const ResultsFile& results, const std::string& path);

}  // namespace cost::harness

#endif  // COST_HARNESS_RESULTS_H_
