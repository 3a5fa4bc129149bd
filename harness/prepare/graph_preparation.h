// Making prepared graph files: generate or load, build the CSR and its transpose, optionally
// add a Hilbert layout, write the .cgraph file with a metadata record of where it came from and
// how long each preparation step took. Used by `cost dataset`, sweeps and the demo.
#ifndef COST_HARNESS_PREPARE_GRAPH_PREPARATION_H_
#define COST_HARNESS_PREPARE_GRAPH_PREPARATION_H_

#include <optional>
#include <string>

#include "datasets/graph_file.h"
#include "datasets/graph_formats.h"
#include "datasets/grid_graph.h"
#include "datasets/hilbert_layout.h"
#include "datasets/kronecker.h"
#include "datasets/uniform_graph.h"
#include "harness/prepare/graph_recipe.h"

namespace cost::harness {

// How to prepare: symmetrise, and which edge layouts to add beside the CSR.
struct PrepareOptions {
  bool symmetrize = false;
  datasets::EdgeLayout layout = datasets::EdgeLayout::kVertex;
};

struct ConvertOptions {
  bool symmetrize = false;
  std::optional<datasets::GraphFormat> format;  // detected from the file when unset
  datasets::EdgeLayout layout = datasets::EdgeLayout::kVertex;
};

// Graph500 graphs are undirected: symmetrize = true stores both directions of every edge.
datasets::GraphFileInfo GenerateKroneckerFile(const datasets::KroneckerOptions& options,
                                              const PrepareOptions& prepare,
                                              const std::string& path);
datasets::GraphFileInfo GenerateUniformFile(const datasets::UniformOptions& options,
                                            const PrepareOptions& prepare, const std::string& path);
datasets::GraphFileInfo GenerateGridFile(const datasets::GridOptions& options,
                                         const PrepareOptions& prepare, const std::string& path);

// Converts any input format (see datasets/graph_formats.h). Inputs that say they are
// undirected (Matrix Market symmetric, LDBC directed = false) are symmetrised whatever
// `symmetrize` says.
datasets::GraphFileInfo ConvertToGraphFile(const std::string& input, const ConvertOptions& options,
                                           const std::string& path);
datasets::GraphFileInfo ConvertToGraphFile(const std::string& input, bool symmetrize,
                                           const std::string& path);

// Generates or converts what the recipe says into `path` (written atomically); the one step
// every way of preparing a graph ends in.
datasets::GraphFileInfo PrepareGraphFile(const GraphRecipe& recipe, const std::string& path);

}  // namespace cost::harness

#endif  // COST_HARNESS_PREPARE_GRAPH_PREPARATION_H_
