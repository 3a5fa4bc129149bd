// Where the sections a row reads are before each timed repetition (`cost run --storage`):
//   ram   read once first, so every repetition finds them in the page cache; checked with
//         mincore (at least kMinResidentInRam of their pages resident).
//   disk  evicted first (fdatasync, the row's own mappings of them dropped with MADV_DONTNEED,
//         then POSIX_FADV_DONTNEED), so the repetition reads them from the device; checked with
//         mincore (at most kMaxResidentOnDisk resident). A row that streams its edges reads them
//         on every pass past the page cache (RunParams::drop_behind: O_DIRECT on a reader thread,
//         or pages dropped behind the reader), so each pass reads the device again, as on a graph
//         larger than memory.
// When the check fails the row fails with a message naming the file, the mode and the residency
// measured: a "disk" time from the page cache, or a "ram" time from the device, would be wrong.
#ifndef COST_HARNESS_RUN_STORAGE_MODE_H_
#define COST_HARNESS_RUN_STORAGE_MODE_H_

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "datasets/graph.h"
#include "datasets/graph_file.h"

namespace cost::harness {

enum class StorageMode { kUncontrolled, kRam, kDisk };

inline constexpr double kMinResidentInRam = 0.95;
inline constexpr double kMaxResidentOnDisk = 0.05;

// "" (uncontrolled), "ram", "disk".
std::string_view StorageModeName(StorageMode mode);
// "ram" or "disk"; throws std::invalid_argument naming the value otherwise.
StorageMode ParseStorageMode(std::string_view name);

// A storage check that failed: the row's outcome says why.
class StorageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The fraction of the sections' pages in the page cache (mincore over a fresh mapping of each;
// 1 for no bytes). Throws StorageError when the file cannot be opened or mapped.
double ResidentFraction(const std::string& path,
                        const std::vector<datasets::GraphFileSectionInfo>& sections);

// Puts the sections where `mode` says (nothing for kUncontrolled) and returns their resident
// fraction afterwards; throws StorageError when that is not what the mode requires. `mapped`
// (may be null) is the row's graph mapped from `path`: in disk mode its mappings are dropped
// first, since the page cache keeps pages that a process maps.
double PrepareStorage(StorageMode mode, const std::string& path,
                      const std::vector<datasets::GraphFileSectionInfo>& sections,
                      const datasets::Graph* mapped);

// Bytes this process has read from storage devices so far (/proc/self/io read_bytes); 0 where
// the kernel does not account them.
uint64_t DeviceBytesRead();

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_STORAGE_MODE_H_
