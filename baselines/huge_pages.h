// Vertex arrays backed by transparent huge pages where the kernel allows them.
//
// The baselines' hot loops gather from arrays of n entries in random order; with 4 KiB pages a
// 16 MiB array needs 4096 TLB entries, with 2 MiB pages eight. Where the THP mode is "madvise"
// (the results file's machine record says which), a region gets huge pages only if it is
// advised before its first touch: reserve the memory, advise it, then fill it.
#ifndef COST_BASELINES_HUGE_PAGES_H_
#define COST_BASELINES_HUGE_PAGES_H_

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cost::baselines {

// Asks for huge pages on the 2 MiB-aligned part of [data, data + bytes). Advisory: does nothing
// where unsupported, and below 2 MiB there is nothing to gain.
inline void AdviseHugePages(void* data, size_t bytes) {
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(kHuge - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

// std::vector<T>(n, value), with its memory advised for huge pages before it is filled.
template <typename T>
std::vector<T> HugePageVector(size_t n, T value = T()) {
  std::vector<T> v;
  v.reserve(n);  // allocates without touching: large blocks come fresh from mmap
  AdviseHugePages(v.data(), n * sizeof(T));
  v.assign(n, value);
  return v;
}

}  // namespace cost::baselines

#endif  // COST_BASELINES_HUGE_PAGES_H_
