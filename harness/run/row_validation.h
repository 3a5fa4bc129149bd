// How a measured row's output is judged: against the reference a sweep's reference cache keeps
// (reference_cache.h) or one computed now (validation.h), and what the row then records. Every
// runner (in-process, MPI, external system) finishes its row here.
#ifndef COST_HARNESS_RUN_ROW_VALIDATION_H_
#define COST_HARNESS_RUN_ROW_VALIDATION_H_

#include <optional>

#include "datasets/graph.h"
#include "harness/run/measurement.h"

namespace cost::harness {

// The reference request.reference_cache holds for this row's graph, kernel and parameters;
// nullopt when there is none, no cache, or the kernel is BFS (verified without one).
std::optional<Values> StoredReference(const MeasurementRequest& request, Kernel kernel,
                                      const MeasurementOutput& out);

// The sections validation of `kernel` reads (ValidationSections: the CSR, and for WCC and BFS
// its transpose), for a row that streamed its edges and so never mapped them. Throws
// std::invalid_argument when the file holds no CSR.
datasets::Graph LoadEdgesToValidate(const MeasurementRequest& request, Kernel kernel);

// Validates out->values (unless request.validate is off), notes the row's named deviation, and
// records the outcome, its message and the peak RSS. `stored`: the reference already read from
// request.reference_cache (StoredReference), if any.
void FinishMeasurement(const MeasurementRequest& request, Kernel kernel, MeasurementOutput* out,
                       std::optional<Values> stored = std::nullopt);

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_ROW_VALIDATION_H_
