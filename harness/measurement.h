// One measurement: one implementation on one prepared graph at one configuration, timed with
// Google Benchmark and validated against an independent reference. This is what `cost run`
// does; a sweep runs it in a child process per row.
#ifndef COST_HARNESS_MEASUREMENT_H_
#define COST_HARNESS_MEASUREMENT_H_

#include <string>

#include "datasets/graph.h"
#include "harness/results.h"
#include "harness/systems.h"

namespace cost::harness {

struct MeasurementRequest {
  const Implementation* implementation = nullptr;
  std::string graph_path;  // a prepared .cgraph file
  std::string dataset;     // name recorded in the results; defaults to the file's stem
  RunParams params;
  int repetitions = 5;     // timed kernel calls; the median is reported
  int warmups = 1;         // untimed calls first (page faults, caches, thread pool start-up)
  bool validate = true;
};

struct MeasurementOutput {
  Measurement measurement;
  datasets::Graph graph;           // the graph measured, for writing values by original id
  Values values;                   // the last timed call's output
  std::string benchmark_json;      // Google Benchmark's own JSON report, unmodified
};

// Loads the graph, runs warm-ups and timed repetitions, validates the output. Throws
// datasets::DatasetError for a bad graph file and std::invalid_argument for a bad request.
// A wrong answer is not an exception: measurement.outcome is "invalid-output" with the reason.
MeasurementOutput Measure(const MeasurementRequest& request);

// Median, min, max and coefficient of variation of `seconds` into m.
void Summarize(const std::vector<double>& seconds, Measurement* m);

// Writes "original-id value" lines (the LDBC output format) atomically.
void WriteValuesFile(const datasets::Graph& graph, const Values& values, const std::string& path);

}  // namespace cost::harness

#endif  // COST_HARNESS_MEASUREMENT_H_
