#include "harness/prepare/catalog_datasets.h"

#include <filesystem>

#include "datasets/dataset_error.h"

namespace cost::harness {
namespace {

namespace fs = std::filesystem;
using datasets::CatalogEntry;
using datasets::DatasetSource;

GraphSource GeneratorOf(const CatalogEntry& entry) {
  switch (entry.source) {
    case DatasetSource::kKronecker:
      return datasets::KroneckerOptions{
          .scale = entry.scale, .edge_factor = entry.edge_factor, .seed = entry.seed};
    case DatasetSource::kUniform:
      return datasets::UniformOptions{
          .num_vertices = entry.num_vertices, .num_edges = entry.num_edges, .seed = entry.seed};
    case DatasetSource::kGrid:
      return datasets::GridOptions{.rows = entry.rows, .cols = entry.cols, .seed = entry.seed};
    default:
      throw datasets::DatasetError(std::string(entry.name) + " is not a generated dataset");
  }
}

// The SECTIONS part of a cache file name LABEL-HASH-[FORMAT-]SECTIONS-sym|dir.cgraph (between
// the last two dashes), or "" for a name not of that shape.
std::string SectionsPartOf(const std::string& name) {
  const std::string suffix = ".cgraph";
  if (name.size() < suffix.size() + 4 || !name.ends_with(suffix)) return "";
  const std::string stem = name.substr(0, name.size() - suffix.size() - 4);  // "-sym", "-dir"
  const size_t dash = stem.rfind('-');
  return dash == std::string::npos ? "" : stem.substr(dash + 1);
}

// The cache files whose names start with `prefix`, by their sections part.
nlohmann::json PreparedWithPrefix(const std::string& prefix, const std::string& cache_dir) {
  nlohmann::json prepared = nlohmann::json::object();
  std::error_code error;
  for (const auto& file : fs::directory_iterator(cache_dir, error)) {
    const std::string name = file.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string sections = SectionsPartOf(name);
    if (!sections.empty()) prepared[sections] = file.path().string();
  }
  return prepared;
}

// The files of `entry` already in the cache, by sections; *source_available: whether the
// entry's source could be hashed. Bring-your-own entries have no file to hash: any cached file
// labelled NAME counts.
nlohmann::json PreparedLayouts(const CatalogEntry& entry, const CacheOptions& options,
                               bool* source_available) {
  *source_available = false;
  if (entry.source == DatasetSource::kBringYourOwn) {
    return PreparedWithPrefix(std::string(entry.name) + "-", options.cache_dir);
  }
  GraphRecipe recipe;
  uint64_t hash = 0;
  try {
    recipe = RecipeOf(entry, options);
    hash = SourceHashOf(recipe);
  } catch (const datasets::DatasetError&) {
    return nlohmann::json::object();  // the source file is missing
  }
  *source_available = true;
  return PreparedWithPrefix(CacheFilePrefix(recipe, hash), options.cache_dir);
}

nlohmann::json ListingRow(const CatalogEntry& entry, const CacheOptions& options) {
  bool available = false;
  nlohmann::json prepared = PreparedLayouts(entry, options, &available);
  nlohmann::json row = {{"name", entry.name},
                        {"source", datasets::DatasetSourceName(entry.source)},
                        {"description", entry.description},
                        {"symmetric", entry.symmetrize},
                        {"expected_vertices", entry.expected_vertices},
                        {"expected_edges", entry.expected_edges},
                        {"origin", entry.origin},
                        {"source_available", available},
                        {"prepared", prepared}};
  if (entry.source == DatasetSource::kSharedFile) {
    row["path"] = SourceFileOf(entry, options);
    row["format"] = datasets::FormatName(entry.format);
  }
  if (entry.source == DatasetSource::kBringYourOwn) {
    row["format"] = datasets::FormatName(entry.format);
  }
  if (entry.expected_bytes != 0) row["expected_bytes"] = entry.expected_bytes;
  if (entry.prepared_arcs != 0) row["prepared_arcs"] = entry.prepared_arcs;
  return row;
}

}  // namespace

std::string SourceFileOf(const CatalogEntry& entry, const CacheOptions& options) {
  if (!options.file.empty()) return options.file;
  switch (entry.source) {
    case DatasetSource::kSharedFile:
      return datasets::SourcePathOf(
          entry, options.shared_dir.empty() ? datasets::DefaultSharedDir() : options.shared_dir);
    case DatasetSource::kBringYourOwn:
      throw datasets::DatasetError(std::string(entry.name) +
                                   " is not shipped: " + std::string(entry.origin));
    default:
      return {};
  }
}

GraphRecipe RecipeOf(const CatalogEntry& entry, const CacheOptions& options) {
  GraphRecipe recipe{.name = std::string(entry.name),
                     .source = {},
                     .symmetrize = entry.symmetrize,
                     .layout = options.layout,
                     .sections = options.sections};
  const std::string source = SourceFileOf(entry, options);
  if (source.empty()) {
    recipe.source = GeneratorOf(entry);
    return recipe;
  }
  if (!fs::is_regular_file(source)) {
    throw datasets::DatasetError(source + ": source file of " + std::string(entry.name) +
                                 " not found (set COST_SHARED_DIR or --shared)");
  }
  recipe.source = SourceFile{.path = source, .format = entry.format};
  return recipe;
}

PreparedDataset PrepareCatalogDataset(const CatalogEntry& entry, const CacheOptions& options) {
  CachePreparation how;
  how.resources = options.resources;
  return PrepareCached(RecipeOf(entry, options), options.cache_dir, nullptr, how);
}

nlohmann::json ListCatalog(const CacheOptions& options) {
  nlohmann::json rows = nlohmann::json::array();
  for (const CatalogEntry& entry : datasets::Catalog()) rows.push_back(ListingRow(entry, options));
  return rows;
}

}  // namespace cost::harness
