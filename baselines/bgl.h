// The Boost.Graph (BGL 1.74) sequential peer: the same kernels computed by a widely used
// generic graph library, one thread. Each call copies our CSR into BGL's
// compressed_sparse_row_graph first (inside the timed call: the table's run signature has no
// untimed preparation step), so these rows include that build.
#ifndef COST_BASELINES_BGL_H_
#define COST_BASELINES_BGL_H_

#include <cstdint>
#include <vector>

#include "datasets/graph.h"
#include "datasets/kernel_definitions.h"

namespace cost::baselines {

// boost::graph::page_rank, options.iterations steps. Requires: fewer than 2^32 edges.
// NOT the LDBC definition on graphs with sinks: BGL drops the rank of vertices without
// out-edges (no dangling term), so there the ranks sum to less than 1. Equal to the definition
// when every vertex has an out-edge (see HasSinks).
std::vector<double> PageRankBgl(const datasets::Graph& graph,
                                const datasets::PageRankOptions& options);

// True when some vertex has no out-edges: where PageRankBgl departs from the definition.
bool HasSinks(const datasets::Graph& graph);

// WCC with boost::disjoint_sets (union by rank, path compression) over graph.out's edges.
// Label = the set's representative.
std::vector<uint32_t> ConnectedComponentsBglDisjointSets(const datasets::Graph& graph);

// WCC with boost::connected_components (depth-first search) on the symmetrised graph: BGL's
// CSR is built from out- and in-edges unless graph.symmetric. Requires: fewer than 2^31 edges.
std::vector<uint32_t> ConnectedComponentsBgl(const datasets::Graph& graph);

// Requires: source < num_vertices (or an empty graph); fewer than 2^32 edges.
// boost::breadth_first_search from `source` over out-edges, depths recorded on tree edges;
// unreachable = datasets::kUnreachable.
std::vector<int64_t> BreadthFirstSearchBgl(const datasets::Graph& graph, datasets::VertexId source);

}  // namespace cost::baselines

#endif  // COST_BASELINES_BGL_H_
