// A row's per-vertex output as a file: `cost run --values`, read back by conformance checks.
#ifndef COST_HARNESS_RUN_VALUES_FILE_H_
#define COST_HARNESS_RUN_VALUES_FILE_H_

#include <string>

#include "datasets/graph.h"
#include "harness/run/implementations.h"

namespace cost::harness {

// Writes "original-id value" lines (the LDBC output format) atomically: the file appears whole
// or not at all. Throws std::runtime_error when `values` does not match the graph's vertices.
void WriteValuesFile(const datasets::Graph& graph, const Values& values, const std::string& path);

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_VALUES_FILE_H_
