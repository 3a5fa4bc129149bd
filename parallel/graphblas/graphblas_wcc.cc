// WCC in GraphBLAS by synchronous min-label propagation.
//
// f starts as the vertex ids; each round f = min(f, AT min.second f), the minimum over
// in-neighbours (AT from graph.in), and on a directed graph also over out-neighbours (A from
// graph.out), so edges count in both directions. Labels only fall, so the round in which their
// sum does not fall changed nothing: stop. Rounds ~ the graph's diameter, as for every label
// propagation. This is the algorithm the paper's systems ran; graphblas_fastsv.cc is the
// O(log n)-round one.
// Label = smallest id in the component. Setup (timed): the CSR import(s).
// Reference: McSherry, Isard, Murray, HotOS 2015 (label propagation); Kepner & Gilbert, "Graph
// Algorithms in the Language of Linear Algebra" (connectivity by semiring products).

#include "parallel/graphblas/graphblas.h"
#include "parallel/graphblas/graphblas_matrix.h"

namespace cost::parallel::graphblas {

std::vector<uint32_t> ConnectedComponentsGraphBlas(const datasets::Graph& graph, int threads) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  UseGraphBlas(threads);
  const uint32_t one = 1;
  Matrix at, a;
  ImportCsr(graph.in, GrB_UINT32, &one, threads, &at);
  if (!graph.symmetric) ImportCsr(graph.out, GrB_UINT32, &one, threads, &a);

  Vector f;
  NewIdVector(n, &f);
  uint64_t sum = n * (n - 1) / 2, previous;  // sum of the ids
  do {
    previous = sum;
    Check(GrB_mxv(f.get(), nullptr, GrB_MIN_UINT32, GrB_MIN_SECOND_SEMIRING_UINT32, at.get(),
                  f.get(), nullptr),
          "GrB_mxv");
    if (!graph.symmetric) {
      Check(GrB_mxv(f.get(), nullptr, GrB_MIN_UINT32, GrB_MIN_SECOND_SEMIRING_UINT32, a.get(),
                    f.get(), nullptr),
            "GrB_mxv");
    }
    Check(GrB_Vector_reduce_UINT64(&sum, nullptr, GrB_PLUS_MONOID_UINT64, f.get(), nullptr),
          "GrB_reduce");
  } while (sum < previous);

  return FullValues(f, n);
}

}  // namespace cost::parallel::graphblas
