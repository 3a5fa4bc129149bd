// WCC in GraphBLAS by FastSV (Zhang, Azad, Hu, "FastSV: A Distributed-Memory Connected Component
// Algorithm with Fast Convergence", SIAM PP 2020), in the form LAGraph's FastSV takes.
//
// f is a parent vector (f[v] <= v, in v's component), gp = f[f] its grandparents. Each round:
//   1. mngp = min(mngp, A' min.second gp)        the smallest grandparent among v's neighbours
//      (and over A when the graph is directed: edges count both ways);
//   2. f[f[v]] = min(f[f[v]], mngp[v])            stochastic hooking: v's parent adopts it;
//   3. f = min(f, mngp, gp)                       aggressive hooking and shortcutting;
//   4. gp' = f[f]; stop when gp' == gp.
// Labels fall towards the smallest id of the component and grandparents double the distance a
// label travels per round: O(log n) rounds on the inputs where min-label propagation
// (graphblas_wcc.cc) needs about the diameter. Label = f at the end (a root per component).
// Steps 1, 3 and 4 are GraphBLAS operations (mxv, eWiseAdd, extract, eWiseMult, reduce).
// Step 2 writes f at indices taken from f itself, where duplicate indices must reduce by min;
// GrB_assign leaves duplicates undefined, so (as LAGraph does) it is a loop over the unpacked
// vectors, here with an atomic min per vertex and the same thread count. Unpack/pack of a full
// vector moves its array in and out of GraphBLAS without a copy. Setup (timed): the CSR
// import(s).
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <new>
#include <numeric>

#include "parallel/graphblas/graphblas.h"
#include "parallel/graphblas/graphblas_matrix.h"

namespace cost::parallel::graphblas {
namespace {

// A full uint32 vector's values, taken out of GraphBLAS (malloc'd; `v` keeps its type and size
// with no entries until PackFull returns them). An iso vector (every value stored once) is
// expanded so callers always see n values.
uint32_t* UnpackFull(Vector* v, uint64_t n) {
  void* values = nullptr;
  GrB_Index size = 0;
  bool iso = false;
  Check(GxB_Vector_unpack_Full(v->get(), &values, &size, &iso, nullptr), "GxB_Vector_unpack_Full");
  if (!iso) return static_cast<uint32_t*>(values);
  const uint32_t value = *static_cast<uint32_t*>(values);
  std::free(values);
  auto* expanded = static_cast<uint32_t*>(std::malloc(n * sizeof(uint32_t)));
  if (expanded == nullptr) throw std::bad_alloc();
  std::fill(expanded, expanded + n, value);
  return expanded;
}

// Gives `values` (n entries, malloc'd) back to `v` as its full contents.
void PackFull(Vector* v, uint32_t* values, uint64_t n) {
  void* raw = values;
  const GrB_Info info =
      GxB_Vector_pack_Full(v->get(), &raw, n * sizeof(uint32_t), /*iso=*/false, nullptr);
  if (info != GrB_SUCCESS) std::free(raw);  // still ours on failure
  Check(info, "GxB_Vector_pack_Full");
}

}  // namespace

std::vector<uint32_t> ConnectedComponentsFastSvGraphBlas(const datasets::Graph& graph,
                                                         int threads) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  threads = std::max(1, threads);
  UseGraphBlas(threads);
  const uint32_t one = 1;
  Matrix at, a;
  ImportCsr(graph.in, GrB_UINT32, &one, threads, &at);
  if (!graph.symmetric) ImportCsr(graph.out, GrB_UINT32, &one, threads, &a);

  Vector f, gp, mngp, gp_new, changed;
  NewIdVector(n, &f);
  NewIdVector(n, &gp);
  NewIdVector(n, &mngp);
  Check(GrB_Vector_new(gp_new.out(), GrB_UINT32, n), "GrB_Vector_new");
  Check(GrB_Vector_new(changed.out(), GrB_BOOL, n), "GrB_Vector_new");
  // parent[v] = f[v] at the start of the round (GrB_Index: extract's index type).
  std::vector<GrB_Index> parent(n);
  std::iota(parent.begin(), parent.end(), GrB_Index{0});

  for (bool any_changed = true; any_changed;) {
    // 1. mngp = min(mngp, A' min.second gp) (and A).
    Check(GrB_mxv(mngp.get(), nullptr, GrB_MIN_UINT32, GrB_MIN_SECOND_SEMIRING_UINT32, at.get(),
                  gp.get(), nullptr),
          "GrB_mxv");
    if (!graph.symmetric) {
      Check(GrB_mxv(mngp.get(), nullptr, GrB_MIN_UINT32, GrB_MIN_SECOND_SEMIRING_UINT32, a.get(),
                    gp.get(), nullptr),
            "GrB_mxv");
    }
    // 2. f[parent[v]] = min(f[parent[v]], mngp[v]), duplicates reduced by min.
    {
      uint32_t* fv = UnpackFull(&f, n);
      uint32_t* mv = nullptr;
      try {
        mv = UnpackFull(&mngp, n);
      } catch (...) {
        PackFull(&f, fv, n);
        throw;
      }
#pragma omp parallel for num_threads(threads) schedule(static)
      for (uint64_t v = 0; v < n; ++v) {
        std::atomic_ref<uint32_t> target(fv[parent[v]]);
        uint32_t current = target.load(std::memory_order_relaxed);
        while (mv[v] < current &&
               !target.compare_exchange_weak(current, mv[v], std::memory_order_relaxed)) {
        }
      }
      PackFull(&mngp, mv, n);
      PackFull(&f, fv, n);
    }
    // 3. f = min(f, min(mngp, gp)).
    Check(GrB_Vector_eWiseAdd_BinaryOp(f.get(), nullptr, GrB_MIN_UINT32, GrB_MIN_UINT32, mngp.get(),
                                       gp.get(), nullptr),
          "GrB_eWiseAdd");
    // 4. gp_new = f[f]; stop when no grandparent changed.
    {
      uint32_t* fv = UnpackFull(&f, n);
#pragma omp parallel for num_threads(threads) schedule(static)
      for (uint64_t v = 0; v < n; ++v) parent[v] = fv[v];
      PackFull(&f, fv, n);
    }
    Check(GrB_Vector_extract(gp_new.get(), nullptr, nullptr, f.get(), parent.data(), n, nullptr),
          "GrB_extract");
    Check(GrB_Vector_eWiseMult_BinaryOp(changed.get(), nullptr, nullptr, GrB_NE_UINT32,
                                        gp_new.get(), gp.get(), nullptr),
          "GrB_eWiseMult");
    Check(
        GrB_Vector_reduce_BOOL(&any_changed, nullptr, GrB_LOR_MONOID_BOOL, changed.get(), nullptr),
        "GrB_reduce");
    std::swap(*gp.out(), *gp_new.out());
  }

  return FullValues(f, n);
}

}  // namespace cost::parallel::graphblas
