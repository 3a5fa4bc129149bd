// Free-space checks; see disk_space.h.
#include "datasets/external/disk_space.h"

#include <sys/stat.h>
#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>
#include <map>

#include "datasets/dataset_error.h"

namespace cost::datasets {

uint64_t FreeDiskBytes(const std::string& folder, const std::optional<uint64_t>& fake_free) {
  if (fake_free) return *fake_free;
  struct statvfs fs;
  if (::statvfs(folder.c_str(), &fs) != 0) {
    throw DatasetError(folder + ": cannot query free space: " + std::strerror(errno));
  }
  return static_cast<uint64_t>(fs.f_bavail) * fs.f_frsize;
}

void RequireDiskSpace(const std::vector<DiskNeed>& needs,
                      const std::optional<uint64_t>& fake_free) {
  struct Total {
    std::string folder, what;
    uint64_t bytes = 0;
  };
  std::map<dev_t, Total> by_device;
  for (const DiskNeed& need : needs) {
    struct stat st;
    if (::stat(need.folder.c_str(), &st) != 0) {
      throw DatasetError(need.folder + ": " + std::strerror(errno));
    }
    Total& total = by_device[st.st_dev];
    if (total.folder.empty()) total.folder = need.folder;
    total.what += (total.what.empty() ? "" : " + ") + need.what;
    total.bytes += need.bytes;
  }
  for (const auto& [device, total] : by_device) {
    const uint64_t free = FreeDiskBytes(total.folder, fake_free);
    if (total.bytes > free) {
      throw DatasetError(total.folder + ": needs " + std::to_string(total.bytes) +
                         " bytes on its filesystem (" + total.what + "), " + std::to_string(free) +
                         " free");
    }
  }
}

}  // namespace cost::datasets
