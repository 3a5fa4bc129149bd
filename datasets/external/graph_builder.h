// The external-memory builder of a prepared file's edge sections: arcs come in chunks (dense ids,
// any order, duplicates and self-loops allowed), leave as the out-degrees and the sections asked
// for, and memory stays within the budget it is given whatever the graph's size.
//
// Phases (each only when a chosen section needs it):
//   1. read: every arc (self-loops dropped; both directions when symmetrising) becomes a 64-bit
//      key, row << bits(n) | column, into sorted runs (sorted_runs.h). When neither csr nor
//      transpose is chosen the keys are the arcs' Hilbert indices instead, and phase 2 writes the
//      Hilbert sections directly.
//   2. csr: the merged keys, each once, are the out-CSR in order: targets stream into the file
//      (or, when csr is not chosen but another section is built from it, into a temp file), the
//      offsets (n + 1 in memory) and degrees follow.
//   3. transpose: the out-CSR is read back, each arc's key is column << bits | row, and their
//      merge is the in-CSR, rows ascending by source.
//   4. hilbert: the out-CSR is read back, each arc's key is its Hilbert index (hilbert.h), and
//      their merge is decoded into the src/dst arrays and/or encoded in tile runs.
// Every phase's output is a function of the set of distinct arcs alone, so the bytes are the same
// at any budget, run size, fan-in and thread count, and equal those of BuildGraph followed by
// WithHilbertSections (the in-memory reference).
//
// Memory: the builder holds its per-vertex arrays (8 bytes per vertex for the offsets, twice
// while the transpose is built; 4 for the degree counts of phase 2 on Hilbert keys), buffers of
// io_buffer_bytes for each open output and read-back, and gives the rest to the runs' buffer and
// the merges' read buffers.
#ifndef COST_DATASETS_EXTERNAL_GRAPH_BUILDER_H_
#define COST_DATASETS_EXTERNAL_GRAPH_BUILDER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/external/progress.h"
#include "datasets/external/sorted_runs.h"
#include "datasets/external/temp_folder.h"
#include "datasets/graph.h"
#include "datasets/graph_file_writer.h"
#include "datasets/graph_sections.h"

namespace cost::datasets {

// What to build.
struct GraphBuildPlan {
  uint64_t num_vertices = 0;
  bool symmetrize = false;
  PreparedSections sections;
};

// Where and with how much.
struct GraphBuildContext {
  uint64_t memory_bytes = 0;  // what the builder may hold
  TempFolder* temp = nullptr;
  std::string what;               // names the output in errors
  uint64_t max_merge_fan_in = 0;  // 0: from the memory
  std::function<void(const std::string&)> after_run_spilled;
  ProgressReporter* progress = nullptr;  // not null
};

struct GraphBuildResult {
  uint64_t num_edges = 0;
  BuildStats stats;
  uint64_t runs_spilled = 0;
  uint64_t merge_passes = 0;
  uint64_t peak_run_bytes = 0;  // on disk at once, in any phase
};

// The per-vertex bytes the plan holds at its peak.
uint64_t PerVertexBytes(const GraphBuildPlan& plan);
// What the builder cannot do with less: its per-vertex arrays, its buffers and a small sort
// buffer. ExternalGraphBuilder refuses a smaller memory_bytes.
uint64_t MinimumBuilderBytes(const GraphBuildPlan& plan, uint64_t memory_bytes);

class ExternalGraphBuilder {
 public:
  // Throws DatasetError("WHAT: needs N bytes, budget M (...)") when memory_bytes is below
  // MinimumBuilderBytes.
  ExternalGraphBuilder(GraphBuildPlan plan, GraphBuildContext context);
  ~ExternalGraphBuilder();

  // The most arcs one AddArcs call may pass.
  uint64_t max_chunk_arcs() const;
  // The most bytes one phase's sorted runs of `arcs` arcs may take on disk at once.
  uint64_t RunBytesBound(uint64_t arcs) const;
  // Requires: every id below num_vertices, src.size() == dst.size() <= max_chunk_arcs().
  void AddArcs(std::span<const VertexId> src, std::span<const VertexId> dst);

  // Writes the out-degrees and the chosen edge sections into `writer`; the caller writes the
  // original ids (reserved before) and the metadata (after).
  GraphBuildResult Finish(GraphFileWriter* writer);

 private:
  struct Phases;
  GraphBuildPlan plan_;
  GraphBuildContext context_;
  std::unique_ptr<SortedRunBuilder> runs_;
  BuildStats stats_;
  uint64_t arcs_added_ = 0;
};

}  // namespace cost::datasets

#endif  // COST_DATASETS_EXTERNAL_GRAPH_BUILDER_H_
