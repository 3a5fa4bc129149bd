// GraphBLAS start-up and CSR import; see graphblas_matrix.h.
#include "parallel/graphblas/graphblas_matrix.h"

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <numeric>
#include <stdexcept>
#include <string>

namespace cost::parallel::graphblas {

void Check(GrB_Info info, const char* what) {
  if (info == GrB_SUCCESS) return;
  if (info == GrB_OUT_OF_MEMORY) throw std::bad_alloc();
  throw std::runtime_error(std::string("GraphBLAS ") + what + " failed (GrB_Info " +
                           std::to_string(static_cast<int>(info)) + ")");
}

void UseGraphBlas(int threads) {
  static std::once_flag started;
  std::call_once(started, [] { Check(GrB_init(GrB_NONBLOCKING), "GrB_init"); });
  // Variadic C function: the int argument is read as the option's type (GxB_set is a _Generic
  // macro C++ cannot use).
  Check(GxB_Global_Option_set(GxB_GLOBAL_NTHREADS, threads < 1 ? 1 : threads),
        "GxB_Global_Option_set(NTHREADS)");
}

void ImportCsr(const datasets::Csr& csr, GrB_Type type, const void* iso_value, int threads,
               Matrix* matrix) {
  const uint64_t n = csr.num_vertices, m = csr.num_edges();
  size_t value_size = 0;
  Check(GxB_Type_size(&value_size, type), "GxB_Type_size");
  // GraphBLAS frees imported arrays with its allocator, malloc/free unless told otherwise.
  // Sizes are at least one entry: malloc(0) may return nullptr, which import rejects.
  const GrB_Index offsets_size = (n + 1) * sizeof(GrB_Index);
  const GrB_Index targets_size = (m > 0 ? m : 1) * sizeof(GrB_Index);
  auto* offsets = static_cast<GrB_Index*>(std::malloc(offsets_size));
  auto* targets = static_cast<GrB_Index*>(std::malloc(targets_size));
  void* values = std::malloc(value_size);
  if (offsets == nullptr || targets == nullptr || values == nullptr) {
    std::free(offsets);
    std::free(targets);
    std::free(values);
    throw std::bad_alloc();
  }
  std::memcpy(offsets, csr.offsets.data(), offsets_size);  // uint64_t, as GrB_Index
  std::memcpy(values, iso_value, value_size);
  const uint32_t* from = csr.targets.data();
#pragma omp parallel for num_threads(threads < 1 ? 1 : threads) schedule(static)
  for (uint64_t e = 0; e < m; ++e) targets[e] = from[e];
  // Rows are sorted (Csr's contract), so not jumbled. On success GraphBLAS owns the arrays and
  // sets our pointers to nullptr; on failure they are still ours.
  const GrB_Info info =
      GxB_Matrix_import_CSR(matrix->out(), type, n, n, &offsets, &targets, &values, offsets_size,
                            targets_size, value_size, /*iso=*/true, /*jumbled=*/false, nullptr);
  std::free(offsets);
  std::free(targets);
  std::free(values);
  Check(info, "GxB_Matrix_import_CSR");
}

void NewIdVector(uint64_t n, Vector* v) {
  auto* ids = static_cast<uint32_t*>(std::malloc((n > 0 ? n : 1) * sizeof(uint32_t)));
  if (ids == nullptr) throw std::bad_alloc();
  std::iota(ids, ids + n, 0u);
  void* raw = ids;
  const GrB_Info info = GxB_Vector_import_Full(v->out(), GrB_UINT32, n, &raw, n * sizeof(uint32_t),
                                               /*iso=*/false, nullptr);
  std::free(raw);  // nullptr after a successful import
  Check(info, "GxB_Vector_import_Full");
}

std::vector<uint32_t> FullValues(const Vector& v, uint64_t n) {
  std::vector<uint32_t> values(n);
  GrB_Index count = n;
  Check(GrB_Vector_extractTuples_UINT32(nullptr, values.data(), &count, v.get()),
        "GrB_extractTuples");
  if (count != n) Check(GrB_INVALID_VALUE, "vector not full");
  return values;
}

}  // namespace cost::parallel::graphblas
