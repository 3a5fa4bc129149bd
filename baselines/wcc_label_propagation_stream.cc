// WCC by label propagation in place over the compressed Hilbert arcs streamed from the prepared
// file once per pass, one thread: the passes of label_propagation_passes.h (both ends of every
// arc set to the smaller label, until a pass changes nothing), one label per vertex resident.
// Reference: McSherry, Isard, Murray, "Scalability! But at what COST?", HotOS 2015, label
// propagation over the Hilbert-ordered edges read from SSD.
#include "baselines/label_propagation_passes.h"
#include "baselines/streaming.h"

namespace cost::baselines {

std::vector<uint32_t> ConnectedComponentsLabelPropagationStream(
    datasets::CompressedArcStream& stream) {
  return PropagateLabels(stream.num_vertices(), [&stream](auto relax) {
    uint64_t arcs = 0;
    stream.Pass(
        [&](std::span<const uint8_t> bytes) { arcs += datasets::DecodeArcs(bytes, relax); });
    datasets::CheckArcCount(stream, arcs);
  });
}

}  // namespace cost::baselines
