// Read-only mappings of byte ranges of a file. mmap wants a page-aligned file offset, so a range
// is mapped from the page holding its first byte; the returned pointer is the range's first byte.
#ifndef COST_DATASETS_FILE_MAPPING_H_
#define COST_DATASETS_FILE_MAPPING_H_

#include <cstdint>
#include <memory>
#include <string>

namespace cost::datasets {

struct MappedRange {
  const void* data = nullptr;           // null for an empty range
  std::shared_ptr<const void> mapping;  // unmaps when the last copy goes
};

// Maps `bytes` bytes at `offset` of the open file `fd` (MAP_PRIVATE, read-only), advising the
// kernel to read ahead and, for large ranges, to use huge pages. Throws DatasetError("PATH: mmap:
// reason") when it cannot.
MappedRange MapFileRange(int fd, const std::string& path, uint64_t offset, uint64_t bytes);

}  // namespace cost::datasets

#endif  // COST_DATASETS_FILE_MAPPING_H_
