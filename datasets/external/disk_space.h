// Whether the filesystems a preparation writes to can hold what it will write: checked before
// the first byte, with both numbers in the error, rather than failing half-way with ENOSPC.
#ifndef COST_DATASETS_EXTERNAL_DISK_SPACE_H_
#define COST_DATASETS_EXTERNAL_DISK_SPACE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cost::datasets {

// Bytes a folder's filesystem will hold: `folder` is an existing folder.
struct DiskNeed {
  std::string folder;
  uint64_t bytes = 0;
  std::string what;  // "sorted runs", "the output", ...
};

// Free bytes for an unprivileged writer (statvfs f_bavail * f_frsize) on folder's filesystem;
// `fake_free`, when set, is returned instead (the tests' stand-in for a full disk).
uint64_t FreeDiskBytes(const std::string& folder, const std::optional<uint64_t>& fake_free);

// Needs on the same filesystem (same st_dev) add up. Throws DatasetError("FOLDER: needs N bytes
// on its filesystem (WHAT), F free") for the first filesystem that cannot hold its sum.
void RequireDiskSpace(const std::vector<DiskNeed>& needs, const std::optional<uint64_t>& fake_free);

}  // namespace cost::datasets

#endif  // COST_DATASETS_EXTERNAL_DISK_SPACE_H_
