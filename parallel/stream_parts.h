// Decoding one piece of the compressed Hilbert stream (datasets/compressed_arc_stream.h) with
// several threads. The stream is a sequence of varint deltas, so a thread that starts inside it
// knows where a varint starts (after a byte below 0x80) but not the curve index there. Two steps
// per piece: each thread sums the deltas of its share of the piece (cut at varint ends), a prefix
// over the threads gives each share's first index, then each thread decodes its share. The sums
// cost a second read of bytes already in cache, against the decode's curve inverse per arc.
// Internal to parallel/.
#ifndef COST_PARALLEL_STREAM_PARTS_H_
#define COST_PARALLEL_STREAM_PARTS_H_

#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "datasets/compressed_arc_stream.h"

namespace cost::parallel {

// Where share p of `bytes` starts, for p in [0, parts]: near p/parts of the way, moved forward to
// the start of a varint; cuts[0] = 0, cuts[parts] = size.
inline std::vector<uint64_t> CutAtVarints(std::span<const uint8_t> bytes, int parts) {
  std::vector<uint64_t> cuts(parts + 1, bytes.size());
  cuts[0] = 0;
  for (int p = 1; p < parts; ++p) {
    uint64_t at = std::max(cuts[p - 1], bytes.size() * p / parts);
    while (at > 0 && at < bytes.size() && (bytes[at - 1] & 0x80) != 0) ++at;
    cuts[p] = at;
  }
  return cuts;
}

// The sum of the deltas in bytes[begin, end), whole varints; *arcs gets their count.
inline uint64_t SumDeltas(std::span<const uint8_t> bytes, uint64_t begin, uint64_t end,
                          uint64_t* arcs) {
  uint64_t sum = 0, count = 0, delta = 0;
  int shift = 0;
  for (uint64_t at = begin; at < end; ++at) {
    delta |= uint64_t{bytes[at] & 0x7fu} << (shift & 63);
    shift += 7;
    if ((bytes[at] & 0x80) == 0) {
      sum += delta;
      ++count;
      delta = 0;
      shift = 0;
    }
  }
  *arcs = count;
  return sum;
}

// Decodes the piece `bytes` (whole varints, continuing a stream at curve index *index) with
// `threads` threads: fn(thread, src, dst) for each arc, each arc by one thread, the arcs of one
// thread in stream order. Advances *index and returns the arcs decoded. Throws DatasetError (as
// datasets::DecodeArcs) for a piece that ends inside a varint or a varint past 64 bits; then
// some arcs may have been passed to fn.
template <typename Fn>
uint64_t DecodeArcsInParallel(std::span<const uint8_t> bytes, uint64_t* index, int threads, Fn fn) {
  if (!bytes.empty() && (bytes.back() & 0x80) != 0) {
    datasets::ThrowTruncatedHilbertStream(bytes.size());
  }
  const std::vector<uint64_t> cuts = CutAtVarints(bytes, threads);
  std::vector<uint64_t> first_index(threads + 1, *index), arcs(threads + 1, 0);
  std::vector<int> failed(threads, 0);
#pragma omp parallel num_threads(threads)
  {
    // The runtime may grant fewer threads than asked: each takes every nt-th share.
    const int t = omp_get_thread_num(), nt = omp_get_num_threads();
    for (int p = t; p < threads; p += nt) {
      first_index[p + 1] = SumDeltas(bytes, cuts[p], cuts[p + 1], &arcs[p + 1]);
    }
#pragma omp barrier
#pragma omp single
    for (int p = 0; p < threads; ++p) {
      first_index[p + 1] += first_index[p];
      arcs[p + 1] += arcs[p];
    }
    for (int p = t; p < threads; p += nt) {
      uint64_t at = first_index[p];
      try {
        datasets::DecodeArcs(bytes.subspan(cuts[p], cuts[p + 1] - cuts[p]), &at,
                             [&fn, p](uint32_t u, uint32_t v) { fn(p, u, v); });
      } catch (...) {
        failed[p] = 1;  // an exception must not leave the parallel region
      }
    }
  }
  for (int p = 0; p < threads; ++p) {
    if (failed[p]) datasets::ThrowTruncatedHilbertStream(cuts[p]);
  }
  *index = first_index[threads];
  return arcs[threads];
}

}  // namespace cost::parallel

#endif  // COST_PARALLEL_STREAM_PARTS_H_
