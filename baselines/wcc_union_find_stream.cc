// WCC by union-find over the compressed Hilbert arcs streamed once from the prepared file, one
// thread: the forest of union_find.h (union by rank, roots found without compression during the
// pass, one compression pass at the end), 5 bytes per vertex resident; the arcs are read once.
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, Table 5 (the
// Hilbert-order union-find read from SSD).
#include <utility>

#include "baselines/stream_prefetch.h"
#include "baselines/streaming.h"
#include "baselines/union_find.h"

namespace cost::baselines {

std::vector<uint32_t> ConnectedComponentsUnionFindStream(datasets::CompressedArcStream& stream) {
  UnionByRank forest(stream.num_vertices());
  uint64_t arcs = 0;
  stream.Pass([&](std::span<const uint8_t> bytes) {
    arcs += DecodeArcsForState(
        sizeof(uint32_t) * stream.num_vertices(), bytes,
        [&forest](uint32_t u, uint32_t v) { forest.Union(u, v); },
        [&forest](uint32_t u, uint32_t v) { forest.Prefetch(u, v); });
  });
  datasets::CheckArcCount(stream, arcs);
  return std::move(forest).CompressToRoots();
}

}  // namespace cost::baselines
