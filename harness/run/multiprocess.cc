#include "harness/run/multiprocess.h"

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "harness/analysis/statistics.h"
#include "harness/core/child_process.h"
#include "harness/core/format.h"
#include "harness/core/results_checks.h"
#include "harness/core/temp_folder.h"
#include "harness/run/external_system.h"
#include "harness/run/failure.h"

namespace cost::harness {
namespace fs = std::filesystem;
namespace {

// Seconds mpirun has to end its ranks after its own --timeout or a SIGTERM, before SIGKILL.
constexpr double kCleanupSeconds = 10;

// The JSON line rank 0 prints (parallel/mpi/rank_driver.h), or a discarded value.
nlohmann::json FindReport(const std::string& log_path) {
  std::ifstream log(log_path);
  std::string line;
  nlohmann::json report = nlohmann::json::value_t::discarded;
  while (std::getline(log, line)) {
    if (line.rfind("{\"cost_mpi_report\"", 0) != 0) continue;
    report = nlohmann::json::parse(line, nullptr, false);
  }
  return report;
}

// The job's options: in the measuring process's group, so a sweep's kill reaches mpirun too; the
// ranks are in groups of their own, which only mpirun can end: its --timeout fires first, then
// SIGTERM.
ChildOptions JobOptions(const Implementation& impl, const MeasurementRequest& request,
                        const MeasurementOutput& out, const fs::path& dir) {
  ChildOptions child;
  child.argv = MpirunCommand(impl, request, out.params.source, out.measurement.oversubscribed,
                             (dir / "values.txt").string());
  child.log_path = (dir / "mpirun.log").string();
  child.own_process_group = false;
  if (request.timeout_seconds > 0) {
    child.timeout_seconds = request.timeout_seconds + kCleanupSeconds;
  }
  child.term_grace_seconds = kCleanupSeconds;
  return child;
}

// Rank 0's report and the gathered values of a job that exited 0, validated.
void ReadJobResult(const Implementation& impl, const MeasurementRequest& request,
                   const ChildResult& run, const ChildOptions& child, const fs::path& dir,
                   MeasurementOutput* out) {
  Measurement& m = out->measurement;
  const nlohmann::json report = FindReport(child.log_path);
  if (report.is_discarded()) {
    m.outcome = Outcome::kCrashed;
    m.message = "mpirun exited 0 but rank 0 printed no report. Output: " + run.log_tail;
    return;
  }
  Summarize(report.at("repetition_seconds").get<std::vector<double>>(), &m);
  if (const std::string implausible = ImplausibleTimes(m.repetition_seconds);
      !implausible.empty()) {
    m.outcome = Outcome::kInvalidOutput;  // a time the COST table must not believe
    m.message = "rank 0 reported: " + implausible;
    return;
  }
  m.startup_seconds = report.value("startup_seconds", 0.0);
  m.partition_seconds = report.value("partition_seconds", 0.0);
  m.rank_peak_rss_bytes = report.value("rank_peak_rss_bytes", std::vector<uint64_t>{});
  try {
    out->values = ReadExternalValues((dir / "values.txt").string(), out->graph, impl.kernel);
    FinishMeasurement(request, impl.kernel, out);
  } catch (const std::exception& e) {
    m.outcome = Outcome::kInvalidOutput;
    m.message = e.what();
  }
}

}  // namespace

double MpirunTimeoutSeconds(double row_timeout_seconds) {
  return row_timeout_seconds > 50 ? row_timeout_seconds - 15 : row_timeout_seconds * 0.6;
}

std::string MultiprocessExecutable(const Implementation& impl) {
  if (RunsInProcess(impl)) {
    throw std::logic_error(std::string(impl.name) + " runs in process, not under mpirun");
  }
  const std::string name(std::get<MpiProgram>(impl.runner).executable);
  if (const char* dir = std::getenv("COST_MPI_BIN_DIR"); dir != nullptr && *dir != '\0') {
    return (fs::path(dir) / name).string();
  }
  return (fs::read_symlink("/proc/self/exe").parent_path() / name).string();
}

std::vector<std::string> MpirunCommand(const Implementation& impl,
                                       const MeasurementRequest& request, uint32_t source,
                                       bool oversubscribed, const std::string& values_path) {
  const int threads = request.params.threads;
  std::vector<std::string> argv = {"mpirun", "-np", std::to_string(request.procs)};
  if (oversubscribed && request.hostfile.empty()) argv.push_back("--oversubscribe");
  if (threads > 1) {
    // Open MPI binds each rank to one core; a hybrid rank's threads need them all.
    argv.insert(argv.end(),
                {"--bind-to", "none", "-x", "OMP_NUM_THREADS=" + std::to_string(threads)});
  }
  if (!request.hostfile.empty()) argv.insert(argv.end(), {"--hostfile", request.hostfile});
  if (request.timeout_seconds > 0) {
    argv.insert(argv.end(),
                {"--timeout", std::to_string(std::max(1L, std::lround(request.timeout_seconds)))});
  }
  const std::string_view name = impl.name;
  argv.insert(
      argv.end(),
      {MultiprocessExecutable(impl), "--algorithm", std::string(name.substr(name.find(':') + 1)),
       "--graph", fs::absolute(request.graph_path).string(), "--values", values_path,
       "--iterations", std::to_string(request.params.iterations), "--damping",
       Printf("%.17g", request.params.damping), "--source", std::to_string(source), "--repetitions",
       std::to_string(request.repetitions), "--warmups", std::to_string(request.warmups)});
  if (request.test_crash_rank >= 0) {
    argv.insert(argv.end(), {"--test-crash-rank", std::to_string(request.test_crash_rank)});
  }
  if (request.test_hang_rank >= 0) {
    argv.insert(argv.end(), {"--test-hang-rank", std::to_string(request.test_hang_rank)});
  }
  return argv;
}

MeasurementOutput MeasureMultiprocess(const Implementation& impl,
                                      const MeasurementRequest& request) {
  MeasurementOutput out = PrepareMeasurement(request, IdentityOf(impl));
  Measurement& m = out.measurement;
  const std::string executable = MultiprocessExecutable(impl);
  if (::access(executable.c_str(), X_OK) != 0) {
    m.outcome = Outcome::kFailedToStart;
    m.message = executable + " is not built (MPI or Parallel BGL missing when configured?)";
    return out;
  }
  RemoveStaleTempFolders("cost-mpi");   // left by a `cost run` that was killed
  const TempFolder folder("cost-mpi");  // removed on every way out, exceptions included
  const fs::path& dir = folder.path();
  // CI runs as root, where mpirun refuses to start without these.
  setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 1);
  setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 1);
  const ChildOptions child = JobOptions(impl, request, out, dir);
  const ChildResult run = RunChild(child);
  const std::string log = ReadChildLog(child.log_path);
  const ChildOutcome job = ClassifyChild(
      run, {.subject = "mpirun", .timeout_seconds = request.timeout_seconds, .log = log});
  if (job.outcome == Outcome::kOk) {
    ReadJobResult(impl, request, run, child, dir, &out);
  } else {
    m.outcome = job.outcome;
    m.message = job.message;
  }
  // The measurement's own memory is the largest rank's, not the harness process's.
  m.peak_rss_bytes =
      m.rank_peak_rss_bytes.empty()
          ? run.max_rss_bytes
          : *std::max_element(m.rank_peak_rss_bytes.begin(), m.rank_peak_rss_bytes.end());
  return out;
}

}  // namespace cost::harness
