// PageRank, push over the compressed Hilbert arcs streamed from the prepared file once per
// iteration, one thread: the iterations of pagerank_push_iterations.h with the out-degrees read
// once into memory instead of the CSR offsets. Only the per-vertex arrays (rank, next, degrees:
// 20 bytes per vertex) and the stream's buffer are resident; the arcs come from storage on every
// iteration. Once share and sum outgrow the caches, the arcs ahead are prefetched
// (stream_prefetch.h).
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, Table 4 (the
// Hilbert-order PageRank read from SSD); LDBC Graphalytics specification, PageRank.
#include "baselines/huge_pages.h"
#include "baselines/pagerank_push_iterations.h"
#include "baselines/stream_prefetch.h"
#include "baselines/streaming.h"

namespace cost::baselines {

std::vector<double> PageRankPushStream(datasets::CompressedArcStream& stream,
                                       const datasets::PageRankOptions& options) {
  const uint64_t n = stream.num_vertices();
  std::vector<uint32_t> degrees = HugePageVector<uint32_t>(n);
  stream.ReadOutDegrees(degrees);
  const uint32_t* degree = degrees.data();
  return PushOverArcs(
      n, [degree](uint64_t u) { return degree[u]; }, options,
      [&stream, n](PushShare push) {
        uint64_t arcs = 0;
        const auto prefetch = [push](uint32_t u, uint32_t v) { push.Prefetch(u, v); };
        stream.Pass([&](std::span<const uint8_t> bytes) {
          arcs += DecodeArcsForState(2 * sizeof(double) * n, bytes, push, prefetch);
        });
        datasets::CheckArcCount(stream, arcs);
      });
}

}  // namespace cost::baselines
