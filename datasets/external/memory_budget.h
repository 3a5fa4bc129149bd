// How much memory a preparation may use, and the error when it cannot fit.
//
// The budget covers what the preparation allocates: its per-vertex arrays, its sort buffers,
// its read and write buffers. The process's own code, libraries and thread stacks come on top
// (about 10 MB), which is why a budget is met within 10% only from a few hundred MB up.
//
// Default: 60% of MemAvailable. The rest is left to the page cache, which the merge's sequential
// reads and the output's write-back go through (starving it turns every read into a disk read),
// and to the other processes of the machine (the kernel's OOM killer ends the largest process,
// without warning, when MemAvailable runs out).
#ifndef COST_DATASETS_EXTERNAL_MEMORY_BUDGET_H_
#define COST_DATASETS_EXTERNAL_MEMORY_BUDGET_H_

#include <cstdint>
#include <optional>
#include <string>

namespace cost::datasets {

inline constexpr double kDefaultBudgetFractionOfAvailable = 0.6;

// MemAvailable from /proc/meminfo; nullopt when it cannot be read.
std::optional<uint64_t> MemAvailableBytes();

// kDefaultBudgetFractionOfAvailable of MemAvailable (1 GiB when MemAvailable is unknown), and of
// the address-space limit (RLIMIT_AS) when that is lower.
uint64_t DefaultMemoryBudget();

// The process's peak resident set (VmHWM of /proc/self/status), 0 when unknown.
uint64_t PeakResidentBytes();

// Throws DatasetError("WHAT: needs N bytes, budget M (DETAIL)").
[[noreturn]] void ThrowOverBudget(const std::string& what, uint64_t needed, uint64_t budget,
                                  const std::string& detail);

}  // namespace cost::datasets

#endif  // COST_DATASETS_EXTERNAL_MEMORY_BUDGET_H_
