// Downloading a catalog entry's source file (`cost dataset fetch`) with the curl command-line
// tool, run as a child process. The bytes go to DEST.part, which is kept when curl fails so the
// next fetch resumes it; only a file whose XXH64 matches is renamed to DEST, so DEST is never a
// partial or corrupt download.
#ifndef COST_HARNESS_PREPARE_DATASET_FETCH_H_
#define COST_HARNESS_PREPARE_DATASET_FETCH_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "datasets/catalog.h"
#include "harness/prepare/dataset_cache.h"

namespace cost::harness {

struct FetchOptions {
  std::string cache_dir = kDefaultCacheDir;
  std::string url;            // overrides the catalog's (a mirror); empty: entry.url
  std::string xxh64;          // overrides the catalog's checksum (hex); empty: entry.xxh64
  std::string curl = "curl";  // the program; execvp searches PATH
};

struct FetchedFile {
  std::string path;    // the verified file in the cache
  std::string url;     // where it came from (empty when reused)
  uint64_t xxh64 = 0;  // XXH64 of the file
  uint64_t bytes = 0;
  uint64_t resumed_from = 0;  // bytes of DEST.part there before curl ran
  bool reused = false;        // DEST was already there (and matched the checksum, if known)
  bool verified = false;      // a checksum was known and matched
};

// 1 to 16 hex digits as a number. Throws DatasetError naming the text otherwise.
uint64_t ParseXxh64(std::string_view hex);

// Where `entry` is fetched to: CACHE/downloads/NAME/BASENAME, BASENAME being the last path
// segment of the catalog URL (of options.url when the catalog has none), so a mirror gives the
// same file and the extension that format detection reads is kept. Throws DatasetError when
// there is no URL or the entry is generated.
std::string FetchedPathOf(const datasets::CatalogEntry& entry, const FetchOptions& options);

// Downloads the entry (or reuses the file already fetched), verifies its XXH64 when one is known
// and renames it into place. Throws DatasetError when curl is missing or fails (its exit status
// and stderr; DEST.part is kept for resuming) and on a checksum mismatch (both hashes named;
// DEST.part is deleted). `progress` (may be null) gets a line per step as it starts, since a
// download can take hours.
FetchedFile FetchCatalogDataset(const datasets::CatalogEntry& entry, const FetchOptions& options,
                                std::ostream* progress = nullptr);

}  // namespace cost::harness

#endif  // COST_HARNESS_PREPARE_DATASET_FETCH_H_
