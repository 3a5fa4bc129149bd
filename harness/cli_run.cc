// `cost run`: one measurement, printed and optionally written as a one-row results file.
#include <cstdio>
#include <fstream>
#include <memory>
#include <stdexcept>

#include "harness/cli.h"
#include "harness/machine_info.h"
#include "harness/measurement.h"

namespace cost::harness {
namespace {

struct RunOptions {
  MeasurementRequest request;
  std::string impl, kernel, values, json, benchmark_json;
  bool no_validate = false, quiet = false;
};

void RunOne(const RunOptions& o, int* exit_code) {
  MeasurementRequest request = o.request;
  request.implementation = FindImplementation(o.impl);
  if (!request.implementation) {
    throw std::invalid_argument("unknown implementation '" + o.impl + "' (see `cost systems`)");
  }
  if (!o.kernel.empty() && KernelName(request.implementation->kernel) != o.kernel) {
    throw std::invalid_argument(o.impl + " computes " +
                                std::string(KernelName(request.implementation->kernel)) + ", not " +
                                o.kernel);
  }
  request.validate = !o.no_validate;
  const MeasurementOutput out = Measure(request);
  const Measurement& m = out.measurement;
  if (!o.values.empty()) WriteValuesFile(out.graph, out.values, o.values);
  if (!o.json.empty()) {
    ResultsFile results{UtcNow(), DescribeMachine(), DescribeBuild(), {m}};
    WriteResultsFile(results, o.json);
  }
  if (!o.benchmark_json.empty()) {
    std::ofstream file(o.benchmark_json);
    file << out.benchmark_json;
    if (!file.flush()) throw std::runtime_error(o.benchmark_json + ": write failed");
  }
  if (!o.quiet) {
    std::printf(
        "%s on %s (%llu vertices, %llu edges), %d thread(s): median %.4f s "
        "[min %.4f, max %.4f, cv %.1f%%] over %d repetitions\n%s: %s\n",
        m.implementation.c_str(), m.dataset.c_str(),
        static_cast<unsigned long long>(m.num_vertices),
        static_cast<unsigned long long>(m.num_edges), m.threads, m.median_seconds, m.min_seconds,
        m.max_seconds, 100 * m.cv, m.repetitions, m.outcome.c_str(), m.message.c_str());
  }
  if (m.outcome == "invalid-output") *exit_code = kExitInvalidOutput;
}

}  // namespace

void AddRunCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand(
      "run",
      "Measure one implementation on one prepared graph: warm-up, then timed "
      "repetitions (Google Benchmark, wall time), then validation against an independent "
      "reference. Exit status 3 when the output is invalid.");
  cmd->add_option("--impl", o->impl, "Implementation, SYSTEM:ALGORITHM (see `cost systems`)")
      ->required();
  cmd->add_option("--kernel", o->kernel, "pagerank or wcc; checked against --impl")
      ->check(CLI::IsMember({"pagerank", "wcc"}));
  cmd->add_option("--graph", o->request.graph_path, "Prepared .cgraph file (cost dataset ...)")
      ->required();
  cmd->add_option("--dataset", o->request.dataset,
                  "Name recorded for the graph (default: the "
                  "file name without extension)");
  cmd->add_option("--threads", o->request.params.threads, "Worker threads (default 1)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--repetitions", o->request.repetitions,
                  "Timed kernel calls; the median is "
                  "reported (default 5)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--warmups", o->request.warmups, "Untimed kernel calls first (default 1)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--iterations", o->request.params.iterations, "PageRank iterations (default 20)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--values", o->values, "Write 'original-vertex-id value' lines (LDBC format)");
  cmd->add_option("--json", o->json, "Write the measurement as a one-row results file");
  cmd->add_option("--benchmark-json", o->benchmark_json, "Write Google Benchmark's own JSON");
  cmd->add_flag("--no-validate", o->no_validate, "Skip validation (the row says so)");
  cmd->add_flag("--quiet", o->quiet, "Print nothing on success");
  cmd->callback([o, exit_code] { RunOne(*o, exit_code); });
}

}  // namespace cost::harness
