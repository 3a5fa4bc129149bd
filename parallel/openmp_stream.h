// OpenMP kernels that stream the compressed Hilbert arcs from the prepared file on every pass
// (datasets/compressed_arc_stream.h): one thread reads each piece, all threads decode it
// (parallel/stream_parts.h). Each returns what its single-threaded sibling in
// baselines/streaming.h returns.
#ifndef COST_PARALLEL_OPENMP_STREAM_H_
#define COST_PARALLEL_OPENMP_STREAM_H_

#include <cstdint>
#include <vector>

#include "datasets/compressed_arc_stream.h"
#include "datasets/kernel_definitions.h"

namespace cost::parallel {

// PageRank push, one pass per iteration. Two threads may add to the same next[v], so each thread
// adds into its own next array, summed at the end of the iteration. Memory: degrees (u32) and
// rank (double) per vertex, a next (double) per vertex and thread, and the stream's buffer.
std::vector<double> PageRankPushStreamOpenMP(datasets::CompressedArcStream& stream,
                                             const datasets::PageRankOptions& options, int threads);

// WCC by concurrent union-find (parallel/concurrent_union_find.h) in one pass. Memory: parent
// (u32) per vertex. Label = the component's root, its smallest id.
std::vector<uint32_t> ConnectedComponentsUnionFindStreamOpenMP(
    datasets::CompressedArcStream& stream, int threads);

}  // namespace cost::parallel

#endif  // COST_PARALLEL_OPENMP_STREAM_H_
