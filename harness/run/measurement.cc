// Timing goes through Google Benchmark: one kernel call per iteration, fixed repetitions,
// wall-clock time (UseRealTime: its default CPU time of the main thread would hide the other
// threads' work). A reporter captures each repetition's time and forwards everything to the
// library's JSON reporter, whose output is kept unmodified beside our results.
#include "harness/run/measurement.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <new>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "datasets/graph_file.h"
#include "harness/analysis/statistics.h"
#include "harness/core/format.h"
#include "harness/machine/disk_limit.h"
#include "harness/machine/memory_admission.h"
#include "harness/run/multiprocess.h"
#include "harness/run/repetition_storage.h"
#include "harness/run/row_memory.h"
#include "harness/run/row_sections.h"
#include "harness/run/row_validation.h"
#include "harness/run/validation.h"

namespace cost::harness {
namespace {

// Keeps each repetition's wall time and tees the runs into Google Benchmark's JSON reporter.
class CapturingReporter : public benchmark::BenchmarkReporter {
 public:
  explicit CapturingReporter(std::ostream* json_out) {
    json_.SetOutputStream(json_out);
    json_.SetErrorStream(json_out);
  }
  bool ReportContext(const Context& context) override { return json_.ReportContext(context); }
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.error_occurred) error = run.error_message;
      if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
      seconds.push_back(run.real_accumulated_time / static_cast<double>(run.iterations));
    }
    json_.ReportRuns(runs);
  }
  void Finalize() override { json_.Finalize(); }

  std::vector<double> seconds;
  std::string error;

 private:
  benchmark::JSONReporter json_;
};

void InitializeBenchmarkOnce() {
  static bool done = [] {
    static char name[] = "cost";
    static char* argv[] = {name, nullptr};
    int argc = 1;
    benchmark::Initialize(&argc, argv);
    return true;
  }();
  (void)done;
}

// The preparation times the prepared file's metadata records (graph_preparation.h writes them),
// so that a report never needs the file again.
void RecordPreparation(const datasets::GraphFileInfo& info, Measurement* m) {
  const nlohmann::json meta = nlohmann::json::parse(info.metadata, nullptr, false);
  if (!meta.is_object()) return;
  m->preparation_seconds = meta.value("preparation_seconds", 0.0);
  m->preparation_split = meta.contains("build_seconds");
  m->preparation_source_seconds = meta.value("source_seconds", 0.0);
  m->preparation_build_seconds = meta.value("build_seconds", 0.0);
  m->preparation_layout_seconds = meta.value("hilbert_seconds", 0.0);
  // The bounded-memory builder (datasets/external) records its phases instead: read (generating
  // or parsing, and sorting the first runs), the CSR and transpose with their runs, the Hilbert
  // sections with theirs.
  const auto phases = meta.find("phase_seconds");
  if (m->preparation_split || phases == meta.end() || !phases->is_object()) return;
  const auto phase = [&phases](const char* name) { return phases->value(name, 0.0); };
  m->preparation_split = true;
  m->preparation_source_seconds = phase("read");
  m->preparation_build_seconds = phase("csr") + phase("transpose runs") + phase("transpose");
  m->preparation_layout_seconds = phase("hilbert runs") + phase("hilbert");
}

// The refusals PrepareMeasurement makes before loading anything.
void CheckRequest(const MeasurementRequest& request, const ImplementationIdentity& who) {
  if (request.repetitions < 1) throw std::invalid_argument("--repetitions must be at least 1");
  if (request.params.threads < 1) throw std::invalid_argument("--threads must be at least 1");
  if (who.kind == Kind::kSingleThreaded && request.params.threads != 1) {
    throw std::invalid_argument(who.name + " is single-threaded: use --threads 1");
  }
  if (request.procs < 1) throw std::invalid_argument("--procs must be at least 1");
  if (who.kind != Kind::kMultiprocess && request.procs != 1) {
    throw std::invalid_argument(who.name + " is not multiprocess: use --procs 1");
  }
}

// The BFS source the request names (an original id), or the default one, as a dense id in
// out->params and as the original id in the row.
void ResolveSource(const MeasurementRequest& request, MeasurementOutput* out) {
  if (!request.source) {
    out->params.source = DefaultBfsSource(out->graph);
  } else if (!FindVertex(out->graph, *request.source, &out->params.source)) {
    throw std::invalid_argument("--source " + std::to_string(*request.source) +
                                ": no vertex with that id in " + request.graph_path);
  }
  out->measurement.source = static_cast<int64_t>(out->graph.original_ids[out->params.source]);
}

// Judges an ok row against the machine's limits, when they were measured.
void ApplyCostModel(MeasurementOutput* out) {
  out->limits = LoadMachineLimits(DefaultMachineLimitsPath());
  Measurement& m = out->measurement;
  if (!out->limits || !m.ok()) return;
  Workload workload = WorkloadOf(m.kernel, m.layout, out->graph, m.iterations, m.cores());
  if (workload.layout == datasets::EdgeLayout::kCompressed && workload.compressed_bytes == 0) {
    // A streaming row never mapped its stream: the file says how long it is.
    workload.compressed_bytes = datasets::ReadGraphFileInfo(m.graph_path).hilbert_compressed_bytes;
  }
  RecordFractionOfLimit(workload, *out->limits, &m);
  RecordDiskLimit(*out->limits, &m);
}

MeasurementOutput OutOfMemoryRow(const ImplementationIdentity& who,
                                 const MeasurementRequest& request, const std::string& why) {
  MeasurementOutput out;
  out.measurement = StartMeasurement(who, ConfigurationOf(request));
  out.measurement.outcome = Outcome::kOutOfMemory;
  out.measurement.message = why;
  return out;
}

// Prepares the storage for one repetition; false with *error set when its check fails (an
// exception must not cross Google Benchmark's loop).
bool BeforeRepetition(RepetitionStorage* storage, RunParams* params, std::string* error) {
  try {
    storage->Before(params);
    return true;
  } catch (const StorageError& e) {
    *error = e.what();
    return false;
  }
}

// What PrepareMeasurement maps: the row's `sections` (those its kernel and validation read), or
// for a row that streams its edges only the original ids and the out-degrees, after checking
// that the file has its stream and verifying that section once (its reads in the timed calls
// are not verified; validation maps what it reads after the timing).
datasets::Graph LoadForRow(const MeasurementRequest& request,
                           const datasets::PreparedSections& sections,
                           datasets::GraphFileInfo* info) {
  const Implementation* impl = request.implementation;
  if (impl == nullptr || !impl->streams.from_file) {
    return datasets::LoadGraphFile(request.graph_path, sections, info);
  }
  datasets::Graph graph = datasets::LoadGraphFile(
      request.graph_path, {.csr = false, .transpose = false, .hilbert = false}, info);
  if (info->Find(datasets::SectionKind::kHilbertCompressed) == nullptr) {
    if (graph.num_edges() > 0) datasets::RequireEdgeLayout(graph, impl->requires_layout);
  } else {
    datasets::GraphFileReader(request.graph_path)
        .VerifySection(datasets::SectionKind::kHilbertCompressed);
  }
  return graph;
}

// Refused before mapping: a row whose sections, arrays and buffers exceed the free memory would
// only swap or be killed. An MPI or external row is charged the `sections` it maps.
void AdmitRow(const MeasurementRequest& request, const datasets::GraphFileInfo& header,
              const datasets::PreparedSections& sections) {
  const Implementation* impl = request.implementation;
  if (impl == nullptr || !RunsInProcess(*impl)) {
    RequireMemoryForGraph(request.graph_path, header, sections);
    return;
  }
  RequireMemoryForRow(request.graph_path, *impl,
                      MemoryNeededBy(*impl, header, request.params, request.validate));
}

// One call of a row's kernel with these parameters (a peer's calls use the structure it built).
using KernelCall = std::function<Values(const RunParams&)>;

// One timed call; the storage steps around it are outside the timing. A failed storage check
// skips this and the remaining repetitions with the error.
void TimeOneRepetition(const KernelCall& call, RepetitionStorage* storage, benchmark::State* state,
                       std::string* storage_error, MeasurementOutput* out) {
  state->PauseTiming();
  RunParams params = out->params;
  if (!storage_error->empty() || !BeforeRepetition(storage, &params, storage_error)) {
    state->SkipWithError(storage_error->c_str());  // ends the repetition: no ResumeTiming
    return;
  }
  state->ResumeTiming();
  out->values = call(params);
  benchmark::ClobberMemory();
  state->PauseTiming();
  storage->After();
  state->ResumeTiming();
}

// The timed repetitions of an in-process row, through Google Benchmark; returns each one's
// seconds and keeps the library's JSON report in out->benchmark_json.
std::vector<double> TimeRepetitions(const Implementation& impl, const MeasurementRequest& request,
                                    const KernelCall& call, RepetitionStorage* storage,
                                    MeasurementOutput* out) {
  InitializeBenchmarkOnce();
  std::ostringstream json;
  CapturingReporter reporter(&json);
  std::string storage_error;  // the storage check that failed, to throw outside the library
  const std::string name = std::string(impl.name) + "/" + out->measurement.dataset +
                           "/workers=" + std::to_string(out->measurement.cores());
  benchmark::RegisterBenchmark(name.c_str(),
                               [&](benchmark::State& state) {
                                 for (auto _ : state) {
                                   TimeOneRepetition(call, storage, &state, &storage_error, out);
                                 }
                               })
      ->Iterations(1)
      ->Repetitions(request.repetitions)
      ->UseRealTime()
      ->Unit(benchmark::kSecond);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::ClearRegisteredBenchmarks();
  if (!storage_error.empty()) throw StorageError(storage_error);
  if (!reporter.error.empty()) throw std::runtime_error("benchmark failed: " + reporter.error);
  out->benchmark_json = json.str();
  return reporter.seconds;
}

MeasurementOutput MeasureInProcess(const Implementation& impl, const MeasurementRequest& request) {
  MeasurementOutput out = PrepareMeasurement(request, IdentityOf(impl));
  // Before the warm-ups: a missing layout is a usage error (exit 1), not a crashed row.
  if (!impl.streams.from_file) datasets::RequireEdgeLayout(out.graph, impl.requires_layout);
  // A peer's own structure is built once, timed apart from the kernel calls that use it.
  std::unique_ptr<PreparedGraph> prepared;
  if (const auto* preparing = std::get_if<PreparingKernel>(&impl.runner)) {
    const auto start = std::chrono::steady_clock::now();
    prepared = preparing->prepare(out.graph);
    out.measurement.system_preparation_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  const KernelCall call = [&](const RunParams& params) {
    return prepared ? prepared->Run(params) : RunInProcess(impl, out.graph, params);
  };
  RepetitionStorage storage(impl, request.storage, request.graph_path, &out.graph);
  RunParams warmup = out.params;
  if (impl.streams.from_file) warmup.graph_path = request.graph_path;
  for (int i = 0; i < request.warmups; ++i) out.values = call(warmup);
  Summarize(TimeRepetitions(impl, request, call, &storage, &out), &out.measurement);
  storage.Record(&out.measurement);
  // A streaming row's graph holds no edges: validation maps them now, after the timing, unless
  // an earlier row left the reference to compare with.
  std::optional<Values> stored =
      request.validate ? StoredReference(request, impl.kernel, out) : std::nullopt;
  if (impl.streams.from_file && request.validate && !stored) {
    out.graph = LoadEdgesToValidate(request, impl.kernel);
  }
  FinishMeasurement(request, impl.kernel, &out, std::move(stored));
  return out;
}

}  // namespace

ImplementationIdentity IdentityOf(const Implementation& impl) {
  return {.name = std::string(impl.name),
          .system = std::string(impl.system),
          .algorithm = std::string(impl.algorithm),
          .kernel = impl.kernel,
          .kind = impl.kind,
          .layout = impl.requires_layout,
          .sections = impl.requires_sections};
}

RowConfiguration ConfigurationOf(const MeasurementRequest& request) {
  return {.dataset = request.dataset.empty()
                         ? std::filesystem::path(request.graph_path).stem().string()
                         : request.dataset,
          .graph_path = request.graph_path,
          .threads = request.params.threads,
          .procs = request.procs,
          .repetitions = request.repetitions,
          .iterations = request.params.iterations};
}

Measurement StartMeasurement(const ImplementationIdentity& who, const RowConfiguration& where) {
  Measurement m;
  m.dataset = where.dataset;
  m.graph_path = where.graph_path;
  m.implementation = who.name;
  m.system = who.system;
  m.algorithm = who.algorithm;
  m.kernel = who.kernel;
  m.kind = who.kind;
  m.layout = who.layout;
  m.threads = where.threads;
  m.procs = where.procs;
  m.repetitions = where.repetitions;
  m.iterations = who.kernel == Kernel::kPageRank ? where.iterations : 0;
  m.oversubscribed = m.cores() > static_cast<int>(std::thread::hardware_concurrency());
  return m;
}

MeasurementOutput PrepareMeasurement(const MeasurementRequest& request,
                                     const ImplementationIdentity& who) {
  CheckRequest(request, who);
  MeasurementOutput out;
  // Refused before mapping: a row whose sections, arrays and buffers exceed the free memory (it
  // would only swap or be killed; an out-of-memory row whatever the file lacks, so checked over
  // the sections it has), then a file lacking a section the row reads (a usage error).
  const datasets::GraphFileInfo header = datasets::ReadGraphFileInfo(request.graph_path);
  const datasets::PreparedSections sections =
      request.validate ? UnionOf(who.sections, ValidationSections(who.kernel)) : who.sections;
  const datasets::PreparedSections& has = header.prepared;
  AdmitRow(request, header,
           {.csr = sections.csr && has.csr,
            .transpose = sections.transpose && has.transpose,
            .hilbert = sections.hilbert && has.hilbert,
            .compressed = sections.compressed && has.compressed});
  RequireSections(request.graph_path, header, who.name, who.kernel, who.sections, request.validate);
  const auto load_start = std::chrono::steady_clock::now();
  datasets::GraphFileInfo info;
  out.graph = LoadForRow(request, sections, &info);
  Measurement& m = out.measurement;
  m = StartMeasurement(who, ConfigurationOf(request));
  m.load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
  RecordPreparation(info, &m);
  m.graph_checksum = Hex16(info.checksum);
  m.num_vertices = out.graph.num_vertices();
  m.num_edges = out.graph.num_edges();
  m.iterations = who.kernel == Kernel::kPageRank ? request.params.iterations : 0;
  m.warmups = request.warmups;
  out.params = request.params;
  if (who.kernel == Kernel::kBfs && out.graph.num_vertices() > 0) ResolveSource(request, &out);
  return out;
}

MeasurementOutput MeasureRow(const ImplementationIdentity& who, const MeasurementRequest& request,
                             const std::function<MeasurementOutput()>& measure) {
  MeasurementOutput out;
  try {
    out = measure();
  } catch (const std::bad_alloc&) {
    // Out of memory (e.g. under a sweep's memory cap): still a row, not a crash.
    out = OutOfMemoryRow(who, request, "allocation failed (std::bad_alloc)");
  } catch (const NotEnoughMemoryError& e) {
    out = OutOfMemoryRow(who, request, e.what());  // refused before loading the graph
  }
  ApplyCostModel(&out);
  return out;
}

Workload WorkloadOf(Kernel kernel, datasets::EdgeLayout layout, const datasets::Graph& graph,
                    int iterations, int cores) {
  return {.kernel = kernel,
          .layout = layout,
          .num_vertices = graph.num_vertices(),
          .num_arcs = graph.num_edges(),
          .iterations = iterations,
          .cores = cores,
          .compressed_bytes = graph.hilbert_compressed.size()};
}

MeasurementOutput Measure(const MeasurementRequest& request) {
  const Implementation* impl = request.implementation;
  if (impl == nullptr) throw std::invalid_argument("no implementation given");
  return MeasureRow(IdentityOf(*impl), request, [&] {
    return RunsInProcess(*impl) ? MeasureInProcess(*impl, request)
                                : MeasureMultiprocess(*impl, request);
  });
}

}  // namespace cost::harness
