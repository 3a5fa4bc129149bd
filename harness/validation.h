// Output validation, with the three LDBC Graphalytics rules (exact, epsilon, equivalence), and an
// independent reference implementation of each kernel to validate against.
//
// The rules compare two per-vertex arrays position by position; "vertex i" in a message is the
// position i, which is the dense vertex id when the arrays are kernel outputs. Callers comparing
// files keyed by original ids align them first (see tests/conformance_test.cc).
#ifndef COST_HARNESS_VALIDATION_H_
#define COST_HARNESS_VALIDATION_H_

#include <cstdint>
#include <span>
#include <string>

#include "datasets/graph.h"
#include "harness/systems.h"

namespace cost::harness {

struct ValidationResult {
  bool ok = false;
  // On failure: how many vertices differ and the first one, e.g. "12 of 1000 vertices differ;
  // first: vertex 42: expected 0.0123, got 0.015 (relative error 2.2e-01 > 1e-04)".
  // On success: a one-line summary, e.g. "1000 vertices within relative 1e-04 (max 3.1e-08)".
  std::string message;
};

// LDBC "exact" (BFS depths, CDLP labels): every value equal. Sizes must match.
ValidationResult ValidateExact(std::span<const int64_t> expected, std::span<const int64_t> actual);

// LDBC "epsilon" (PageRank, LCC, SSSP): |e - a| <= relative * |e| for every vertex, so an
// expected 0 requires exactly 0; two infinities of the same sign match; NaN never matches.
// Sizes must match.
ValidationResult ValidateEpsilon(std::span<const double> expected, std::span<const double> actual,
                                 double relative = 1e-4);

// LDBC "equivalence" (WCC): the labels describe the same partition, i.e. there is a bijection
// between expected and actual labels. Catches both a merged and a split component. Sizes must
// match.
ValidationResult ValidateEquivalence(std::span<const uint64_t> expected,
                                     std::span<const uint64_t> actual);

// The kernel's rule: PageRank -> epsilon 1e-4 on doubles; WCC -> equivalence on labels. Fails
// (rather than throws) when a Values holds the wrong type for the kernel.
ValidationResult ValidateValues(Kernel kernel, const Values& expected, const Values& actual);

// The oracle: a deliberately plain implementation of each kernel's definition, using a
// different algorithm from the implementations it checks, single-threaded and in double
// precision.
//   PageRank: push iteration over graph.out, exactly params.iterations steps, per
//             datasets/kernel_definitions.h.
//   WCC: breadth-first search over out- and in-edges together; label = the smallest dense id in
//        the component.
// params.threads is ignored.
Values ReferenceValues(Kernel kernel, const datasets::Graph& graph, const RunParams& params);

}  // namespace cost::harness

#endif  // COST_HARNESS_VALIDATION_H_
