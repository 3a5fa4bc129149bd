// The dataset cache: every prepared graph the harness makes for itself (sweeps, `cost dataset
// prepare`, the demo, `cost reproduce`) lives in one folder under a name that is a function of
// its recipe (graph_recipe.h), so a graph is prepared once whoever asks for it. An entry that
// cannot be read (truncated, corrupt) is prepared again in place.
#ifndef COST_HARNESS_PREPARE_DATASET_CACHE_H_
#define COST_HARNESS_PREPARE_DATASET_CACHE_H_

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>

#include "datasets/graph_file.h"
#include "harness/prepare/graph_preparation.h"
#include "harness/prepare/graph_recipe.h"

namespace cost::harness {

// The cache folder when none is given.
inline constexpr const char* kDefaultCacheDir = "cost-data";

struct PreparedDataset {
  std::string path;          // the .cgraph in the cache
  bool reused = false;       // true: it was already there and was not rewritten
  std::string replaced;      // why an unreadable entry at `path` was prepared again; "" if none
  uint64_t source_hash = 0;  // SourceHashOf the recipe
  datasets::GraphFileInfo info;
};

// cache_dir / CacheFileName. Hashes the source file: throws DatasetError when it cannot be read.
std::string CachePathOf(const GraphRecipe& recipe, const std::string& cache_dir,
                        uint64_t* source_hash = nullptr);

// Reuses the readable entry at CachePathOf, or prepares it there (creating cache_dir when
// missing; the file is written atomically, so an interrupted preparation leaves no entry). An
// unreadable entry is prepared again, and a line on stderr says which and why. `progress` (may be
// null) gets a line before a graph is prepared, since that can take minutes.
// How PrepareCached prepares a missing entry: in this process with `resources` (budget, temp
// folder, progress, threads), or, when `prepare` is set, by calling it (a sweep runs it in a
// child process under its memory cap), after which the entry's header is read back.
struct CachePreparation {
  PrepareOptions resources;
  std::function<void(const GraphRecipe& recipe, const std::string& path)> prepare;
};

PreparedDataset PrepareCached(const GraphRecipe& recipe, const std::string& cache_dir,
                              std::ostream* progress = nullptr, const CachePreparation& how = {});

}  // namespace cost::harness

#endif  // COST_HARNESS_PREPARE_DATASET_CACHE_H_
