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
#include <sstream>
#include <stdexcept>
#include <thread>

#include "datasets/graph_file.h"
#include "harness/core/format.h"
#include "harness/machine/memory_admission.h"
#include "harness/run/multiprocess.h"
#include "harness/analysis/statistics.h"
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

}  // namespace

MeasurementOutput PrepareMeasurement(const MeasurementRequest& request,
                                     const ImplementationIdentity& who) {
  if (request.repetitions < 1) throw std::invalid_argument("--repetitions must be at least 1");
  if (request.params.threads < 1) throw std::invalid_argument("--threads must be at least 1");
  if (who.kind == Kind::kSingleThreaded && request.params.threads != 1) {
    throw std::invalid_argument(who.name + " is single-threaded: use --threads 1");
  }
  if (request.procs < 1) throw std::invalid_argument("--procs must be at least 1");
  if (who.kind != Kind::kMultiprocess && request.procs != 1) {
    throw std::invalid_argument(who.name + " is not multiprocess: use --procs 1");
  }
  MeasurementOutput out;
  Measurement& m = out.measurement;
  // Refused before mapping: a graph larger than the free memory would only swap or be killed.
  RequireMemoryForGraph(request.graph_path, datasets::ReadGraphFileInfo(request.graph_path));
  const auto load_start = std::chrono::steady_clock::now();
  datasets::GraphFileInfo info;
  out.graph = datasets::LoadGraphFile(request.graph_path, &info);
  m.load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
  RecordPreparation(info, &m);
  m.dataset = request.dataset.empty() ? std::filesystem::path(request.graph_path).stem().string()
                                      : request.dataset;
  m.graph_path = request.graph_path;
  m.graph_checksum = Hex16(info.checksum);
  m.num_vertices = out.graph.num_vertices();
  m.num_edges = out.graph.num_edges();
  m.kernel = KernelName(who.kernel);
  m.implementation = who.name;
  m.system = who.system;
  m.algorithm = who.algorithm;
  m.kind = KindName(who.kind);
  m.layout = datasets::EdgeLayoutName(who.layout);
  m.threads = request.params.threads;
  m.procs = request.procs;
  m.iterations = who.kernel == Kernel::kPageRank ? request.params.iterations : 0;
  m.repetitions = request.repetitions;
  m.warmups = request.warmups;
  m.oversubscribed = m.cores() > static_cast<int>(std::thread::hardware_concurrency());
  out.params = request.params;
  if (who.kernel == Kernel::kBfs && out.graph.num_vertices() > 0) {
    if (!request.source) {
      out.params.source = DefaultBfsSource(out.graph);
    } else if (!FindVertex(out.graph, *request.source, &out.params.source)) {
      throw std::invalid_argument("--source " + std::to_string(*request.source) +
                                  ": no vertex with that id in " + request.graph_path);
    }
    m.source = static_cast<int64_t>(out.graph.original_ids[out.params.source]);
  }
  return out;
}

void FinishMeasurement(const MeasurementRequest& request, Kernel kernel, MeasurementOutput* out) {
  Measurement& m = out->measurement;
  if (request.validate) {
    ValidationResult check = ValidateOutput(kernel, out->graph, out->params, out->values);
    if (request.implementation) NoteDeviation(*request.implementation, out->graph, &check);
    m.outcome = check.ok ? "ok" : "invalid-output";
    m.message = check.message;
  } else {
    m.message = "not validated (--no-validate)";
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  m.peak_rss_bytes = static_cast<uint64_t>(usage.ru_maxrss) * 1024;  // ru_maxrss is in KiB
}

MeasurementOutput Measure(const MeasurementRequest& request) {
  const Implementation* impl = request.implementation;
  if (impl == nullptr) throw std::invalid_argument("no implementation given");
  if (!RunsInProcess(*impl)) return MeasureMultiprocess(*impl, request);
  MeasurementOutput out = PrepareMeasurement(
      request, {std::string(impl->name), std::string(impl->system), std::string(impl->algorithm),
                impl->kernel, impl->kind, impl->requires_layout});
  // Before the warm-ups: a missing layout is a usage error (exit 1), not a crashed row.
  datasets::RequireEdgeLayout(out.graph, impl->requires_layout);
  Measurement& m = out.measurement;
  for (int i = 0; i < request.warmups; ++i) out.values = RunInProcess(*impl, out.graph, out.params);

  InitializeBenchmarkOnce();
  std::ostringstream json;
  CapturingReporter reporter(&json);
  const std::string name =
      std::string(impl->name) + "/" + m.dataset + "/workers=" + std::to_string(m.cores());
  benchmark::RegisterBenchmark(name.c_str(),
                               [&](benchmark::State& state) {
                                 for (auto _ : state) {
                                   out.values = RunInProcess(*impl, out.graph, out.params);
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
  Summarize(reporter.seconds, &m);
  out.benchmark_json = json.str();
  FinishMeasurement(request, impl->kernel, &out);
  return out;
}

void WriteValuesFile(const datasets::Graph& graph, const Values& values, const std::string& path) {
  const std::string tmp = path + ".partial";
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    if (!file) throw std::runtime_error(path + ": cannot write");
    if (std::visit([](const auto& vec) { return vec.size(); }, values) != graph.num_vertices()) {
      std::filesystem::remove(tmp);
      throw std::runtime_error(path + ": values do not match the graph's vertex count");
    }
    std::visit(
        [&](const auto& vec) {
          char buffer[96];  // two numbers of at most 24 characters each, shortest round trip
          for (size_t v = 0; v < vec.size(); ++v) {
            char* end = std::to_chars(buffer, buffer + 40, graph.original_ids[v]).ptr;
            *end++ = ' ';
            end = std::to_chars(end, end + 40, vec[v]).ptr;
            *end++ = '\n';
            file.write(buffer, end - buffer);
          }
        },
        values);
    if (!file.flush()) {
      std::filesystem::remove(tmp);
      throw std::runtime_error(path + ": write failed");
    }
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace cost::harness
