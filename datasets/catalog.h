// The dataset catalog: every graph the harness knows by name — generated ones (their generator
// and parameters; twitter-like and uk-like are Kronecker graphs of the paper's graphs' sizes),
// the real graphs of the shared datasets-real folder (their file and format), and the COST
// paper's twitter_rv and uk-2007-05 (bring your own file; published counts to check it by).
//
// A prepared graph is cached under a key of its source's content — XXH64 of the source file, or
// of the generator's parameters — plus the preparation options, so a changed file or parameter
// never reuses a stale .cgraph. The key, the naming and the preparing live in harness/prepare/
// (graph_recipe.h, dataset_cache.h); this file holds only the table.
#ifndef COST_DATASETS_CATALOG_H_
#define COST_DATASETS_CATALOG_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "datasets/graph_formats.h"
#include "datasets/graph_sections.h"
#include "datasets/hilbert_layout.h"

namespace cost::datasets {

enum class DatasetSource {
  kKronecker,     // Graph500 Kronecker: scale, edge_factor, seed
  kUniform,       // G(n, m): num_vertices, num_edges, seed
  kGrid,          // rows x cols grid, seed
  kSharedFile,    // a file under the shared folder (relative_path)
  kBringYourOwn,  // a file the user supplies (too big to ship); published counts only
};

// "kronecker", "uniform", "grid", "file", "bring-your-own".
const char* DatasetSourceName(DatasetSource source);

// One row of the catalog. Fields that do not apply to the source are zero or empty.
struct CatalogEntry {
  std::string_view name;
  DatasetSource source;
  std::string_view description = {};
  // Generators.
  int scale = 0;                // kronecker: 2^scale vertices
  int edge_factor = 0;          // kronecker: edge_factor * 2^scale generated edges
  uint64_t num_vertices = 0;    // uniform
  uint64_t num_edges = 0;       // uniform: generated edges
  uint64_t rows = 0, cols = 0;  // grid
  uint64_t seed = 1;
  // Files.
  std::string_view relative_path = {};  // kSharedFile: under the shared folder
  GraphFormat format = GraphFormat::kSnap;
  // Store both directions of every edge (the graph is undirected, or stored once per edge).
  bool symmetrize = false;
  // Published counts: vertices, and edges (arcs in the file, or undirected edges for graphs
  // stored once per edge); `expected_bytes` is the published file size (0 when not stated).
  uint64_t expected_vertices = 0;
  uint64_t expected_edges = 0;
  uint64_t expected_bytes = 0;
  // Arcs the prepared file must have (after dropping self-loops and duplicates and after
  // symmetrising), from the verified counts in datasets-real/README.md; 0 when not known.
  uint64_t prepared_arcs = 0;
  std::string_view origin = {};  // where the data comes from / how to get it
  // Download (`cost dataset fetch`): a direct URL of the source file, and the XXH64 (16 hex
  // digits) the downloaded file must have. Empty when the entry cannot be fetched by name.
  std::string_view url = {};
  std::string_view xxh64 = {};
  // The sections a preparation of this entry stores unless told otherwise.
  PreparedSections sections = {};
};

// Every entry, in display order.
std::span<const CatalogEntry> Catalog();

// Throws DatasetError("unknown dataset 'X'; known: a, b, ...") when no entry has this name.
const CatalogEntry& FindDataset(std::string_view name);

// The shared folder: $COST_SHARED_DIR when set and non-empty, else the folder compiled in
// (<source dir>/../shared).
std::string DefaultSharedDir();

// The source file of a kSharedFile entry: shared_dir / relative_path. Empty for other sources.
std::string SourcePathOf(const CatalogEntry& entry, const std::string& shared_dir);

// XXH64 (seed 0) of a whole file, streamed. Throws DatasetError when it cannot be read.
uint64_t HashFile(const std::string& path);

}  // namespace cost::datasets

#endif  // COST_DATASETS_CATALOG_H_
