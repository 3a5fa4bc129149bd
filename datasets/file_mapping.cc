// File range mappings; see file_mapping.h.
#include "datasets/file_mapping.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "datasets/dataset_error.h"

namespace cost::datasets {

MappedRange MapFileRange(int fd, const std::string& path, uint64_t offset, uint64_t bytes) {
  if (bytes == 0) return {};
  static const uint64_t page = static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
  const uint64_t start = offset / page * page;
  const uint64_t length = offset + bytes - start;
  void* map = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE, fd, static_cast<off_t>(start));
  if (map == MAP_FAILED) throw DatasetError(path + ": mmap: " + std::strerror(errno));
  ::madvise(map, length, MADV_WILLNEED);
  ::madvise(map, length, MADV_HUGEPAGE);  // advisory: ignored where unsupported
  MappedRange range;
  range.mapping.reset(map, [length](const void* p) { ::munmap(const_cast<void*>(p), length); });
  range.data = static_cast<const char*>(map) + (offset - start);
  return range;
}

}  // namespace cost::datasets
