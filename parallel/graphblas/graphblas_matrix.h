// What the GraphBLAS kernels share: the C header (which has no extern "C" guard of its own),
// library start-up and thread count, error checks, owning handles, and copying our CSR into a
// GrB_Matrix. Internal to parallel/graphblas/.
#ifndef COST_PARALLEL_GRAPHBLAS_GRAPHBLAS_MATRIX_H_
#define COST_PARALLEL_GRAPHBLAS_GRAPHBLAS_MATRIX_H_

extern "C" {
#include <GraphBLAS.h>
}

#include <cstdint>
#include <vector>

#include "datasets/graph.h"

namespace cost::parallel::graphblas {

// Starts the library once per process (GrB_init, non-blocking mode) and sets the number of
// threads its methods may use from now on. GraphBLAS's thread count is process-wide: callers
// must not run GraphBLAS kernels with different counts at the same time.
void UseGraphBlas(int threads);

// Throws std::runtime_error naming `what` unless info is GrB_SUCCESS.
void Check(GrB_Info info, const char* what);

// Owning handles: GrB_free on destruction.
class Matrix {
 public:
  Matrix() = default;
  Matrix(const Matrix&) = delete;
  Matrix& operator=(const Matrix&) = delete;
  ~Matrix() {
    if (m_ != nullptr) GrB_Matrix_free(&m_);
  }
  GrB_Matrix get() const { return m_; }
  GrB_Matrix* out() { return &m_; }

 private:
  GrB_Matrix m_ = nullptr;
};

class Vector {
 public:
  Vector() = default;
  Vector(const Vector&) = delete;
  Vector& operator=(const Vector&) = delete;
  ~Vector() {
    if (v_ != nullptr) GrB_Vector_free(&v_);
  }
  GrB_Vector get() const { return v_; }
  GrB_Vector* out() { return &v_; }

 private:
  GrB_Vector v_ = nullptr;
};

// The n x n matrix with entry (v, w) for every w in csr.Neighbors(v), every entry equal to
// `*iso_value` (one value of `type`, stored once: GraphBLAS's iso matrices). Copies the offsets
// and widens the 32-bit targets to GrB_Index (64-bit, the only index width GraphBLAS 7 takes),
// with `threads` threads; the matrix owns the copies.
void ImportCsr(const datasets::Csr& csr, GrB_Type type, const void* iso_value, int threads,
               Matrix* matrix);

// A new full GrB_UINT32 vector of length n holding 0, 1, ..., n-1 (the WCC kernels' first
// labels).
void NewIdVector(uint64_t n, Vector* v);

// The n values of a full GrB_UINT32 vector, in index order. Throws if it is not full.
std::vector<uint32_t> FullValues(const Vector& v, uint64_t n);

}  // namespace cost::parallel::graphblas

#endif  // COST_PARALLEL_GRAPHBLAS_GRAPHBLAS_MATRIX_H_
