// BFS in GraphBLAS, level by level with a masked vector-matrix product.
//
// q is the frontier (a sparse boolean vector), depth the sparse vector of visited vertices. Each
// level: q<!struct(depth), replace> = q any.pair A (A from graph.out: q * A reaches the
// out-neighbours; the complemented structural mask drops visited ones), stop when q is empty,
// else depth<struct(q)> = level. GraphBLAS picks how to run the masked product (it may go
// push or pull by itself); we give it only A. Setup (timed): the CSR import.
// Reference: Kepner & Gilbert, "Graph Algorithms in the Language of Linear Algebra", BFS;
// LAGraph's level BFS (same algebra).
#include "datasets/kernel_definitions.h"
#include "parallel/graphblas/graphblas.h"
#include "parallel/graphblas/graphblas_matrix.h"

namespace cost::parallel::graphblas {

std::vector<int64_t> BreadthFirstSearchGraphBlas(const datasets::Graph& graph,
                                                 datasets::VertexId source, int threads) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  UseGraphBlas(threads);
  const bool present = true;
  Matrix a;
  ImportCsr(graph.out, GrB_BOOL, &present, threads, &a);
  Vector q, depth;
  Check(GrB_Vector_new(q.out(), GrB_BOOL, n), "GrB_Vector_new");
  Check(GrB_Vector_new(depth.out(), GrB_INT64, n), "GrB_Vector_new");
  Check(GrB_Vector_setElement_BOOL(q.get(), true, source), "GrB_setElement");
  Check(GrB_Vector_setElement_INT64(depth.get(), 0, source), "GrB_setElement");
  for (int64_t level = 1;; ++level) {
    Check(GrB_vxm(q.get(), depth.get(), nullptr, GxB_ANY_PAIR_BOOL, q.get(), a.get(), GrB_DESC_RSC),
          "GrB_vxm");
    GrB_Index reached = 0;
    Check(GrB_Vector_nvals(&reached, q.get()), "GrB_Vector_nvals");
    if (reached == 0) break;
    Check(GrB_Vector_assign_INT64(depth.get(), q.get(), nullptr, level, GrB_ALL, n, GrB_DESC_S),
          "GrB_assign");
  }
  GrB_Index visited = 0;
  Check(GrB_Vector_nvals(&visited, depth.get()), "GrB_Vector_nvals");
  std::vector<GrB_Index> ids(visited);
  std::vector<int64_t> depths(visited);
  Check(GrB_Vector_extractTuples_INT64(ids.data(), depths.data(), &visited, depth.get()),
        "GrB_extractTuples");
  std::vector<int64_t> result(n, datasets::kUnreachable);
  for (GrB_Index i = 0; i < visited; ++i) result[ids[i]] = depths[i];
  return result;
}

}  // namespace cost::parallel::graphblas
