// SuiteSparse:GraphBLAS 7.4 as a peer system: the three kernels written as sparse linear algebra
// over its C API, with GraphBLAS's own threads (set per call). Each call copies our CSR into a
// GrB_Matrix first (graphblas_matrix.h) and that copy is part of the call, as the bgl rows time
// their CSR build. Outputs are the same as the serial baselines' (validated the same way).
#ifndef COST_PARALLEL_GRAPHBLAS_GRAPHBLAS_H_
#define COST_PARALLEL_GRAPHBLAS_GRAPHBLAS_H_

#include <cstdint>
#include <vector>

#include "datasets/graph.h"
#include "datasets/kernel_definitions.h"

namespace cost::parallel::graphblas {

// PageRank as in datasets/kernel_definitions.h (dangling term included): per iteration
// r = base + A' * (d * r ./ outdeg) with mxv over the transpose (a pull), PLUS_SECOND semiring.
std::vector<double> PageRankGraphBlas(const datasets::Graph& graph,
                                      const datasets::PageRankOptions& options, int threads);

// WCC by synchronous min-label propagation: f = min(f, A' min.second f) (and over A when the
// graph is not symmetric) until the label sum stops falling. Label = smallest id in the component.
std::vector<uint32_t> ConnectedComponentsGraphBlas(const datasets::Graph& graph, int threads);

// WCC by FastSV (Zhang, Azad, Hu, SIAM PP 2020; LAGraph's form): hooking on the neighbours'
// minimum grandparent and shortcutting, O(log n) rounds. Label = a root per component (its
// smallest id); validated up to equivalence like every WCC output.
std::vector<uint32_t> ConnectedComponentsFastSvGraphBlas(const datasets::Graph& graph, int threads);

// BFS level by level: q<!struct(depth), replace> = q any.pair A, then depth<struct(q)> = level.
// Requires: source < num_vertices unless the graph is empty. Unreachable = kUnreachable.
std::vector<int64_t> BreadthFirstSearchGraphBlas(const datasets::Graph& graph,
                                                 datasets::VertexId source, int threads);

}  // namespace cost::parallel::graphblas

#endif  // COST_PARALLEL_GRAPHBLAS_GRAPHBLAS_H_
