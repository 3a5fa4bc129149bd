// Vertex arrays for the OpenMP kernels, backed by transparent huge pages where the kernel allows
// them. Internal to parallel/ (which may not include baselines/: dependencies point one way).
//
// Why: the kernels gather from arrays of n entries in random order, where 2 MiB pages cut TLB
// misses (docs/methodology.md, "Machine limits and the cost model", has the measured gain). Where
// the THP mode is "madvise", a region gets huge pages only if it is advised before its first
// touch. Without this the 1-thread overhead against the serial baselines (which do the same)
// would be mostly page size, not parallelisation.
#ifndef COST_PARALLEL_THREAD_ARRAYS_H_
#define COST_PARALLEL_THREAD_ARRAYS_H_

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cost::parallel {

// std::vector<T>(n, value), its memory advised for huge pages before it is filled.
template <typename T>
std::vector<T> HugePageArray(size_t n, T value = T()) {
  std::vector<T> v;
  v.reserve(n);  // large blocks come fresh from mmap, untouched
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  const uintptr_t data = reinterpret_cast<uintptr_t>(v.data());
  const uintptr_t begin = (data + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t end = (data + n * sizeof(T)) & ~(kHuge - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  v.assign(n, value);
  return v;
}

}  // namespace cost::parallel

#endif  // COST_PARALLEL_THREAD_ARRAYS_H_
