// Decoding one piece of the compressed Hilbert stream (datasets/compressed_arc_stream.h) with
// several threads. A piece holds whole tile runs (datasets/hilbert_tiles.h), each decodable on
// its own, so the threads split the piece at run boundaries (a walk over the run headers, a few
// per hundred kilobytes) and decode their shares independently. Internal to parallel/.
#ifndef COST_PARALLEL_STREAM_PARTS_H_
#define COST_PARALLEL_STREAM_PARTS_H_

#include <omp.h>

#include <cstdint>
#include <span>
#include <vector>

#include "datasets/compressed_arc_stream.h"
#include "datasets/hilbert_tiles.h"

namespace cost::parallel {

// Decodes the piece `bytes` (whole runs) with `threads` threads: fn(thread, src, dst) for each
// arc, each arc by one thread, the arcs of one thread in stream order. Returns the arcs decoded.
// Throws DatasetError (as datasets::DecodeArcs) for a malformed piece; then some arcs may have
// been passed to fn.
template <typename Fn>
uint64_t DecodeArcsInParallel(std::span<const uint8_t> bytes, int threads, Fn fn) {
  datasets::WholeTileRuns(bytes);  // checks every header before the threads trust the cuts
  const std::vector<uint64_t> cuts = datasets::CutAtTileRuns(bytes, threads);
  std::vector<uint64_t> arcs(threads, 0);
  std::vector<int> failed(threads, 0);
#pragma omp parallel num_threads(threads)
  {
    // The runtime may grant fewer threads than asked: each takes every nt-th share.
    const int t = omp_get_thread_num(), nt = omp_get_num_threads();
    for (int p = t; p < threads; p += nt) {
      try {
        arcs[p] = datasets::DecodeArcs(bytes.subspan(cuts[p], cuts[p + 1] - cuts[p]),
                                       [&fn, p](uint32_t u, uint32_t v) { fn(p, u, v); });
      } catch (...) {
        failed[p] = 1;  // an exception must not leave the parallel region
      }
    }
  }
  uint64_t total = 0;
  for (int p = 0; p < threads; ++p) {
    // Decoding the share alone again names the byte and the reason, outside the region.
    if (failed[p])
      datasets::DecodeTileRuns(
          bytes.subspan(cuts[p], cuts[p + 1] - cuts[p]), [](uint32_t, uint32_t) {}, cuts[p]);
    total += arcs[p];
  }
  return total;
}

}  // namespace cost::parallel

#endif  // COST_PARALLEL_STREAM_PARTS_H_
