// The words every room of the harness shares: which problem a row solves (Kernel) and how it
// uses the machine (Kind). Their names are what results files, specs and manifests spell.
#ifndef COST_HARNESS_CORE_KERNEL_H_
#define COST_HARNESS_CORE_KERNEL_H_

#include <string_view>

namespace cost::harness {

enum class Kernel { kPageRank, kWcc, kBfs };
enum class Kind { kSingleThreaded, kThreaded, kMultiprocess };

std::string_view KernelName(Kernel k);  // "pagerank", "wcc", "bfs"
std::string_view KindName(Kind k);      // "single-threaded", "threaded", "multiprocess"
// Return false for an unknown name.
bool ParseKernel(std::string_view name, Kernel* kernel);
bool ParseKind(std::string_view name, Kind* kind);

}  // namespace cost::harness

#endif  // COST_HARNESS_CORE_KERNEL_H_
