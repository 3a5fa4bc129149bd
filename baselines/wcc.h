// Single-threaded weakly-connected-components baselines. Both treat edges as undirected and
// return a component label per vertex (validated up to equivalence).
#ifndef COST_BASELINES_WCC_H_
#define COST_BASELINES_WCC_H_

#include <cstdint>
#include <vector>

#include "datasets/graph.h"

namespace cost::baselines {

// Label propagation over the edge stream, in place, until a pass changes nothing.
// Label = smallest vertex id in the component. Passes ~ diameter: slow on road networks.
std::vector<uint32_t> ConnectedComponentsLabelPropagation(const datasets::Graph& graph);

// Union-find: one pass over the edges (union by rank, no path compression during the pass),
// then one compression pass. Label = the component's root. O(m log n), independent of diameter.
std::vector<uint32_t> ConnectedComponentsUnionFind(const datasets::Graph& graph);

// The same two algorithms over the arcs in Hilbert-curve order (graph.hilbert_src/dst, prepared
// with `--layout hilbert`). Throw std::invalid_argument when the graph lacks that layout.
std::vector<uint32_t> ConnectedComponentsLabelPropagationHilbert(const datasets::Graph& graph);
std::vector<uint32_t> ConnectedComponentsUnionFindHilbert(const datasets::Graph& graph);

// Union-find with neighbour sampling (Afforest): link two out-neighbours per vertex, find the
// giant component, then link the remaining edges of vertices outside it only (and their
// in-edges when the graph is not symmetric). Label = the component's root, which is its
// smallest vertex id (links hang the larger root under the smaller).
std::vector<uint32_t> ConnectedComponentsAfforest(const datasets::Graph& graph);

}  // namespace cost::baselines

#endif  // COST_BASELINES_WCC_H_
