// WCC by label propagation in place over the compressed Hilbert arcs streamed from the prepared
// file once per pass, one thread: the passes of label_propagation_passes.h (both ends of every
// arc set to the smaller label, until a pass changes nothing), one label per vertex resident.
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, label
// propagation over the Hilbert-ordered edges read from SSD.
#include "baselines/label_propagation_passes.h"
#include "baselines/stream_prefetch.h"
#include "baselines/streaming.h"

namespace cost::baselines {

std::vector<uint32_t> ConnectedComponentsLabelPropagationStream(
    datasets::CompressedArcStream& stream) {
  const uint64_t n = stream.num_vertices();
  return PropagateLabels(n, [&stream, n](RelaxLabels relax) {
    uint64_t arcs = 0;
    const auto prefetch = [relax](uint32_t u, uint32_t v) { relax.Prefetch(u, v); };
    stream.Pass([&](std::span<const uint8_t> bytes) {
      arcs += DecodeArcsForState(sizeof(uint32_t) * n, bytes, relax, prefetch);
    });
    datasets::CheckArcCount(stream, arcs);
  });
}

}  // namespace cost::baselines
