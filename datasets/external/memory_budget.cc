// Memory figures from /proc; see memory_budget.h.
#include "datasets/external/memory_budget.h"

#include <sys/resource.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "datasets/dataset_error.h"

namespace cost::datasets {
namespace {

// The value of a "Key:   12345 kB" line of a /proc file, in bytes.
std::optional<uint64_t> ProcKilobytes(const char* file, const std::string& wanted) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(wanted, 0) != 0) continue;
    std::istringstream fields(line.substr(wanted.size()));
    uint64_t value = 0;
    if (fields >> value) return value * 1024;
  }
  return std::nullopt;
}

}  // namespace

std::optional<uint64_t> MemAvailableBytes() {
  return ProcKilobytes("/proc/meminfo", "MemAvailable:");
}

uint64_t DefaultMemoryBudget() {
  const std::optional<uint64_t> available = MemAvailableBytes();
  uint64_t budget = available ? static_cast<uint64_t>(static_cast<double>(*available) *
                                                      kDefaultBudgetFractionOfAvailable)
                              : uint64_t{1} << 30;
  // A process under an address-space cap (a sweep's memory_cap) cannot map more than the cap,
  // whatever the machine has free.
  rlimit cap{};
  if (getrlimit(RLIMIT_AS, &cap) == 0 && cap.rlim_cur != RLIM_INFINITY) {
    budget = std::min<uint64_t>(budget, static_cast<uint64_t>(static_cast<double>(cap.rlim_cur) *
                                                              kDefaultBudgetFractionOfAvailable));
  }
  return budget;
}

uint64_t PeakResidentBytes() { return ProcKilobytes("/proc/self/status", "VmHWM:").value_or(0); }

void ThrowOverBudget(const std::string& what, uint64_t needed, uint64_t budget,
                     const std::string& detail) {
  throw DatasetError(what + ": needs " + std::to_string(needed) + " bytes, budget " +
                     std::to_string(budget) + " (" + detail + ")");
}

}  // namespace cost::datasets
