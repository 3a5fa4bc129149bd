#include "harness/sweep/sweep.h"

#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <stdexcept>

#include "harness/core/temp_folder.h"
#include "harness/machine/machine_info.h"
#include "harness/machine/machine_limits.h"
#include "harness/run/implementations.h"
#include "harness/sweep/prepared_datasets.h"
#include "harness/sweep/progress.h"
#include "harness/sweep/results_lock.h"
#include "harness/sweep/resume.h"
#include "harness/sweep/row_process.h"

namespace cost::harness {
namespace fs = std::filesystem;
namespace {

// Every results file carries the machine's limits, and every row its fraction of them: measured
// once per machine (--quick, a few seconds) into the cache folder unless $COST_MACHINE_LIMITS
// names a file. The rows' `cost run` children find the file through that variable. A spec with
// disk rows needs the device's read rate as those rows' limit: measured in the cache folder (where
// the prepared files are) when the saved limits lack it, else their "of limit" would be blank.
void RecordMachineLimits(const SweepSpec& spec, bool quiet, nlohmann::json* machine) {
  const char* env = std::getenv("COST_MACHINE_LIMITS");
  const std::string path =
      env && *env ? std::string(env) : (fs::path(spec.cache_dir) / "machine-limits.json").string();
  const bool disk_rows =
      std::find(spec.storage.begin(), spec.storage.end(), "disk") != spec.storage.end();
  const std::string disk_dir = spec.cache_dir.empty() ? std::string(".") : spec.cache_dir;
  if (disk_rows) fs::create_directories(disk_dir);  // before the datasets are prepared there
  std::optional<MachineLimits> limits = LoadMachineLimits(path);
  if (!limits) {
    if (!quiet) {
      std::fprintf(stderr,
                   "sweep: measuring this machine's limits once (cost machine --quick), "
                   "saved to %s\n",
                   path.c_str());
    }
    MachineLimitsOptions quick;
    quick.quick = true;
    if (disk_rows) quick.disk_dir = disk_dir;
    limits = MeasureMachineLimits(quick);
    SaveMachineLimits(*limits, path);
  } else if (disk_rows && limits->disk_read_bytes_per_second <= 0) {
    if (!quiet)
      std::fprintf(stderr, "sweep: measuring the disk read rate in %s\n", disk_dir.c_str());
    MeasureDiskLimit(disk_dir, /*quick=*/true, &*limits);
    SaveMachineLimits(*limits, path);
  }
  (*machine)["limits"] = ToJson(*limits);
  setenv("COST_MACHINE_LIMITS", fs::absolute(path).c_str(), 1);
}

// The results to continue: those in `out` with --resume, else none. Throws when `out` exists and
// neither --resume nor --overwrite says what to do with it.
ResultsFile ExistingResults(const SweepOptions& options) {
  if (options.out.empty()) throw std::runtime_error("no results file given (--out)");
  if (fs::exists(options.out) && options.resume) {
    ResultsFile results = ReadResultsFile(options.out);
    RequireSameBuildAndMachine(results, options.out);
    return results;
  }
  if (fs::exists(options.out) && !options.overwrite) {
    throw std::runtime_error(options.out +
                             ": already exists; use --resume to continue it or --overwrite");
  }
  return {};
}

// Fails now, not after an hour, if the results cannot be written. A new file is written at once;
// an existing one is left as it was (until the datasets are ready, so that a sweep that fails to
// start never touches it). Returns whether it existed.
bool CheckResultsWritable(const ResultsFile& results, const std::string& out) {
  const fs::path folder =
      fs::path(out).parent_path().empty() ? fs::path(".") : fs::path(out).parent_path();
  if (!fs::exists(out)) {
    WriteResultsFile(results, out);
    return false;
  }
  if (::access(folder.c_str(), W_OK) != 0) {
    throw std::runtime_error(out + ": cannot write its folder: " + std::strerror(errno));
  }
  return true;
}

// Set by SIGINT, SIGTERM and SIGHUP while an InterruptHandler lives: the sweep then kills the
// running row's child and stops, keeping the rows so far.
volatile sig_atomic_t g_interrupted = 0;
void OnInterrupt(int) { g_interrupted = 1; }

// Installs OnInterrupt, and puts the handlers it replaced back when it goes, however the sweep
// ends.
class InterruptHandler {
 public:
  InterruptHandler() {
    g_interrupted = 0;
    struct sigaction action {};
    action.sa_handler = OnInterrupt;
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
    sigaction(SIGHUP, &action, &old_hup_);  // a closed terminal or ssh session: as SIGTERM
  }
  ~InterruptHandler() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
    sigaction(SIGHUP, &old_hup_, nullptr);
  }
  InterruptHandler(const InterruptHandler&) = delete;
  InterruptHandler& operator=(const InterruptHandler&) = delete;

 private:
  struct sigaction old_int_ = {};
  struct sigaction old_term_ = {};
  struct sigaction old_hup_ = {};
};

// Runs every row not yet in *results, each in its own `binary run` process ("": this executable),
// writing the results file after each; stops early when interrupted.
void RunRows(const std::vector<SweepRow>& rows, const SweepSpec& spec, const SweepOptions& options,
             const std::string& binary, ResultsFile* results) {
  const fs::path gbench_dir = options.out + ".gbench";
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  size_t done = 0, ran = 0;
  for (const SweepRow& row : rows) {
    ++done;
    if (HasRow(*results, row)) continue;
    if (g_interrupted) break;
    if (!options.quiet) ShowProgress(done, rows.size(), row, nullptr, elapsed(), 0);
    // External systems and MPI ranks do not time with Google Benchmark: no JSON of its own.
    const Implementation* in_tree = FindImplementation(row.implementation);
    const bool gbench = in_tree != nullptr && in_tree->kind != Kind::kMultiprocess;
    Measurement m =
        RunRowInChild(row, spec, binary, gbench ? (gbench_dir / GbenchFileName(row)).string() : "",
                      &g_interrupted);
    if (m.outcome == Outcome::kInterrupted) break;
    results->measurements.push_back(m);
    WriteResultsFile(*results, options.out);
    ++ran;
    if (!options.quiet) {
      const double left =
          elapsed() / static_cast<double>(ran) * static_cast<double>(rows.size() - done);
      ShowProgress(done, rows.size(), row, &m, elapsed(), left);
    }
  }
}

// The part of a sweep before its first row: the lock is held, the results read, the datasets
// prepared and the rows planned. A results file this start created is removed again when the
// start fails (a bad dataset, a changed parameter), so that a sweep that never ran leaves none.
std::vector<SweepRow> StartSweep(const SweepSpec& spec, const SweepOptions& options,
                                 ResultsFile* results) {
  *results = ExistingResults(options);
  results->created = UtcNow();
  results->machine = DescribeMachine();
  results->build = DescribeBuild();
  RecordMachineLimits(spec, options.quiet, &results->machine);
  const bool existed = CheckResultsWritable(*results, options.out);
  try {
    fs::create_directories(options.out + ".gbench");
    const std::vector<ExternalSystem> externals = LoadSpecSystems(spec);
    const std::vector<std::string> graphs =
        PrepareSweepDatasets(spec, options.quiet, options.cost_binary);
    std::vector<SweepRow> rows = PlanRows(spec, graphs, externals, options.quiet);
    RequireSameParameters(*results, spec, rows, options.out);
    if (existed) WriteResultsFile(*results, options.out);
    return rows;
  } catch (...) {
    if (!existed) {
      std::error_code ignored;
      fs::remove(options.out, ignored);
      fs::remove(options.out + ".gbench", ignored);  // only when empty
    }
    throw;
  }
}

}  // namespace

ResultsFile RunSweep(const SweepSpec& spec, const SweepOptions& options, bool* interrupted) {
  if (options.out.empty()) throw std::runtime_error("no results file given (--out)");
  const fs::path folder = fs::path(options.out).parent_path();
  if (!folder.empty()) fs::create_directories(folder);  // where the lock file goes too
  const ResultsLock lock(options.out);                  // held until the last row is written
  // Folders of rows and external commands whose sweep was killed (SIGKILL runs no cleanup).
  RemoveStaleTempFolders("cost-row");
  RemoveStaleTempFolders("cost-external");
  RemoveStaleTempFolders("cost-mpi");
  ResultsFile results;
  const std::vector<SweepRow> rows = StartSweep(spec, options, &results);
  const InterruptHandler handler;
  RunRows(rows, spec, options, options.cost_binary, &results);
  if (interrupted) *interrupted = g_interrupted != 0;
  return results;
}

}  // namespace cost::harness
