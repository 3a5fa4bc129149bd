#include "harness/run/row_validation.h"

#include <sys/resource.h>

#include <stdexcept>
#include <utility>

#include "datasets/graph_file.h"
#include "harness/run/reference_cache.h"
#include "harness/run/row_sections.h"
#include "harness/run/validation.h"

namespace cost::harness {
namespace {

// ValidateOutput, with the reference of PageRank and WCC from the request's reference cache: the
// one `stored` holds, or the one computed now and kept there for the rows after this one.
ValidationResult ValidateRowOutput(Kernel kernel, const MeasurementRequest& request,
                                   const MeasurementOutput& out, std::optional<Values> stored) {
  if (kernel == Kernel::kBfs || request.reference_cache.empty()) {
    return ValidateOutput(kernel, out.graph, out.params, out.values);
  }
  bool reused = stored.has_value();
  const Values reference = stored ? std::move(*stored)
                                  : CachedReferenceValues(request.reference_cache, kernel,
                                                          out.measurement.graph_checksum, out.graph,
                                                          out.params, &reused);
  ValidationResult check = ValidateValues(kernel, reference, out.values);
  if (reused) check.message += " (against the reference an earlier row kept)";
  return check;
}

}  // namespace

datasets::Graph LoadEdgesToValidate(const MeasurementRequest& request, Kernel kernel) {
  const datasets::GraphFileInfo info = datasets::ReadGraphFileInfo(request.graph_path);
  if (!info.prepared.csr) {
    throw std::invalid_argument(request.graph_path +
                                ": validation reads the csr section, which the file lacks: "
                                "prepare it with csr or use --no-validate");
  }
  const datasets::PreparedSections needed = ValidationSections(kernel);
  return datasets::LoadGraphFile(
      request.graph_path,
      {.csr = true, .transpose = needed.transpose && info.prepared.transpose, .hilbert = false});
}

std::optional<Values> StoredReference(const MeasurementRequest& request, Kernel kernel,
                                      const MeasurementOutput& out) {
  if (request.reference_cache.empty() || kernel == Kernel::kBfs ||
      out.measurement.graph_checksum.empty()) {
    return std::nullopt;
  }
  return LoadReference(request.reference_cache,
                       ReferenceKeyOf(kernel, out.measurement.graph_checksum, out.params));
}

void FinishMeasurement(const MeasurementRequest& request, Kernel kernel, MeasurementOutput* out,
                       std::optional<Values> stored) {
  Measurement& m = out->measurement;
  if (request.validate) {
    ValidationResult check = ValidateRowOutput(kernel, request, *out, std::move(stored));
    if (request.implementation) NoteDeviation(*request.implementation, out->graph, &check);
    m.outcome = check.ok ? Outcome::kOk : Outcome::kInvalidOutput;
    m.message = check.message;
  } else {
    m.message = "not validated (--no-validate)";
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  m.peak_rss_bytes = static_cast<uint64_t>(usage.ru_maxrss) * 1024;  // ru_maxrss is in KiB
}

}  // namespace cost::harness
