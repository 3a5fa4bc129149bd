#include "harness/sweep/row_process.h"

#include <stdlib.h>

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "harness/core/child_process.h"
#include "harness/run/failure.h"
#include "harness/run/implementations.h"

namespace cost::harness {
namespace fs = std::filesystem;
namespace {

// What became of a row whose process did not leave a results file (run/failure.h).
void ClassifyFailure(const ChildResult& run, const SweepSpec& spec, Measurement* m) {
  const ChildOutcome failure = ClassifyChild(run, {.subject = "cost run",
                                                   .timeout_seconds = spec.timeout_seconds,
                                                   .memory_cap_bytes = spec.memory_cap_bytes});
  const bool exited_without_row = failure.outcome == Outcome::kOk;
  m->outcome = OutcomeName(exited_without_row ? Outcome::kCrashed : failure.outcome);
  m->message = exited_without_row
                   ? "cost run exited 0 without writing its row. Output: " + run.log_tail
                   : failure.message;
  m->peak_rss_bytes = run.max_rss_bytes;
}

}  // namespace

Measurement RunRowInChild(const SweepRow& row, const SweepSpec& spec, const std::string& binary,
                          const std::string& gbench_json,
                          const volatile std::sig_atomic_t* interrupt) {
  char dir_template[] = "/tmp/cost-row-XXXXXX";
  if (!mkdtemp(dir_template)) {
    throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
  }
  const fs::path dir = dir_template;
  const std::string json_path = (dir / "row.json").string();
  ChildOptions child;
  child.argv = {binary,          "run",
                "--impl",        row.implementation,
                "--kernel",      row.kernel,
                "--graph",       row.graph_path,
                "--dataset",     row.dataset,
                "--threads",     std::to_string(row.threads),
                "--repetitions", std::to_string(spec.repetitions),
                "--iterations",  std::to_string(spec.iterations),
                "--json",        json_path,
                "--quiet"};
  for (const std::string& manifest : spec.systems) {
    child.argv.insert(child.argv.end(), {"--systems", manifest});
  }
  if (const Implementation* impl = FindImplementation(row.implementation);
      impl != nullptr && !RunsInProcess(*impl)) {
    // mpirun's own limit ends the ranks (which live outside this row's process group) before
    // the row's kill below would leave them orphaned.
    const double inner = spec.timeout_seconds > 50 ? spec.timeout_seconds - 15
                                                   : spec.timeout_seconds * 0.6;
    child.argv.insert(child.argv.end(),
                      {"--procs", std::to_string(row.procs), "--timeout", std::to_string(inner)});
    if (!spec.hostfile.empty()) child.argv.insert(child.argv.end(), {"--hostfile", spec.hostfile});
  }
  if (!gbench_json.empty()) child.argv.insert(child.argv.end(), {"--benchmark-json", gbench_json});
  child.log_path = (dir / "row.log").string();
  child.timeout_seconds = spec.timeout_seconds;
  child.memory_cap_bytes = spec.memory_cap_bytes;
  child.interrupt = interrupt;
  const ChildResult run = RunChild(child);

  Measurement m;
  m.dataset = row.dataset;
  m.graph_path = row.graph_path;
  m.implementation = row.implementation;
  m.kernel = row.kernel;
  m.system = row.system;
  m.algorithm = row.algorithm;
  m.kind = row.kind;
  m.threads = row.threads;
  m.procs = row.procs;
  m.repetitions = spec.repetitions;
  m.oversubscribed = m.cores() > static_cast<int>(std::thread::hardware_concurrency());
  if (run.status == ChildResult::Status::kInterrupted) {
    m.outcome = "interrupted";
  } else if (run.status == ChildResult::Status::kExited && fs::exists(json_path)) {
    // `cost run` wrote its row: ok, invalid-output, or an external command's failure.
    try {
      ResultsFile one = ReadResultsFile(json_path);
      if (one.measurements.size() != 1) throw std::runtime_error("expected one measurement");
      m = one.measurements[0];
    } catch (const std::exception& e) {
      m.outcome = "crashed";
      m.message = std::string("unreadable result: ") + e.what();
    }
  } else {
    ClassifyFailure(run, spec, &m);
  }
  fs::remove_all(dir);
  return m;
}

std::string GbenchFileName(const SweepRow& row) {
  std::string name = row.dataset + "__" + row.implementation + "__" + row.kernel + "__t" +
                     std::to_string(row.threads) +
                     (row.procs > 1 ? "__p" + std::to_string(row.procs) : std::string()) + ".json";
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') c = '_';
  }
  return name;
}

}  // namespace cost::harness
