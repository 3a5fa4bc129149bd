// Preparing a graph file in bounded memory: generate (Kronecker, uniform, grid) or convert (every
// input format of graph_formats.h, from files and pipes) into a version-2 prepared file holding
// the sections asked for, never holding more than the memory budget (external/graph_builder.h
// for how), spilling sorted runs into a temp folder when the graph does not fit it. The same
// input with the same options gives the same section bytes, hence the same content checksum,
// at any budget and thread count: those of BuildGraph + WithHilbertSections + WriteGraphFile.
//
// Before any work: a budget too small for the per-vertex arrays is refused ("needs N bytes,
// budget M"), and so is a temp or output filesystem that cannot hold the runs and the output
// ("needs N bytes on its filesystem, F free", from statvfs). The temp folder is removed on every
// way out; a failure leaves no output. SIGINT and SIGTERM stop the work between chunks with
// PreparationInterrupted ("OUTPUT: interrupted"), after the same cleanup.
#ifndef COST_DATASETS_PREPARE_GRAPH_H_
#define COST_DATASETS_PREPARE_GRAPH_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/external/progress.h"
#include "datasets/graph_file.h"
#include "datasets/graph_formats.h"
#include "datasets/graph_sections.h"
#include "datasets/grid_graph.h"
#include "datasets/kronecker.h"
#include "datasets/uniform_graph.h"

namespace cost::datasets {

struct PreparationReport;

struct PreparationOptions {
  PreparedSections sections;   // what the file holds besides ids, degrees and metadata
  bool symmetrize = false;     // store both directions of every edge (inputs that say they are
                               // undirected are symmetrised whatever this says)
  uint64_t memory_budget = 0;  // bytes; 0: DefaultMemoryBudget() (external/memory_budget.h)
  std::string tmp_dir;         // where the temp folder goes; empty: the output's folder
  ProgressCallback progress;   // may be empty
  // The metadata section's JSON text, from the report (timings and counts filled, `info` not
  // yet); empty: a JSON record of the report.
  std::function<std::string(const PreparationReport&)> metadata;
  bool handle_signals = true;  // SIGINT/SIGTERM stop the work (see above) while it runs

  // Test hooks. A fan-in below what the memory allows forces merge passes; after_run_spilled is
  // called with each run's path once it is written (throw from it to fail there; the
  // environment variable COST_TEST_PREPARE_HOOK=fail-after-first-run or
  // pause-after-first-run does the same for the first run of a process that cannot be given a
  // callback, pausing until interrupted); free_disk_bytes replaces statvfs's answer.
  uint64_t max_merge_fan_in = 0;
  std::function<void(const std::string& run_path)> after_run_spilled;
  std::optional<uint64_t> free_disk_bytes;
};

struct PreparationReport {
  std::string source;  // "kronecker", "uniform", "grid", or the input's path
  std::string format;  // the input format's name; the generator's for generated graphs
  bool input_undirected = false;
  uint64_t num_vertices = 0;
  uint64_t num_edges = 0;  // arcs stored
  bool symmetric = false;
  PreparedSections sections;  // as stored (a symmetric graph's transpose is its csr)
  BuildStats stats;
  std::vector<PhaseReport> phases;  // in order: "ids" (inputs), "read", "csr", ...
  uint64_t memory_budget = 0;
  uint64_t runs_spilled = 0;
  uint64_t merge_passes = 0;
  uint64_t peak_run_bytes = 0;  // temp disk the runs took at once
  GraphFileInfo info;           // the written file, once committed
};

PreparationReport PrepareKronecker(const KroneckerOptions& kronecker,
                                   const PreparationOptions& options, const std::string& output);
PreparationReport PrepareUniform(const UniformOptions& uniform, const PreparationOptions& options,
                                 const std::string& output);
PreparationReport PrepareGrid(const GridOptions& grid, const PreparationOptions& options,
                              const std::string& output);

// Converts `input` (a file, a FIFO, a pipe such as /dev/stdin or <(...)), read exactly once from
// its start when it is not a regular file; `format` as detected when empty. Sparse ids are
// relabelled densely in every format (ascending original id), per-vertex arrays sized by the ids
// the input names. Errors name the file, the line or byte offset and the reason.
PreparationReport PrepareFromInput(const std::string& input, std::optional<GraphFormat> format,
                                   const PreparationOptions& options, const std::string& output);

// The default metadata: the report as a JSON object.
std::string PreparationReportJson(const PreparationReport& report);

}  // namespace cost::datasets

#endif  // COST_DATASETS_PREPARE_GRAPH_H_
