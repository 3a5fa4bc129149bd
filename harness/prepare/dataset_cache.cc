#include "harness/prepare/dataset_cache.h"

#include <filesystem>
#include <iostream>

#include "datasets/dataset_error.h"
#include "harness/prepare/graph_preparation.h"

namespace cost::harness {
namespace {

namespace fs = std::filesystem;

// Reads the entry's header: true when it can be reused. Otherwise *why says what is wrong with
// it (empty when there is no entry).
bool ReadEntry(const std::string& path, datasets::GraphFileInfo* info, std::string* why) {
  if (!fs::exists(path)) return false;
  try {
    *info = datasets::ReadGraphFileInfo(path);
    return true;
  } catch (const datasets::DatasetError& e) {
    *why = e.what();
    return false;
  }
}

}  // namespace

std::string CachePathOf(const GraphRecipe& recipe, const std::string& cache_dir,
                        uint64_t* source_hash) {
  const uint64_t hash = SourceHashOf(recipe);
  if (source_hash != nullptr) *source_hash = hash;
  return (fs::path(cache_dir) / CacheFileName(recipe, hash)).string();
}

PreparedDataset PrepareCached(const GraphRecipe& recipe, const std::string& cache_dir,
                              std::ostream* progress, const CachePreparation& how) {
  PreparedDataset result;
  result.path = CachePathOf(recipe, cache_dir, &result.source_hash);
  if (ReadEntry(result.path, &result.info, &result.replaced)) {
    result.reused = true;
    return result;
  }
  // The reason is DatasetError's "PATH: what is wrong", so it names the file.
  if (!result.replaced.empty()) std::cerr << result.replaced << "; preparing it again\n";
  if (progress != nullptr)
    *progress << "preparing " << recipe.name << " -> " << result.path << "\n";
  fs::create_directories(cache_dir);
  if (how.prepare) {
    how.prepare(recipe, result.path);
    result.info = datasets::ReadGraphFileInfo(result.path);
  } else {
    result.info = PrepareGraphFile(recipe, result.path, how.resources);
  }
  return result;
}

}  // namespace cost::harness
