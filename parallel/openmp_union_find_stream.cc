// WCC by concurrent union-find over the compressed Hilbert arcs streamed once from the prepared
// file, OpenMP: every thread links the arcs it decodes (concurrent_union_find.h: links from the
// larger root to the smaller by compare-exchange, path halving), then every vertex is pointed at
// its root. Labels are roots, the smallest id of each component.
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, Table 5.
#include <numeric>

#include "parallel/concurrent_union_find.h"
#include "parallel/openmp_stream.h"
#include "parallel/stream_parts.h"
#include "parallel/thread_arrays.h"

namespace cost::parallel {

std::vector<uint32_t> ConnectedComponentsUnionFindStreamOpenMP(
    datasets::CompressedArcStream& stream, int threads) {
  const uint64_t n = stream.num_vertices();
  threads = std::max(1, threads);
  std::vector<uint32_t> parent_array = HugePageArray<uint32_t>(n);
  std::iota(parent_array.begin(), parent_array.end(), 0u);
  uint32_t* parent = parent_array.data();
  uint64_t arcs = 0;
  stream.Pass([&](std::span<const uint8_t> bytes) {
    arcs += DecodeArcsInParallel(bytes, threads,
                                 [parent](int, uint32_t u, uint32_t v) { Link(parent, u, v); });
  });
  datasets::CheckArcCount(stream, arcs);
#pragma omp parallel for num_threads(threads) schedule(static)
  for (uint64_t v = 0; v < n; ++v) {
    Store(parent, static_cast<uint32_t>(v), FindHalving(parent, static_cast<uint32_t>(v)));
  }
  return parent_array;
}

}  // namespace cost::parallel
