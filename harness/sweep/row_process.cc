#include "harness/sweep/row_process.h"

#include <stdlib.h>

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "harness/core/child_process.h"
#include "harness/core/format.h"
#include "harness/core/temp_folder.h"
#include "harness/run/failure.h"
#include "harness/run/implementations.h"
#include "harness/run/measurement.h"
#include "harness/run/multiprocess.h"
#include "harness/run/reference_cache.h"

namespace cost::harness {
namespace fs = std::filesystem;
namespace {

// `binary run ...` for the row, writing its one-row results file to json_path.
std::vector<std::string> RowCommand(const SweepRow& row, const SweepSpec& spec,
                                    const std::string& binary, const std::string& json_path,
                                    const std::string& gbench_json) {
  std::vector<std::string> argv = {binary,          "run",
                                   "--impl",        row.implementation,
                                   "--kernel",      std::string(KernelName(row.kernel)),
                                   "--graph",       row.graph_path,
                                   "--dataset",     row.dataset,
                                   "--threads",     std::to_string(row.threads),
                                   "--repetitions", std::to_string(spec.repetitions),
                                   "--warmups",     std::to_string(spec.warmups),
                                   "--iterations",  std::to_string(spec.iterations),
                                   "--json",        json_path,
                                   "--quiet"};
  for (const std::string& manifest : spec.systems) {
    argv.insert(argv.end(), {"--systems", manifest});
  }
  if (const Implementation* impl = FindImplementation(row.implementation);
      impl != nullptr && !RunsInProcess(*impl)) {
    argv.insert(argv.end(), {"--procs", std::to_string(row.procs), "--timeout",
                             std::to_string(MpirunTimeoutSeconds(spec.timeout_seconds))});
    if (!spec.hostfile.empty()) argv.insert(argv.end(), {"--hostfile", spec.hostfile});
  }
  if (!row.storage.empty()) argv.insert(argv.end(), {"--storage", row.storage});
  if (!spec.cache_dir.empty()) {
    argv.insert(argv.end(), {"--reference-cache", ReferenceCacheDir(spec.cache_dir)});
  }
  if (!gbench_json.empty()) argv.insert(argv.end(), {"--benchmark-json", gbench_json});
  return argv;
}

ImplementationIdentity IdentityOf(const SweepRow& row) {
  return {.name = row.implementation,
          .system = row.system,
          .algorithm = row.algorithm,
          .kernel = row.kernel,
          .kind = row.kind,
          .layout = LayoutReadBy(row.implementation),
          .sections = SectionsReadBy(row.implementation)};
}

// The row `cost run` wrote when it wrote one; otherwise the row, keyed as a measured one would
// be, says what became of the process.
Measurement RowOf(const SweepRow& row, const SweepSpec& spec, const ChildResult& run,
                  const std::string& json_path) {
  Measurement m = StartMeasurement(IdentityOf(row), {.dataset = row.dataset,
                                                     .graph_path = row.graph_path,
                                                     .threads = row.threads,
                                                     .procs = row.procs,
                                                     .repetitions = spec.repetitions,
                                                     .iterations = spec.iterations});
  m.storage = row.storage;
  if (run.status == ChildResult::Status::kExited && fs::exists(json_path)) {
    // `cost run` wrote its row: ok, invalid output, out of memory, or an external command's
    // failure.
    try {
      ResultsFile one = ReadResultsFile(json_path);
      if (one.measurements.size() != 1) throw std::runtime_error("expected one measurement");
      return one.measurements[0];
    } catch (const std::exception& e) {
      m.outcome = Outcome::kCrashed;
      m.message = std::string("unreadable result: ") + e.what();
      return m;
    }
  }
  const ChildOutcome failure = ClassifyChild(run, {.subject = "cost run",
                                                   .timeout_seconds = spec.timeout_seconds,
                                                   .memory_cap_bytes = spec.memory_cap_bytes});
  const bool exited_without_row = failure.outcome == Outcome::kOk;
  m.outcome = exited_without_row ? Outcome::kCrashed : failure.outcome;
  m.message = exited_without_row
                  ? "cost run exited 0 without writing its row. Output: " + run.log_tail
                  : failure.message;
  m.peak_rss_bytes = run.max_rss_bytes;
  return m;
}

}  // namespace

Measurement RunRowInChild(const SweepRow& row, const SweepSpec& spec, const std::string& binary,
                          const std::string& gbench_json,
                          const volatile std::sig_atomic_t* interrupt) {
  const TempFolder folder("cost-row");  // removed on every way out
  const fs::path& dir = folder.path();
  const std::string json_path = (dir / "row.json").string();
  ChildOptions child;
  child.argv = RowCommand(row, spec, binary, json_path, gbench_json);
  SetProgram(&child, binary);
  child.log_path = (dir / "row.log").string();
  child.timeout_seconds = spec.timeout_seconds;
  child.memory_cap_bytes = spec.memory_cap_bytes;
  child.interrupt = interrupt;
  const ChildResult run = RunChild(child);
  // A row killed at its timeout or by an interrupt ran no cleanup: its external command's folder
  // is left, and its owner is now dead.
  RemoveStaleTempFolders("cost-external");
  RemoveStaleTempFolders("cost-mpi");
  return RowOf(row, spec, run, json_path);
}

std::string GbenchFileName(const SweepRow& row) {
  std::string name = row.dataset + "__" + row.implementation + "__" +
                     std::string(KernelName(row.kernel)) + "__t" + std::to_string(row.threads) +
                     (row.procs > 1 ? "__p" + std::to_string(row.procs) : std::string()) + ".json";
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') c = '_';
  }
  return name;
}

}  // namespace cost::harness
