// Single-threaded kernels that stream the compressed Hilbert arcs from the prepared file on every
// pass (datasets/compressed_arc_stream.h) and keep only per-vertex state in memory: the COST
// paper's "SSD" rows, which run on graphs larger than memory. Each returns what its in-memory
// sibling returns; the stream says where the bytes come from (a file, or a graph in memory).
// On graphs whose per-vertex state outgrows the caches they prefetch it for the arcs ahead
// (stream_prefetch.h).
#ifndef COST_BASELINES_STREAMING_H_
#define COST_BASELINES_STREAMING_H_

#include <cstdint>
#include <vector>

#include "datasets/compressed_arc_stream.h"
#include "datasets/kernel_definitions.h"

namespace cost::baselines {

// PageRank, push (as PageRankPushHilbertCompressed): one pass over the stream per iteration.
// Memory: out-degrees (u32), rank and next (double) per vertex, and the stream's buffer.
std::vector<double> PageRankPushStream(datasets::CompressedArcStream& stream,
                                       const datasets::PageRankOptions& options);

// WCC by union-find (as ConnectedComponentsUnionFindHilbert): one pass. Memory: parent (u32)
// and rank (u8) per vertex. Label = the component's root.
std::vector<uint32_t> ConnectedComponentsUnionFindStream(datasets::CompressedArcStream& stream);

// WCC by label propagation in place (as ConnectedComponentsLabelPropagationHilbert): passes
// until one changes nothing. Memory: one label (u32) per vertex. Label = smallest id.
std::vector<uint32_t> ConnectedComponentsLabelPropagationStream(
    datasets::CompressedArcStream& stream);

}  // namespace cost::baselines

#endif  // COST_BASELINES_STREAMING_H_
