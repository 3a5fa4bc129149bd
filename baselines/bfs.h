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

}  // namespace cost::baselines

#endif  // COST_BASELINES_BFS_H_
