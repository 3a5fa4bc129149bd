// Refusing a prepared graph that cannot fit in memory, before mapping it: a measurement that
// would only swap (or be killed by the OOM killer halfway through a sweep row) is recorded as
// out-of-memory at once, with how much it needed.
#ifndef COST_HARNESS_MACHINE_MEMORY_ADMISSION_H_
#define COST_HARNESS_MACHINE_MEMORY_ADMISSION_H_

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "datasets/graph_file.h"

namespace cost::harness {

// A graph (or other input) larger than the memory available for it.
class NotEnoughMemoryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// MemAvailable from /proc/meminfo in bytes (the kernel's estimate of what can be allocated
// without swapping), or the size in $COST_FAKE_MEM_AVAILABLE when set (for tests: "1000", "8G";
// see byte_size.h); nullopt when neither can be read.
std::optional<uint64_t> AvailableMemoryBytes();

// Throws NotEnoughMemoryError("PATH: the prepared graph needs N bytes (X GiB) in memory, only M
// bytes (Y GiB) are available (MemAvailable)") when the file's sections (its declared size:
// every section is mapped and read) exceed the available memory. Does nothing when the
// available memory is unknown.
void RequireMemoryForGraph(const std::string& path, const datasets::GraphFileInfo& info);
// The same for a load of only `sections` (datasets::MappedSectionBytes of them).
void RequireMemoryForGraph(const std::string& path, const datasets::GraphFileInfo& info,
                           const datasets::PreparedSections& sections);

}  // namespace cost::harness

#endif  // COST_HARNESS_MACHINE_MEMORY_ADMISSION_H_
