// Making prepared graph files: generate or convert into a .cgraph file holding the sections asked
// for, in bounded memory (datasets/prepare_graph.h: sorted runs spilled to a temp folder when the
// graph does not fit the budget), with a metadata record of where it came from and how long each
// phase took. Used by `cost dataset`, sweeps, the demo and `cost reproduce`.
#ifndef COST_HARNESS_PREPARE_GRAPH_PREPARATION_H_
#define COST_HARNESS_PREPARE_GRAPH_PREPARATION_H_

#include <cstdint>
#include <optional>
#include <string>

#include "datasets/external/progress.h"
#include "datasets/graph_file.h"
#include "datasets/graph_formats.h"
#include "datasets/graph_sections.h"
#include "datasets/grid_graph.h"
#include "datasets/hilbert_layout.h"
#include "datasets/kronecker.h"
#include "datasets/uniform_graph.h"
#include "harness/prepare/graph_recipe.h"

namespace cost::harness {

// How to prepare: symmetrise, which sections to store, and the resources the preparation may use.
struct PrepareOptions {
  bool symmetrize = false;
  // The older spelling of the sections: vertex = csr + transpose, hilbert and compressed add
  // their group. Used when `sections` is unset.
  datasets::EdgeLayout layout = datasets::EdgeLayout::kVertex;
  std::optional<datasets::PreparedSections> sections;
  uint64_t memory_budget = 0;           // bytes; 0: datasets::DefaultMemoryBudget()
  std::string tmp_dir;                  // temp folder of the spilled runs; empty: beside the output
  datasets::ProgressCallback progress;  // may be empty
  int threads = 0;                      // OpenMP threads of the sorts; 0: OpenMP's default
};

// The sections `options` asks for: `sections` when set, else those of `layout`.
datasets::PreparedSections SectionsOf(const PrepareOptions& options);

// Graph500 graphs are undirected: symmetrize = true stores both directions of every edge.
datasets::GraphFileInfo GenerateKroneckerFile(const datasets::KroneckerOptions& options,
                                              const PrepareOptions& prepare,
                                              const std::string& path);
datasets::GraphFileInfo GenerateUniformFile(const datasets::UniformOptions& options,
                                            const PrepareOptions& prepare, const std::string& path);
datasets::GraphFileInfo GenerateGridFile(const datasets::GridOptions& options,
                                         const PrepareOptions& prepare, const std::string& path);

// Converts any input format (see datasets/graph_formats.h) from a file, a FIFO or a pipe, read
// once; `format` is detected when unset. Inputs that say they are undirected (Matrix Market
// symmetric, LDBC directed = false) are symmetrised whatever `symmetrize` says. An output that
// is the input (the same inode: the same path, a hard link, a symlink) is refused before
// anything is written.
datasets::GraphFileInfo ConvertToGraphFile(const std::string& input,
                                           std::optional<datasets::GraphFormat> format,
                                           const PrepareOptions& prepare, const std::string& path);
datasets::GraphFileInfo ConvertToGraphFile(const std::string& input, bool symmetrize,
                                           const std::string& path);

// Generates or converts what the recipe says into `path` (written atomically); the one step
// every way of preparing a graph ends in. The recipe's symmetrize and sections replace those of
// `resources`, which gives the budget, temp folder, progress and threads.
datasets::GraphFileInfo PrepareGraphFile(const GraphRecipe& recipe, const std::string& path,
                                         const PrepareOptions& resources = {});

}  // namespace cost::harness

#endif  // COST_HARNESS_PREPARE_GRAPH_PREPARATION_H_
