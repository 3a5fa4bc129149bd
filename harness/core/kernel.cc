#include "harness/core/kernel.h"

#include "harness/core/name_table.h"

namespace cost::harness {
namespace {

constexpr Named<Kernel> kKernelNames[] = {
    {Kernel::kPageRank, "pagerank"},
    {Kernel::kWcc, "wcc"},
    {Kernel::kBfs, "bfs"},
};

constexpr Named<Kind> kKindNames[] = {
    {Kind::kSingleThreaded, "single-threaded"},
    {Kind::kThreaded, "threaded"},
    {Kind::kMultiprocess, "multiprocess"},
};

}  // namespace

std::string_view KernelName(Kernel k) { return NameIn(kKernelNames, k); }
std::string_view KindName(Kind k) { return NameIn(kKindNames, k); }
bool ParseKernel(std::string_view name, Kernel* kernel) {
  return ParseIn(kKernelNames, name, kernel);
}
bool ParseKind(std::string_view name, Kind* kind) { return ParseIn(kKindNames, name, kind); }

}  // namespace cost::harness
