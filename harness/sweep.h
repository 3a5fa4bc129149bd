// A sweep: datasets x kernels x implementations x thread counts, each measurement in its own
// child process (`cost run`) with a timeout, each finished row written to the results file
// atomically before the next starts. A crash, hang or wrong answer costs that row only.
//
// Experiment spec (JSON):
//   {
//     "name": "demo",
//     "datasets": [ {"name": "kron-16", "kronecker": {"scale": 16, "edge_factor": 16, "seed": 1},
//                    "layout": "hilbert"},
//                   {"name": "wiki", "edges": "wiki-Vote.txt", "symmetrize": false},
//                   {"name": "lux", "edges": "luxembourg_osm.mtx", "format": "snap"},
//                   {"name": "mine", "graph": "mine.cgraph"} ],
//     "kernels": ["pagerank", "wcc"],
//     "implementations": ["serial:pagerank", "openmp:pagerank"],   // optional: default all
//     "threads": [1, 2],
//     "procs": [1, 2],                                             // multiprocess (MPI) rows
//     "hostfile": "hosts.txt",                                     // optional, for mpirun
//     "repetitions": 5, "iterations": 20, "timeout_seconds": 600,
//     "memory_cap": "8G",                                          // optional, per row
//     "systems": ["my-systems/"],                                  // external manifests
//     "cache_dir": "cost-data"                                     // prepared graphs
//   }
// Relative paths in a spec are relative to the spec file's folder. Google Benchmark's own JSON
// of each in-tree row is kept unmodified in RESULTS.gbench/ beside the results file.
#ifndef COST_HARNESS_SWEEP_H_
#define COST_HARNESS_SWEEP_H_

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "datasets/graph_formats.h"
#include "datasets/hilbert_layout.h"
#include "datasets/kronecker.h"
#include "harness/results.h"
#include "harness/systems.h"

namespace cost::harness {

struct DatasetSpec {
  std::string name;
  std::string graph;  // a prepared .cgraph file, or
  std::string edges;  // a text edge list / LDBC .properties to convert, or
  std::optional<datasets::KroneckerOptions> kronecker;  // a graph to generate
  bool symmetrize = false;  // for edges; Kronecker graphs are always symmetrised (Graph500)
  std::optional<datasets::GraphFormat> format;  // for edges ("format"); detected when unset
  // Edge layout added when the sweep prepares the graph ("layout": "hilbert" | "compressed");
  // rows that need a layout their dataset lacks are left out.
  datasets::EdgeLayout layout = datasets::EdgeLayout::kVertex;
};

struct SweepSpec {
  std::string name;
  std::vector<DatasetSpec> datasets;
  std::vector<Kernel> kernels;
  std::vector<std::string> implementations;  // empty: every implementation of each kernel
  std::vector<int> threads{1};
  // MPI processes for multiprocess rows (one thread per rank; cores = procs x threads); other
  // rows run as one process. "hostfile" is passed to mpirun for runs across machines.
  std::vector<int> procs{1};
  std::string hostfile;
  int repetitions = 5;
  int iterations = 20;
  double timeout_seconds = 600;
  uint64_t memory_cap_bytes = 0;  // RLIMIT_AS of each row's process; 0: none
  std::vector<std::string> systems;  // external system manifests (files or folders)
  std::string cache_dir = "cost-data";
};

// "123", "64K", "512M", "8G", "1T" (powers of 1024) or a JSON number of bytes. Throws
// std::invalid_argument naming the text when it is not one.
uint64_t ParseByteSize(const std::string& text);

// Throws std::runtime_error("SOURCE: field: reason") for a malformed spec; `base_dir` resolves
// relative paths.
SweepSpec ParseSweepSpec(const nlohmann::json& json, const std::string& source,
                         const std::string& base_dir);
SweepSpec ReadSweepSpec(const std::string& path);

struct SweepOptions {
  std::string out;          // results file
  bool resume = false;      // keep rows already in `out` and skip them
  bool overwrite = false;   // replace an existing `out`
  bool quiet = false;       // no progress lines
  std::string cost_binary;  // the `cost` executable run per row; default: this process's
};

// One planned row: what a measurement will be keyed by in the results file.
struct SweepRow {
  std::string dataset, graph_path, implementation, kernel;
  int threads = 1;
  std::string system, algorithm, kind;  // recorded even when the row's process fails
  int procs = 1;                        // MPI processes (multiprocess rows only)
};

// Prepares the datasets (cached), runs every row not yet in the results file, writes the file
// after each row. Returns the complete results. Throws std::runtime_error on a bad spec or an
// unusable output path; a failing measurement is recorded, not thrown. Stops early (results
// kept, the running child killed) when interrupted with SIGINT or SIGTERM; *interrupted is set.
ResultsFile RunSweep(const SweepSpec& spec, const SweepOptions& options, bool* interrupted);

// Runs one row in a child process (`BINARY run ...`) with the spec's timeout and memory cap;
// the outcome is always a Measurement. gbench_json: where the row's Google Benchmark JSON goes
// ("" for none).
Measurement RunRowInChild(const SweepRow& row, const SweepSpec& spec, const std::string& binary,
                          const std::string& gbench_json);

}  // namespace cost::harness

#endif  // COST_HARNESS_SWEEP_H_
