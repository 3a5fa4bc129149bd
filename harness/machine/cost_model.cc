// The cost model's table: what each kernel streams and gathers per arc and per vertex.
#include "harness/machine/cost_model.h"

#include <algorithm>

#include "harness/core/format.h"

namespace cost::harness {
namespace {

// Per pass over the graph.
struct PassCost {
  double vertex_stream_bytes;  // per-vertex arrays read or written in order
  double gathered_value_bits;  // size of one gathered value (the compact form)
  const char* what;
};

PassCost PassCostOf(Kernel kernel) {
  switch (kernel) {
    case Kernel::kPageRank:
      // Offsets (8 B) + the rank read and written (2 x 8 B) + the contribution written (4 B).
      return {28, 32, "iteration"};
    case Kernel::kWcc:
      // Offsets + a label read and written.
      return {16, 32, "pass over every arc"};
    case Kernel::kBfs:
      // Offsets + the depth written.
      return {16, 1, "pass over every arc"};
  }
  return {0, 0, ""};
}

double ArcBytes(const Workload& w) {
  switch (w.layout) {
    case datasets::EdgeLayout::kVertex:
      return 4;
    case datasets::EdgeLayout::kHilbert:
      return 8;
    case datasets::EdgeLayout::kCompressed:
      return w.num_arcs ? static_cast<double>(w.compressed_bytes) / w.num_arcs : 0;
  }
  return 4;
}

}  // namespace

CostEstimate EstimateCost(const Workload& w, const MachineLimits& limits) {
  const PassCost pass = PassCostOf(w.kernel);
  const double passes = w.kernel == Kernel::kPageRank ? std::max(1, w.iterations) : 1;
  CostEstimate e;
  e.streamed_bytes =
      passes * (ArcBytes(w) * w.num_arcs + pass.vertex_stream_bytes * w.num_vertices);
  e.gathers = passes * w.num_arcs;
  e.gathered_array_bytes = static_cast<uint64_t>(pass.gathered_value_bits * w.num_vertices / 8);
  const bool hilbert = w.layout != datasets::EdgeLayout::kVertex;
  const uint64_t charged_bytes =
      hilbert ? std::min(e.gathered_array_bytes, limits.l2_bytes) : e.gathered_array_bytes;
  e.gather_level = GatherLevel(limits, charged_bytes);
  e.rate_array_bytes = ChargedGatherPoint(limits, charged_bytes).array_bytes;
  const double gather_rate = GatherRate(limits, charged_bytes, w.cores);
  const double bandwidth = ReadBandwidth(limits, w.cores);
  e.stream_seconds = bandwidth > 0 ? e.streamed_bytes / bandwidth : 0;
  e.gather_seconds = gather_rate > 0 ? e.gathers / gather_rate : 0;
  e.limit_seconds = e.stream_seconds + e.gather_seconds;
  e.bound = e.gather_seconds >= e.stream_seconds ? "gather-bound" : "bandwidth-bound";
  e.basis = Printf(
      "%g x %s: %.3g B/arc streamed, 1 gather/arc from a %s array (%s, at the rate "
      "measured from %s)",
      passes, pass.what, ArcBytes(w), GatherArrayText(e.gathered_array_bytes).c_str(),
      hilbert ? "Hilbert order: charged at L2" : e.gather_level.c_str(),
      GatherArrayText(e.rate_array_bytes).c_str());
  return e;
}

void RecordFractionOfLimit(const Workload& workload, const MachineLimits& limits, Measurement* m) {
  if (m->median_seconds <= 0) return;
  const CostEstimate e = EstimateCost(workload, limits);
  m->limit_seconds = e.limit_seconds;
  m->fraction_of_limit = e.limit_seconds / m->median_seconds;
  m->limit_bound = e.bound;
  m->limit_basis = e.basis;
}

}  // namespace cost::harness
