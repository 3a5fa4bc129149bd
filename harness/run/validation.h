// Output validation, with the three LDBC Graphalytics rules (exact, epsilon, equivalence), and an
// independent reference implementation of each kernel to validate against.
//
// The rules compare two per-vertex arrays position by position; "vertex i" in a message is the
// position i, which is the dense vertex id when the arrays are kernel outputs. Callers comparing
// files keyed by original ids align them first (see tests/conformance_test.cc).
#ifndef COST_HARNESS_RUN_VALIDATION_H_
#define COST_HARNESS_RUN_VALIDATION_H_

#include <cstdint>
#include <span>
#include <string>

#include "datasets/graph.h"
#include "harness/run/implementations.h"

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

// The kernel's rule: PageRank -> epsilon 1e-4 on doubles; WCC -> equivalence on labels; BFS ->
// exact on int64 depths. Fails (rather than throws) when a Values holds the wrong type for the
// kernel.
ValidationResult ValidateValues(Kernel kernel, const Values& expected, const Values& actual);

// Proves `depths` are the BFS depths from `source` over graph.out without computing them:
// depth[source] = 0; every edge (u, v) with u reached has v reached and depth[v] <= depth[u] + 1
// (nothing is deeper than its shortest path); every other reached vertex v has an in-neighbour
// at depth[v] - 1 (nothing is shallower: following such parents is a path of that length from
// the source). Unreached = datasets::kUnreachable; negative depths fail. O(n + m).
ValidationResult VerifyBfsDepths(const datasets::Graph& graph, datasets::VertexId source,
                                 std::span<const int64_t> depths);

// What a measurement runs: validates `actual`, a `kernel` output on `graph` with `params`.
// BFS: VerifyBfsDepths (linear, so it scales to any graph). Other kernels: ValidateValues
// against ReferenceValues.
ValidationResult ValidateOutput(Kernel kernel, const datasets::Graph& graph,
                                const RunParams& params, const Values& actual);

// When impl has a known deviation, names it in result->message (result->ok is left as the
// validation found it): a failure reads "known deviation: <text>; <reason>", a pass ends with
// a note that the graph did not trigger it. Nothing changes for an implementation without one.
void NoteDeviation(const Implementation& impl, const datasets::Graph& graph,
                   ValidationResult* result);

// The oracle: a deliberately plain implementation of each kernel's definition, using a
// different algorithm from the implementations it checks, single-threaded and in double
// precision.
//   PageRank: push iteration over graph.out, exactly params.iterations steps, per
//             datasets/kernel_definitions.h.
//   WCC: breadth-first search over out- and in-edges together; label = the smallest dense id in
//        the component.
//   BFS: Bellman-Ford-style relaxation from params.source (depth[v] = min(depth[v],
//        depth[u] + 1) over every edge, in place) until a pass changes nothing. Passes grow
//        with the depth: meant for tests; measurements use VerifyBfsDepths.
// params.threads is ignored.
Values ReferenceValues(Kernel kernel, const datasets::Graph& graph, const RunParams& params);

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_VALIDATION_H_
