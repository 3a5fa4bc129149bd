// Shared by the validation suites (value rules, reference values, the BFS verifier, output
// validation): the two hand-drawn graphs they check answers on, and small helpers.
#ifndef COST_TESTS_VALIDATION_TEST_SUPPORT_H_
#define COST_TESTS_VALIDATION_TEST_SUPPORT_H_

#include <cstdint>
#include <limits>
#include <string>

#include "datasets/csr_build.h"
#include "datasets/kernel_definitions.h"

namespace cost::testing_support {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr int64_t kNo = datasets::kUnreachable;

inline bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

//   0 -> 1 <-> 2      3      4 <- 5
// Sinks (no out-edges): 3 and 4. Components: {0, 1, 2}, {3}, {4, 5}.
inline datasets::Graph SmallGraph() {
  datasets::EdgeList edges;
  edges.num_vertices = 6;
  edges.src = {0, 1, 2, 5};
  edges.dst = {1, 2, 1, 4};
  return datasets::BuildGraph(edges, {.symmetrize = false});
}

//   0 -> 1 <-> 2      3      4 <- 5     (SmallGraph, plus 2 -> 3 here)
inline datasets::Graph BfsGraph() {
  datasets::EdgeList edges;
  edges.num_vertices = 6;
  edges.src = {0, 1, 2, 5, 2};
  edges.dst = {1, 2, 1, 4, 3};
  return datasets::BuildGraph(edges, {.symmetrize = false});
}

}  // namespace cost::testing_support

#endif  // COST_TESTS_VALIDATION_TEST_SUPPORT_H_
