// `cost run`: one measurement, printed and optionally written as a one-row results file.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "datasets/output_file.h"
#include "harness/cli/commands.h"
#include "harness/core/json_fields.h"
#include "harness/core/outcome.h"
#include "harness/core/same_file.h"
#include "harness/machine/machine_info.h"
#include "harness/machine/memory_admission.h"
#include "harness/run/external_system.h"
#include "harness/run/measurement.h"
#include "harness/run/multiprocess_report.h"
#include "harness/run/values_file.h"

namespace cost::harness {
namespace {

struct RunOptions {
  MeasurementRequest request;
  std::string impl, kernel, values, json, benchmark_json, storage;
  std::vector<std::string> systems;  // external system manifests
  bool no_validate = false, quiet = false;
};

// The in-tree implementation or the external system named --impl; exactly one is set.
MeasurementOutput MeasureNamed(const RunOptions& o, MeasurementRequest request) {
  std::vector<ExternalSystem> externals;
  for (const std::string& path : o.systems) {
    for (ExternalSystem& e : LoadExternalSystems(path)) externals.push_back(std::move(e));
  }
  request.implementation = FindImplementation(o.impl);
  const ExternalSystem* external = FindExternalSystem(externals, o.impl);
  if (!request.implementation && !external) {
    throw std::invalid_argument("unknown implementation '" + o.impl + "' (see `cost systems`" +
                                (o.systems.empty() ? "; external systems need --systems" : "") +
                                ")");
  }
  const Kernel kernel = external ? external->kernel : request.implementation->kernel;
  if (!o.kernel.empty() && KernelName(kernel) != o.kernel) {
    throw std::invalid_argument(o.impl + " computes " + std::string(KernelName(kernel)) + ", not " +
                                o.kernel);
  }
  request.validate = !o.no_validate;
  if (!o.storage.empty()) request.storage = ParseStorageMode(o.storage);
  return external ? MeasureExternal(*external, request) : Measure(request);
}

// --values, --json and --benchmark-json.
void WriteOutputs(const RunOptions& o, const MeasurementOutput& out) {
  const bool has_values = std::visit([](const auto& v) { return !v.empty(); }, out.values);
  if (!o.values.empty() && has_values) WriteValuesFile(out.graph, out.values, o.values);
  if (!o.json.empty()) {
    ResultsFile results{UtcNow(), DescribeMachine(), DescribeBuild(), {out.measurement}};
    if (out.limits) results.machine["limits"] = ToJson(*out.limits);
    WriteResultsFile(results, o.json);
  }
  if (!o.benchmark_json.empty()) {
    datasets::WriteFileAtomically(o.benchmark_json, out.benchmark_json);
  }
}

void PrintMeasurement(const Measurement& m) {
  const std::string outcome(OutcomeName(m.outcome));
  std::printf(
      "%s on %s (%llu vertices, %llu edges), %d thread(s) x %d process(es): median %.4f s "
      "[min %.4f, max %.4f, cv %.1f%%] over %d repetitions\n%s: %s\n",
      m.implementation.c_str(), m.dataset.c_str(), static_cast<unsigned long long>(m.num_vertices),
      static_cast<unsigned long long>(m.num_edges), m.threads, m.procs, m.median_seconds,
      m.min_seconds, m.max_seconds, 100 * m.cv, m.repetitions, outcome.c_str(), m.message.c_str());
  if (m.limit_seconds > 0) {
    std::printf("%.0f%% of the %s limit (%.4f s: %s)\n", 100 * m.fraction_of_limit,
                m.limit_bound.c_str(), m.limit_seconds, m.limit_basis.c_str());
  }
  if (m.source >= 0) std::printf("bfs source: vertex %lld\n", static_cast<long long>(m.source));
  std::printf("%s", DescribeRanks(m).c_str());
}

// What the options cannot say for themselves: no output over an input, no control character in
// the name the results record (it reaches gnuplot, Markdown and HTML).
void CheckRunOptions(const RunOptions& o) {
  try {
    RequireNoControlCharacters(o.request.dataset, "--dataset");
  } catch (const FieldError& e) {
    throw std::invalid_argument(e.what());
  }
  std::vector<std::string> inputs = o.systems;
  inputs.push_back(o.request.graph_path);
  if (!o.request.hostfile.empty()) inputs.push_back(o.request.hostfile);
  RequireOutputsAreNotInputs({o.values, o.json, o.benchmark_json}, inputs);
}

void RunOne(const RunOptions& o, int* exit_code) {
  CheckRunOptions(o);
  const MeasurementOutput out = MeasureNamed(o, o.request);
  const Measurement& m = out.measurement;
  WriteOutputs(o, out);
  if (!o.quiet) PrintMeasurement(m);
  if (!m.ok() && !o.quiet) {
    std::fprintf(stderr, "cost: %s: %s\n", std::string(OutcomeName(m.outcome)).c_str(),
                 m.message.c_str());
  }
  *exit_code = ExitCodeOf(m.outcome);
}

// A whole number: digits only (CLI11 would read "-1" into an unsigned option as 2^64 - 1).
const CLI::Validator kWholeNumber(
    [](std::string& text) {
      const bool digits = !text.empty() && text.size() <= 20 &&
                          text.find_first_not_of("0123456789") == std::string::npos;
      return digits ? std::string() : "must be a whole number >= 0, got " + text;
    },
    "UINT", "whole number");

// A finite number of seconds >= 0 (CLI's NonNegativeNumber lets "nan" and "inf" through).
const CLI::Validator kSeconds(
    [](std::string& text) {
      char* end = nullptr;
      const double value = std::strtod(text.c_str(), &end);
      const bool ok = !text.empty() && *end == '\0' && std::isfinite(value) && value >= 0;
      return ok ? std::string() : "must be a finite number of seconds >= 0, got " + text;
    },
    "SECONDS", "seconds");

// What to measure and how: --impl, --graph, the configuration and the kernel's parameters.
void AddMeasurementOptions(CLI::App* cmd, RunOptions* o) {
  cmd->add_option("--impl", o->impl, "Implementation, SYSTEM:ALGORITHM (see `cost systems`)")
      ->required();
  cmd->add_option("--kernel", o->kernel, "pagerank, wcc or bfs; checked against --impl")
      ->check(CLI::IsMember({"pagerank", "wcc", "bfs"}));
  cmd->add_option("--graph", o->request.graph_path, "Prepared .cgraph file (cost dataset ...)")
      ->required();
  cmd->add_option("--dataset", o->request.dataset,
                  "Name recorded for the graph (default: the "
                  "file name without extension)");
  cmd->add_option("--threads", o->request.params.threads, "Worker threads (default 1)")
      ->check(CLI::Range(1, kMaxThreads));
  cmd->add_option("--procs", o->request.procs,
                  "MPI processes for a multiprocess row, run with mpirun (default 1); cores = "
                  "procs x threads")
      ->check(CLI::Range(1, kMaxProcs));
  cmd->add_option("--hostfile", o->request.hostfile,
                  "Open MPI hostfile for a multiprocess row across machines (passed to mpirun)");
  cmd->add_option("--timeout", o->request.timeout_seconds,
                  "Multiprocess rows: seconds after which mpirun ends the job (outcome timeout)")
      ->check(kSeconds);
  // Test-only fault injection for multiprocess rows (tests/mpi_test.cc); hidden from --help.
  cmd->add_option("--test-crash-rank", o->request.test_crash_rank)->group("");
  cmd->add_option("--test-hang-rank", o->request.test_hang_rank)->group("");
  cmd->add_option("--repetitions", o->request.repetitions,
                  "Timed kernel calls; the median is "
                  "reported (default 5)")
      ->check(CLI::Range(1, kMaxRepetitions));
  cmd->add_option("--warmups", o->request.warmups, "Untimed kernel calls first (default 1)")
      ->check(CLI::Range(0, kMaxRepetitions));
  cmd->add_option("--iterations", o->request.params.iterations, "PageRank iterations (default 20)")
      ->check(CLI::Range(0, kMaxIterations));
  cmd->add_option("--storage", o->storage,
                  "Where the sections the row reads are before each repetition: ram (read first, "
                  "checked resident) or disk (evicted, checked not resident; streaming rows read "
                  "the device on every pass); recorded with the bytes read")
      ->check(CLI::IsMember({"ram", "disk"}));
  cmd->add_option("--source", o->request.source,
                  "BFS source, an original vertex id (default: a vertex with out-edges drawn "
                  "with seed 1, recorded in the results)")
      ->check(kWholeNumber);
}

// What to write and print.
void AddOutputOptions(CLI::App* cmd, RunOptions* o) {
  cmd->add_option("--values", o->values, "Write 'original-vertex-id value' lines (LDBC format)");
  cmd->add_option("--json", o->json, "Write the measurement as a one-row results file");
  cmd->add_option("--benchmark-json", o->benchmark_json, "Write Google Benchmark's own JSON");
  cmd->add_option("--systems", o->systems,
                  "External system manifest (file or folder of *.json); "
                  "repeatable")
      ->allow_extra_args(false);
  cmd->add_flag("--no-validate", o->no_validate, "Skip validation (the row says so)");
  cmd->add_option("--reference-cache", o->request.reference_cache,
                  "Folder keeping validation's PageRank and WCC references, keyed by the graph's "
                  "checksum, the parameters and this binary, so that the rows after the first "
                  "on a graph do not compute them again (sweeps use CACHE_DIR/references)");
  cmd->add_flag("--quiet", o->quiet, "Print nothing on success");
}

}  // namespace

void AddRunCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand(
      "run",
      "Measure one implementation on one prepared graph: warm-up, then timed "
      "repetitions (Google Benchmark, wall time), then validation against an independent "
      "reference. Exit status: 0 valid, 1 error of use or input, 3 invalid output, 4 out of "
      "memory, 5 an external command crashed, 6 it could not start.");
  AddMeasurementOptions(cmd, o.get());
  AddOutputOptions(cmd, o.get());
  cmd->callback([o, exit_code] { RunOne(*o, exit_code); });
}

}  // namespace cost::harness
