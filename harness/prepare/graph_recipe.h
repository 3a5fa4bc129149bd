// What a prepared graph is made from: a generator and its parameters or a source file, plus the
// preparation options. A recipe is the key of the dataset cache (dataset_cache.h): whoever asks
// for a graph (a sweep spec, a catalog name, the demo, `cost reproduce`) describes it as a recipe,
// so the same graph maps to the same cached file whatever it is called.
#ifndef COST_HARNESS_PREPARE_GRAPH_RECIPE_H_
#define COST_HARNESS_PREPARE_GRAPH_RECIPE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "datasets/graph_formats.h"
#include "datasets/graph_sections.h"
#include "datasets/grid_graph.h"
#include "datasets/hilbert_layout.h"
#include "datasets/kronecker.h"
#include "datasets/uniform_graph.h"

namespace cost::harness {

// A graph file to convert.
struct SourceFile {
  std::string path;
  std::optional<datasets::GraphFormat> format;  // detected from the file when unset
};

using GraphSource = std::variant<datasets::KroneckerOptions, datasets::UniformOptions,
                                 datasets::GridOptions, SourceFile>;

struct GraphRecipe {
  std::string name;  // what the asker calls it, for messages only: not part of the key
  GraphSource source;
  bool symmetrize = false;  // store both directions of every edge
  datasets::EdgeLayout layout = datasets::EdgeLayout::kVertex;  // added beside the CSR
  // The sections to store; unset: those of `layout` (datasets::SectionsForLayout).
  std::optional<datasets::PreparedSections> sections;
};

// The sections the recipe asks for.
datasets::PreparedSections SectionsOf(const GraphRecipe& recipe);

// The source part of the key: XXH64 of the source file's bytes, or of a canonical text of every
// generator parameter. Throws DatasetError naming the file when it cannot be read.
uint64_t SourceHashOf(const GraphRecipe& recipe);

// The cache file name, LABEL-HASH-[FORMAT-]SECTIONS-sym|dir.cgraph: LABEL names the source for
// people reading the folder (the generator and its size, or the source file's name without its
// extensions), HASH is SourceHashOf in 16 hex digits, FORMAT the input format of a source file
// (detected when the recipe gives none), SECTIONS the layout name when the sections are exactly
// a layout's (vertex, hilbert, compressed), else the groups joined by "+" ("csr+compressed"),
// e.g. "kron-s20-ef16-9c0d...-vertex-sym.cgraph" or
// "wiki-Vote-3f2a...-snap-hilbert-dir.cgraph". Every option that changes the file is in it.
std::string CacheFileName(const GraphRecipe& recipe, uint64_t source_hash);
// What the cache file names of the recipe's source share whatever the sections:
// "LABEL-HASH-[FORMAT-]".
std::string CacheFilePrefix(const GraphRecipe& recipe, uint64_t source_hash);

}  // namespace cost::harness

#endif  // COST_HARNESS_PREPARE_GRAPH_RECIPE_H_
