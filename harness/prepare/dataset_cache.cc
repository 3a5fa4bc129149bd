#include "harness/prepare/dataset_cache.h"

#include <filesystem>

#include "datasets/dataset_error.h"
#include "harness/prepare/graph_preparation.h"

namespace cost::harness {

namespace fs = std::filesystem;
using datasets::CatalogEntry;
using datasets::DatasetSource;

std::string SourceFileOf(const CatalogEntry& entry, const CacheOptions& options) {
  if (!options.file.empty()) return options.file;
  switch (entry.source) {
    case DatasetSource::kSharedFile:
      return datasets::SourcePathOf(entry, options.shared_dir.empty()
                                               ? datasets::DefaultSharedDir()
                                               : options.shared_dir);
    case DatasetSource::kBringYourOwn:
      throw datasets::DatasetError(std::string(entry.name) +
                                   " is not shipped: " +
                                   std::string(entry.origin));
    default:
      return {};
  }
}

std::string PreparedPathOf(const CatalogEntry& entry, const CacheOptions& options,
                           uint64_t* source_hash) {
  const std::string source = SourceFileOf(entry, options);
  uint64_t hash = 0;
  if (source.empty()) {
    hash = datasets::HashGeneratorParameters(entry);
  } else {
    if (!fs::is_regular_file(source)) {
      throw datasets::DatasetError(source + ": source file of " + std::string(entry.name) +
                                   " not found (set COST_SHARED_DIR or --shared)");
    }
    hash = datasets::HashFile(source);
  }
  if (source_hash != nullptr) *source_hash = hash;
  return (fs::path(options.cache_dir) / datasets::PreparedFileName(entry, hash, options.layout))
      .string();
}

PreparedDataset PrepareCatalogDataset(const CatalogEntry& entry, const CacheOptions& options) {
  PreparedDataset result;
  result.path = PreparedPathOf(entry, options, &result.source_hash);
  if (fs::exists(result.path)) {
    try {
      result.info = datasets::ReadGraphFileInfo(result.path);
      result.reused = true;
      return result;
    } catch (const datasets::DatasetError&) {
      // Unreadable (e.g. truncated by a crash outside the atomic write): prepare it again.
    }
  }
  fs::create_directories(options.cache_dir);
  const PrepareOptions prepare{.symmetrize = entry.symmetrize, .layout = options.layout};
  switch (entry.source) {
    case DatasetSource::kKronecker:
      result.info = GenerateKroneckerFile(
          {.scale = entry.scale, .edge_factor = entry.edge_factor, .seed = entry.seed}, prepare,
          result.path);
      break;
    case DatasetSource::kUniform:
      result.info = GenerateUniformFile(
          {.num_vertices = entry.num_vertices, .num_edges = entry.num_edges, .seed = entry.seed},
          prepare, result.path);
      break;
    case DatasetSource::kGrid:
      result.info = GenerateGridFile({.rows = entry.rows, .cols = entry.cols, .seed = entry.seed},
                                     prepare, result.path);
      break;
    case DatasetSource::kSharedFile:
    case DatasetSource::kBringYourOwn: {
      ConvertOptions convert;
      convert.symmetrize = entry.symmetrize;
      convert.format = entry.format;
      convert.layout = options.layout;
      result.info = ConvertToGraphFile(SourceFileOf(entry, options), convert, result.path);
      break;
    }
  }
  return result;
}

}  // namespace cost::harness
