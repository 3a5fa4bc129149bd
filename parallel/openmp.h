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

// PageRank push over the arcs in Hilbert-curve order (graph.hilbert_src/dst), cut into
// destination-range tiles so each thread owns the destinations it adds to. Same definition as
// baselines::PageRankPushHilbert. Throws std::invalid_argument when the graph lacks the layout.
std::vector<double> PageRankPushHilbertOpenMP(const datasets::Graph& graph,
                                              const datasets::PageRankOptions& options,
                                              int threads);

// Label propagation with a frontier: dense passes pull the minimum label over each vertex's
// undirected neighbourhood, sparse passes push from the vertices whose label fell, until none
// did. Label = smallest id in the component (as baselines::ConnectedComponentsLabelPropagation).
std::vector<uint32_t> ConnectedComponentsLabelPropagationOpenMP(const datasets::Graph& graph,
                                                                int threads);

// Afforest (concurrent union-find with neighbour sampling). Label = the component's root, its
// smallest id (as baselines::ConnectedComponentsAfforest); like every WCC output it is validated
// up to equivalence.
std::vector<uint32_t> ConnectedComponentsAfforestOpenMP(const datasets::Graph& graph, int threads);

// Direction-optimizing BFS (top-down / bottom-up by frontier size); reads graph.out and
// graph.in. Requires: source < num_vertices unless the graph is empty. Same output as
// baselines::BreadthFirstSearch.
std::vector<int64_t> BreadthFirstSearchDirectionOptimizingOpenMP(const datasets::Graph& graph,
                                                                 datasets::VertexId source,
                                                                 int threads);

}  // namespace cost::parallel

#endif  // COST_PARALLEL_OPENMP_H_
