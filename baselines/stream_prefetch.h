// When the streaming rows (streaming.h) prefetch the per-vertex state of the arcs ahead.
// Internal to baselines/.
#ifndef COST_BASELINES_STREAM_PREFETCH_H_
#define COST_BASELINES_STREAM_PREFETCH_H_

#include <cstdint>
#include <span>

#include "datasets/compressed_arc_stream.h"

namespace cost::baselines {

// A pass over a graph's tiles touches a source and a target entry per arc, scattered over a
// 2^16-vertex window each: once the arrays an arc indexes outgrow the caches, most arcs wait for
// memory, and prefetching the state of the arcs ahead keeps many of those misses in flight.
// While the arrays still fit, the prefetches are extra instructions on a cache hit and make the
// pass slower; measured side by side, label propagation and union-find cross over between 16 and
// 64 MiB of state, PageRank at about 16 MiB (docs/implementations.md gives the measurements),
// hence this threshold.
inline constexpr uint64_t kPrefetchStateBytes = uint64_t{32} << 20;

// Decodes one piece of a pass (as datasets::DecodeArcs): fn(src, dst) per arc, with
// prefetch(src, dst) for the arcs ahead when state_bytes, the bytes of the per-vertex arrays
// that fn indexes by src and dst, reach kPrefetchStateBytes.
template <typename Fn, typename Prefetch>
uint64_t DecodeArcsForState(uint64_t state_bytes, std::span<const uint8_t> bytes, Fn fn,
                            Prefetch prefetch) {
  if (state_bytes >= kPrefetchStateBytes) {
    return datasets::DecodeArcsPrefetched(bytes, fn, prefetch);
  }
  return datasets::DecodeArcs(bytes, fn);
}

}  // namespace cost::baselines

#endif  // COST_BASELINES_STREAM_PREFETCH_H_
