// The values file an external system writes ("original-id value" lines), read into dense-id order
// for validation.
#ifndef COST_HARNESS_RUN_EXTERNAL_VALUES_H_
#define COST_HARNESS_RUN_EXTERNAL_VALUES_H_

#include <string>

#include "datasets/graph.h"
#include "harness/core/kernel.h"
#include "harness/run/implementations.h"

namespace cost::harness {

// Parses "original-id value" lines (a values file written by another process) into dense-id
// order. WCC labels may be any integers; a vertex absent from the file is an error, except
// isolated ones for WCC and BFS (an edge list cannot hold them). Throws std::runtime_error
// naming the file and line.
Values ReadExternalValues(const std::string& path, const datasets::Graph& graph, Kernel kernel);

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_EXTERNAL_VALUES_H_
