// Timing goes through Google Benchmark: one kernel call per iteration, fixed repetitions,
// wall-clock time (UseRealTime: its default CPU time of the main thread would hide the other
// threads' work). A reporter captures each repetition's time and forwards everything to the
// library's JSON reporter, whose output is kept unmodified beside our results.
#include "harness/run/measurement.h"

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <new>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "datasets/graph_file.h"
#include "datasets/output_file.h"
#include "harness/analysis/statistics.h"
#include "harness/core/format.h"
#include "harness/machine/memory_admission.h"
#include "harness/run/multiprocess.h"
#include "harness/run/row_sections.h"
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
  RecordFractionOfLimit(WorkloadOf(m.kernel, m.layout, out->graph, m.iterations, m.cores()),
                        *out->limits, &m);
}

MeasurementOutput OutOfMemoryRow(const ImplementationIdentity& who,
                                 const MeasurementRequest& request, const std::string& why) {
  MeasurementOutput out;
  out.measurement = StartMeasurement(who, ConfigurationOf(request));
  out.measurement.outcome = Outcome::kOutOfMemory;
  out.measurement.message = why;
  return out;
}

// The timed repetitions of an in-process row, through Google Benchmark; returns each one's
// seconds and keeps the library's JSON report in out->benchmark_json.
std::vector<double> TimeRepetitions(const Implementation& impl, const MeasurementRequest& request,
                                    MeasurementOutput* out) {
  InitializeBenchmarkOnce();
  std::ostringstream json;
  CapturingReporter reporter(&json);
  const std::string name = std::string(impl.name) + "/" + out->measurement.dataset +
                           "/workers=" + std::to_string(out->measurement.cores());
  benchmark::RegisterBenchmark(name.c_str(),
                               [&](benchmark::State& state) {
                                 for (auto _ : state) {
                                   out->values = RunInProcess(impl, out->graph, out->params);
                                   benchmark::ClobberMemory();
                                 }
                               })
      ->Iterations(1)
      ->Repetitions(request.repetitions)
      ->UseRealTime()
      ->Unit(benchmark::kSecond);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::ClearRegisteredBenchmarks();
  if (!reporter.error.empty()) throw std::runtime_error("benchmark failed: " + reporter.error);
  out->benchmark_json = json.str();
  return reporter.seconds;
}

MeasurementOutput MeasureInProcess(const Implementation& impl, const MeasurementRequest& request) {
  MeasurementOutput out = PrepareMeasurement(request, IdentityOf(impl));
  // Before the warm-ups: a missing layout is a usage error (exit 1), not a crashed row.
  datasets::RequireEdgeLayout(out.graph, impl.requires_layout);
  for (int i = 0; i < request.warmups; ++i) out.values = RunInProcess(impl, out.graph, out.params);
  Summarize(TimeRepetitions(impl, request, &out), &out.measurement);
  FinishMeasurement(request, impl.kernel, &out);
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
          .repetitions = request.repetitions};
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
  m.oversubscribed = m.cores() > static_cast<int>(std::thread::hardware_concurrency());
  return m;
}

MeasurementOutput PrepareMeasurement(const MeasurementRequest& request,
                                     const ImplementationIdentity& who) {
  CheckRequest(request, who);
  MeasurementOutput out;
  // Refused before mapping: a file lacking a section the row reads (a usage error), a graph
  // larger than the free memory (it would only swap or be killed). Only the sections the row
  // and its validation read are mapped, and only they count.
  const datasets::GraphFileInfo header = datasets::ReadGraphFileInfo(request.graph_path);
  const datasets::PreparedSections sections =
      request.validate ? UnionOf(who.sections, ValidationSections(who.kernel)) : who.sections;
  // The memory check first (an out-of-memory row, as before sections existed), over the sections
  // the file has of those asked for; then the refusal of a missing one.
  const datasets::PreparedSections& has = header.prepared;
  RequireMemoryForGraph(request.graph_path, header,
                        {.csr = sections.csr && has.csr,
                         .transpose = sections.transpose && has.transpose,
                         .hilbert = sections.hilbert && has.hilbert,
                         .compressed = sections.compressed && has.compressed});
  RequireSections(request.graph_path, header, who.name, who.kernel, who.sections, request.validate);
  const auto load_start = std::chrono::steady_clock::now();
  datasets::GraphFileInfo info;
  out.graph = datasets::LoadGraphFile(request.graph_path, sections, &info);
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

void FinishMeasurement(const MeasurementRequest& request, Kernel kernel, MeasurementOutput* out) {
  Measurement& m = out->measurement;
  if (request.validate) {
    ValidationResult check = ValidateOutput(kernel, out->graph, out->params, out->values);
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

void WriteValuesFile(const datasets::Graph& graph, const Values& values, const std::string& path) {
  if (std::visit([](const auto& vec) { return vec.size(); }, values) != graph.num_vertices()) {
    throw std::runtime_error(path + ": values do not match the graph's vertex count");
  }
  datasets::OutputFile file(path, datasets::Gzip::kNever);
  std::visit(
      [&](const auto& vec) {
        char buffer[96];  // two numbers of at most 24 characters each, shortest round trip
        for (size_t v = 0; v < vec.size(); ++v) {
          char* end = std::to_chars(buffer, buffer + 40, graph.original_ids[v]).ptr;
          *end++ = ' ';
          end = std::to_chars(end, end + 40, vec[v]).ptr;
          *end++ = '\n';
          file.Write(std::string_view(buffer, end - buffer));
        }
      },
      values);
  file.Commit();
}

}  // namespace cost::harness
