// Available memory and the check against a prepared graph's size; see memory_admission.h.
#include "harness/machine/memory_admission.h"

#include <cstdlib>
#include <fstream>
#include <string>

#include "harness/core/byte_size.h"
#include "harness/core/format.h"

namespace cost::harness {
namespace {

std::string BytesAndGiB(uint64_t bytes) {
  return std::to_string(bytes) + " bytes (" + FormatGiB(static_cast<double>(bytes), 2) + ")";
}

}  // namespace

std::optional<uint64_t> AvailableMemoryBytes() {
  if (const char* fake = std::getenv("COST_FAKE_MEM_AVAILABLE"); fake && *fake) {
    return TryParseByteSize(fake);
  }
  std::ifstream meminfo("/proc/meminfo");
  std::string key, unit;
  uint64_t value = 0;
  // Lines read "MemAvailable:   12345678 kB".
  while (meminfo >> key >> value) {
    std::getline(meminfo, unit);
    if (key == "MemAvailable:") return value * 1024;
  }
  return std::nullopt;
}

namespace {

void RequireMemoryFor(const std::string& path, uint64_t bytes) {
  const std::optional<uint64_t> available = AvailableMemoryBytes();
  if (!available || bytes <= *available) return;
  throw NotEnoughMemoryError(path + ": the prepared graph needs " + BytesAndGiB(bytes) +
                             " in memory, only " + BytesAndGiB(*available) +
                             " are available (MemAvailable)");
}

}  // namespace

void RequireMemoryForGraph(const std::string& path, const datasets::GraphFileInfo& info) {
  RequireMemoryFor(path, info.file_bytes);
}

void RequireMemoryForGraph(const std::string& path, const datasets::GraphFileInfo& info,
                           const datasets::PreparedSections& sections) {
  RequireMemoryFor(path, datasets::MappedSectionBytes(info, sections));
}

}  // namespace cost::harness
