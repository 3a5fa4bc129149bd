// Single-threaded breadth-first search baseline.
#ifndef COST_BASELINES_BFS_H_
#define COST_BASELINES_BFS_H_

#include <cstdint>
#include <vector>

#include "datasets/graph.h"

namespace cost::baselines {

// Requires: source < graph.num_vertices(), unless the graph is empty (then returns {}).
// Returns the hop depth of every vertex from `source` following out-edges (graph.out);
// unreachable = datasets::kUnreachable.
std::vector<int64_t> BreadthFirstSearch(const datasets::Graph& graph, datasets::VertexId source);

// The same depths, direction-optimizing: top-down steps over graph.out while the frontier is
// small, bottom-up steps over graph.in (a bitmap frontier) while it is large. Same contract.
std::vector<int64_t> BreadthFirstSearchDirectionOptimizing(const datasets::Graph& graph,
                                                           datasets::VertexId source);

}  // namespace cost::baselines

#endif  // COST_BASELINES_BFS_H_
