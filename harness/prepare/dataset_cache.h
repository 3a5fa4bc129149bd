// Preparing catalog datasets (datasets/catalog.h) into a cache folder once: the .cgraph file is
// named by the source's content hash and the preparation options, and an existing readable file
// under that name is reused instead of being prepared again.
#ifndef COST_HARNESS_PREPARE_DATASET_CACHE_H_
#define COST_HARNESS_PREPARE_DATASET_CACHE_H_

#include <cstdint>
#include <string>

#include "datasets/catalog.h"
#include "datasets/graph_file.h"
#include "datasets/hilbert_layout.h"

namespace cost::harness {

// The cache folder when none is given.
inline constexpr const char* kDefaultCacheDir = "cost-data";

struct CacheOptions {
  std::string cache_dir = kDefaultCacheDir;
  std::string shared_dir;  // empty: datasets::DefaultSharedDir()
  datasets::EdgeLayout layout = datasets::EdgeLayout::kVertex;
  std::string file;  // bring-your-own entries (and an override for file entries): the source
};

struct PreparedDataset {
  std::string path;         // the .cgraph in the cache
  bool reused = false;      // true: it was already there and was not rewritten
  uint64_t source_hash = 0;  // XXH64 of the source file or of the generator parameters
  datasets::GraphFileInfo info;
};

// The source file an entry prepares from under `options` (empty for generators). Throws
// DatasetError for a bring-your-own entry without options.file.
std::string SourceFileOf(const datasets::CatalogEntry& entry, const CacheOptions& options);

// The cache path the entry would be prepared to (hashes the source file). Throws DatasetError
// when the source file is missing.
std::string PreparedPathOf(const datasets::CatalogEntry& entry, const CacheOptions& options,
                           uint64_t* source_hash = nullptr);

// Prepares `entry` into options.cache_dir (created when missing), or reuses the file already
// there. Throws DatasetError for a missing source file.
PreparedDataset PrepareCatalogDataset(const datasets::CatalogEntry& entry,
                                      const CacheOptions& options);

}  // namespace cost::harness

#endif  // COST_HARNESS_PREPARE_DATASET_CACHE_H_
