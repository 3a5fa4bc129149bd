// One measurement: one implementation on one prepared graph at one configuration, timed with
// Google Benchmark and validated against an independent reference. This is what `cost run`
// does; a sweep runs it in a child process per row.
#ifndef COST_HARNESS_RUN_MEASUREMENT_H_
#define COST_HARNESS_RUN_MEASUREMENT_H_

#include <functional>
#include <optional>
#include <string>

#include "datasets/graph.h"
#include "datasets/hilbert_layout.h"
#include "harness/core/results.h"
#include "harness/machine/cost_model.h"
#include "harness/machine/machine_limits.h"
#include "harness/run/implementations.h"
#include "harness/run/storage_mode.h"

namespace cost::harness {

struct MeasurementRequest {
  const Implementation* implementation = nullptr;
  std::string graph_path;  // a prepared .cgraph file
  std::string dataset;     // name recorded in the results; defaults to the file's stem
  RunParams params;
  // BFS: the original id of the source vertex; unset = DefaultBfsSource. params.source is
  // ignored: PrepareMeasurement resolves this into MeasurementOutput::params.
  std::optional<uint64_t> source;
  int repetitions = 5;  // timed kernel calls; the median is reported
  int warmups = 1;      // untimed calls first (page faults, caches, thread pool start-up)
  bool validate = true;
  // Where the sections the row reads are before each timed repetition (storage_mode.h);
  // in-process rows only.
  StorageMode storage = StorageMode::kUncontrolled;
  // Multiprocess rows (harness/run/multiprocess.h) only: MPI processes, an Open MPI hostfile for
  // several machines, and the wall-clock limit after which the job is ended (0: none).
  int procs = 1;
  std::string hostfile;
  double timeout_seconds = 0;
  // A folder keeping validation's reference outputs between rows (reference_cache.h); empty:
  // each row computes its own.
  std::string reference_cache;
  int test_crash_rank = -1;  // test-only fault injection, passed to the ranks
  int test_hang_rank = -1;
};

struct MeasurementOutput {
  Measurement measurement;
  datasets::Graph graph;       // the graph measured, for writing values by original id
  RunParams params;            // request.params with the BFS source resolved (dense id)
  Values values;               // the last timed call's output
  std::string benchmark_json;  // Google Benchmark's own JSON report, unmodified
  // This machine's measured limits (`cost machine`), which an ok row was judged against; unset
  // when they were never measured.
  std::optional<MachineLimits> limits;
};

// Who is measured: the same for an in-tree row of the table, an external system and a sweep's
// row whose process left no result.
struct ImplementationIdentity {
  std::string name, system, algorithm;
  Kernel kernel = Kernel::kPageRank;
  Kind kind = Kind::kSingleThreaded;
  datasets::EdgeLayout layout = datasets::EdgeLayout::kVertex;  // the layout the row reads
  datasets::PreparedSections sections;  // the sections it reads (default csr, transpose)
};
ImplementationIdentity IdentityOf(const Implementation& impl);

// Where and how it ran: what every row records whatever became of it.
struct RowConfiguration {
  std::string dataset, graph_path;
  int threads = 1;
  int procs = 1;
  int repetitions = 0;
  int iterations = 0;  // PageRank rows record it whatever became of them (resume compares it)
};
// The request's configuration; the dataset's name defaults to the graph file's stem.
RowConfiguration ConfigurationOf(const MeasurementRequest& request);

// A row with its identity and configuration filled in (and `oversubscribed`, which follows from
// them), everything else at its default: where every runner's row starts, so that a failed row
// is keyed exactly as a measured one.
Measurement StartMeasurement(const ImplementationIdentity& who, const RowConfiguration& where);

// The steps every measurement shares. Prepare loads the graph and fills the configuration
// fields; FinishMeasurement (row_validation.h) validates out->values and records the peak RSS.
MeasurementOutput PrepareMeasurement(const MeasurementRequest& request,
                                     const ImplementationIdentity& who);

// Runs `measure` (one runner's measurement of `who`) and finishes the row as every runner does:
// running out of memory (std::bad_alloc, or a graph refused as larger than the free memory) is
// the row's outcome, not an error, and an ok row gets the cost model's limit for this machine
// (limit_seconds, fraction_of_limit) when the machine's limits were measured.
MeasurementOutput MeasureRow(const ImplementationIdentity& who, const MeasurementRequest& request,
                             const std::function<MeasurementOutput()>& measure);

// What the cost model charges a run of `kernel` over `graph` in `layout`.
Workload WorkloadOf(Kernel kernel, datasets::EdgeLayout layout, const datasets::Graph& graph,
                    int iterations, int cores);

// Measures an in-tree row: in this process (warm-ups, timed repetitions, validation) or, for a
// row whose runner is an MpiProgram, as an MPI job (multiprocess.h); then as MeasureRow. Throws
// datasets::DatasetError for a bad graph file and std::invalid_argument for a bad request.
// A wrong answer is not an exception: measurement.outcome is kInvalidOutput with the reason.
MeasurementOutput Measure(const MeasurementRequest& request);

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_MEASUREMENT_H_
