// PageRank in GraphBLAS, our definition including the dangling term.
//
// AT is the transpose (AT(v, u) = 1 for every arc u -> v, imported from graph.in), so
// AT * t sums over in-neighbours: a pull, which GraphBLAS runs as row dot products. Per iteration:
//   dangling = sum of r over the sinks    (eWiseMult with the sinks' indicator, reduce)
//   t        = r .* weight                (weight(u) = d / outdeg(u), 0 for sinks)
//   r        = base                       (base = (1-d)/n + d * dangling / n)
//   r       += AT plus.second t           (mxv with PLUS accumulation)
// Setup (timed with the kernel): the CSR import, weight and the sinks' indicator.
// Reference: LDBC Graphalytics specification, PageRank; LAGraph's PageRank (same algebra).
#include <algorithm>
#include <cstdlib>
#include <new>

#include "parallel/graphblas/graphblas.h"
#include "parallel/graphblas/graphblas_matrix.h"

namespace cost::parallel::graphblas {
namespace {

// A full (dense) FP64 vector holding values[0..n), imported without a copy beyond `values`.
void FullVector(const std::vector<double>& values, Vector* vector) {
  const uint64_t n = values.size();
  auto* x = static_cast<double*>(std::malloc(n * sizeof(double)));
  if (x == nullptr) throw std::bad_alloc();
  std::copy(values.begin(), values.end(), x);
  void* raw = x;
  const GrB_Info info = GxB_Vector_import_Full(vector->out(), GrB_FP64, n, &raw, n * sizeof(double),
                                               /*iso=*/false, nullptr);
  std::free(raw);  // nullptr after a successful import
  Check(info, "GxB_Vector_import_Full");
}

}  // namespace

std::vector<double> PageRankGraphBlas(const datasets::Graph& graph,
                                      const datasets::PageRankOptions& options, int threads) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  UseGraphBlas(threads);
  const double d = options.damping, one = 1.0;
  Matrix at;
  ImportCsr(graph.in, GrB_FP64, &one, threads, &at);

  std::vector<double> weight(n);
  std::vector<GrB_Index> sink_ids;
  for (uint64_t u = 0; u < n; ++u) {
    const uint64_t degree = graph.out.Degree(static_cast<datasets::VertexId>(u));
    weight[u] = degree == 0 ? 0.0 : d / static_cast<double>(degree);
    if (degree == 0) sink_ids.push_back(u);
  }
  Vector w, sinks, r, t, r_sinks;
  FullVector(weight, &w);
  Check(GrB_Vector_new(sinks.out(), GrB_FP64, n), "GrB_Vector_new");
  if (!sink_ids.empty()) {  // build rejects null arrays, even for no tuples
    const std::vector<double> ones(sink_ids.size(), 1.0);
    Check(GrB_Vector_build_FP64(sinks.get(), sink_ids.data(), ones.data(), sink_ids.size(),
                                GrB_PLUS_FP64),
          "GrB_Vector_build");
  }
  Check(GrB_Vector_new(r.out(), GrB_FP64, n), "GrB_Vector_new");
  Check(GrB_Vector_assign_FP64(r.get(), nullptr, nullptr, 1.0 / static_cast<double>(n), GrB_ALL, n,
                               nullptr),
        "GrB_assign");
  Check(GrB_Vector_new(t.out(), GrB_FP64, n), "GrB_Vector_new");
  Check(GrB_Vector_new(r_sinks.out(), GrB_FP64, n), "GrB_Vector_new");

  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    double dangling = 0;
    if (!sink_ids.empty()) {
      Check(GrB_Vector_eWiseMult_BinaryOp(r_sinks.get(), nullptr, nullptr, GrB_TIMES_FP64,
                                          sinks.get(), r.get(), nullptr),
            "GrB_eWiseMult");
      Check(
          GrB_Vector_reduce_FP64(&dangling, nullptr, GrB_PLUS_MONOID_FP64, r_sinks.get(), nullptr),
          "GrB_reduce");
    }
    Check(GrB_Vector_eWiseMult_BinaryOp(t.get(), nullptr, nullptr, GrB_TIMES_FP64, r.get(), w.get(),
                                        nullptr),
          "GrB_eWiseMult");
    const double base = (1.0 - d) / static_cast<double>(n) + d * dangling / static_cast<double>(n);
    Check(GrB_Vector_assign_FP64(r.get(), nullptr, nullptr, base, GrB_ALL, n, nullptr),
          "GrB_assign");
    Check(
        GrB_mxv(r.get(), nullptr, GrB_PLUS_FP64, GxB_PLUS_SECOND_FP64, at.get(), t.get(), nullptr),
        "GrB_mxv");
  }
  std::vector<double> rank(n);
  GrB_Index count = n;
  Check(GrB_Vector_extractTuples_FP64(nullptr, rank.data(), &count, r.get()), "GrB_extractTuples");
  if (count != n) Check(GrB_INVALID_VALUE, "PageRank: rank vector not full");
  return rank;
}

}  // namespace cost::parallel::graphblas
