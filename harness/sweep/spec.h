// An experiment spec: which datasets, kernels, implementations and configurations a sweep runs.
//
//   {
//     "name": "demo",
//     "datasets": [ {"name": "kron-16", "kronecker": {"scale": 16, "edge_factor": 16, "seed": 1},
//                    "layout": "hilbert"},
//                   {"name": "wiki", "edges": "wiki-Vote.txt", "symmetrize": false},
//                   {"name": "lux", "edges": "luxembourg_osm.mtx", "format": "snap"},
//                   {"name": "mine", "graph": "mine.cgraph"},
//                   {"name": "twitter-like", "catalog": "twitter-like", "layout": "compressed"} ],
//     "kernels": ["pagerank", "wcc"],
//     "implementations": ["serial:pagerank", "openmp:*"],   // optional: default all; SYSTEM:*
//                                          // is every row of SYSTEM for the kernels and layouts
//     "threads": [1, 2],                   // or "1..N", or "1..nproc" (this machine's CPUs)
//     "procs": [1, 2],                                             // multiprocess (MPI) rows
//     "rank_threads": [1, 2],                                      // optional: threads per rank
//     "hostfile": "hosts.txt",                                     // optional, for mpirun
//     "repetitions": 5, "warmups": 1, "iterations": 20, "timeout_seconds": 600,
//     "memory_cap": "8G",                                          // optional, per row
//     "storage": ["ram", "disk"],                                  // optional, see below
//     "systems": ["my-systems/"],                                  // external manifests
//     "cache_dir": "cost-data"                                     // prepared graphs
//   }
// Relative paths in a spec are relative to the spec file's folder.
// "catalog" names an entry of datasets/catalog.cc (a Kronecker generator, directed or not, or a
// shared-folder file) and prepares it from the catalog's recipe with the entry's "layout".
// "kronecker", "edges" and "catalog" datasets are prepared into the dataset cache at cache_dir
// (harness/prepare/dataset_cache.h), where `cost dataset prepare` finds them too.
#ifndef COST_HARNESS_SWEEP_SPEC_H_
#define COST_HARNESS_SWEEP_SPEC_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "datasets/graph_formats.h"
#include "datasets/hilbert_layout.h"
#include "datasets/kronecker.h"
#include "harness/core/kernel.h"
#include "harness/prepare/dataset_cache.h"
#include "harness/run/external_system.h"

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
  // MPI processes for multiprocess rows (threads per rank: rank_threads); other
  // rows run as one process. "hostfile" is passed to mpirun for runs across machines.
  std::vector<int> procs{1};
  // OpenMP threads in each rank of the mpi:* rows, each count at every process count (cores =
  // procs x rank_threads); Parallel BGL's ranks are single-threaded and run at 1 only.
  std::vector<int> rank_threads{1};
  std::string hostfile;
  // "storage": "ram" | "disk" or a list of them: each in-process row runs once per mode
  // (harness/run/storage_mode.h); other rows once, uncontrolled. Empty: not controlled.
  std::vector<std::string> storage;
  int repetitions = 5;
  // Untimed calls before the repetitions. 0 suits graphs of billions of edges, where a warm-up is
  // another full run and "storage" already puts the sections where the row says before each
  // repetition.
  int warmups = 1;
  int iterations = 20;
  double timeout_seconds = 600;
  uint64_t memory_cap_bytes = 0;     // RLIMIT_AS of each row's process; 0: none
  std::vector<std::string> systems;  // external system manifests (files or folders)
  std::string cache_dir = kDefaultCacheDir;
};

// Throws std::runtime_error("SOURCE: field: reason") for a malformed spec; `base_dir` resolves
// relative paths.
SweepSpec ParseSweepSpec(const nlohmann::json& json, const std::string& source,
                         const std::string& base_dir);
SweepSpec ReadSweepSpec(const std::string& path);

// The external systems the spec's "systems" manifests declare, in order.
std::vector<ExternalSystem> LoadSpecSystems(const SweepSpec& spec);

// For specs built in code (the demo, `cost reproduce`): the Graph500 graph of 2^scale vertices
// and 16 edges per vertex, seed 1, named "kron-SCALE" as in the catalog.
DatasetSpec KroneckerDataset(int scale);
// 1, 2, ..., max_threads.
std::vector<int> ThreadsUpTo(int max_threads);

}  // namespace cost::harness

#endif  // COST_HARNESS_SWEEP_SPEC_H_
