// Multithreaded (OpenMP) kernels. Each takes its thread count per call (no global state), and
// returns exactly what its single-threaded sibling in baselines/ returns.
#ifndef COST_PARALLEL_OPENMP_H_
#define COST_PARALLEL_OPENMP_H_

#include <cstdint>
#include <vector>

#include "datasets/graph.h"
#include "datasets/kernel_definitions.h"

namespace cost::parallel {

// PageRank pull over the transpose; vertices split into contiguous ranges of about equal
// in-edge count, one per thread. Same definition as baselines::PageRankPull.
std::vector<double> PageRankPullOpenMP(const datasets::Graph& graph,
                                       const datasets::PageRankOptions& options, int threads);

// Label propagation: every pass each vertex takes the minimum label over its undirected
// neighbourhood, in place with relaxed atomics, until a pass changes nothing.
std::vector<uint32_t> ConnectedComponentsLabelPropagationOpenMP(const datasets::Graph& graph,
                                                                int threads);

}  // namespace cost::parallel

#endif  // COST_PARALLEL_OPENMP_H_
