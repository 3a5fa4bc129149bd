#include "harness/core/kernel.h"

namespace cost::harness {

std::string_view KernelName(Kernel k) {
  switch (k) {
    case Kernel::kPageRank:
      return "pagerank";
    case Kernel::kWcc:
      return "wcc";
    case Kernel::kBfs:
      return "bfs";
  }
  return "unknown";
}

std::string_view KindName(Kind k) {
  switch (k) {
    case Kind::kSingleThreaded:
      return "single-threaded";
    case Kind::kThreaded:
      return "threaded";
    case Kind::kMultiprocess:
      return "multiprocess";
  }
  return "unknown";
}

bool ParseKernel(std::string_view name, Kernel* kernel) {
  for (Kernel k : {Kernel::kPageRank, Kernel::kWcc, Kernel::kBfs}) {
    if (KernelName(k) == name) {
      *kernel = k;
      return true;
    }
  }
  return false;
}

bool ParseKind(std::string_view name, Kind* kind) {
  for (Kind k : {Kind::kSingleThreaded, Kind::kThreaded, Kind::kMultiprocess}) {
    if (KindName(k) == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

}  // namespace cost::harness
