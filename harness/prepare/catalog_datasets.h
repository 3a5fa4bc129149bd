// The named datasets of the catalog (datasets/catalog.h) in the dataset cache: each entry as a
// recipe, prepared by name (`cost dataset prepare`), and listed with the layouts already
// prepared (`cost dataset list`).
#ifndef COST_HARNESS_PREPARE_CATALOG_DATASETS_H_
#define COST_HARNESS_PREPARE_CATALOG_DATASETS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "datasets/catalog.h"
#include "datasets/hilbert_layout.h"
#include "harness/prepare/dataset_cache.h"
#include "harness/prepare/graph_preparation.h"
#include "harness/prepare/graph_recipe.h"

namespace cost::harness {

struct CacheOptions {
  std::string cache_dir = kDefaultCacheDir;
  std::string shared_dir;  // empty: datasets::DefaultSharedDir()
  datasets::EdgeLayout layout = datasets::EdgeLayout::kVertex;
  std::optional<datasets::PreparedSections> sections;  // replaces `layout` when set
  std::string file;  // bring-your-own entries (and an override for file entries): the source
  PrepareOptions resources;  // budget, temp folder, progress, threads of a preparation
};

// The source file an entry prepares from under `options` (empty for generators). Throws
// DatasetError for a bring-your-own entry without options.file.
std::string SourceFileOf(const datasets::CatalogEntry& entry, const CacheOptions& options);

// The entry with options.sections (else options.layout) as a recipe. Throws DatasetError when its
// source file is missing (naming it and how to point at the shared folder) or not given
// (bring-your-own).
GraphRecipe RecipeOf(const datasets::CatalogEntry& entry, const CacheOptions& options);

// PrepareCached(RecipeOf(entry, options), options.cache_dir) with options.resources.
PreparedDataset PrepareCatalogDataset(const datasets::CatalogEntry& entry,
                                      const CacheOptions& options);

// Every catalog entry, as `cost dataset list --json` prints it: name, source, description, the
// published counts, whether its source file is there ("source_available") and the cached files
// already prepared, by sections ("prepared": {"vertex": PATH, "csr+compressed": PATH, ...}).
// Bring-your-own entries, whose file is unknown here, are matched by the label of their cached
// files (prepared from a file named NAME.EXT).
nlohmann::json ListCatalog(const CacheOptions& options);

}  // namespace cost::harness

#endif  // COST_HARNESS_PREPARE_CATALOG_DATASETS_H_
