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

#include "datasets/catalog.h"
#include "harness/core/child_process.h"
#include "harness/core/format.h"
#include "harness/core/results_checks.h"
#include "harness/core/temp_folder.h"
#include "harness/run/external_system.h"
#include "harness/run/failure.h"
#include "harness/run/multiprocess_report.h"
#include "harness/run/row_validation.h"

namespace cost::harness {
namespace fs = std::filesystem;
namespace {

// Seconds mpirun has to end its ranks after its own --timeout or a SIGTERM, before SIGKILL.
constexpr double kCleanupSeconds = 10;

// The job's options: in the measuring process's group, so a sweep's kill reaches mpirun too; the
// ranks are in groups of their own, which only mpirun can end: its --timeout fires first, then
// SIGTERM.
ChildOptions JobOptions(const Implementation& impl, const MeasurementRequest& request,
                        const MeasurementOutput& out, const fs::path& dir) {
  ChildOptions child;
  // The whole file, hashed here, is what every host's copy must match (file_check.h).
  const std::string xxh64 = Hex16(datasets::HashFile(request.graph_path));
  child.argv = MpirunCommand(impl, request, out.params.source, out.measurement.oversubscribed,
                             (dir / "values.txt").string(), xxh64);
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
                   const ChildResult& run, const std::string& log, const fs::path& dir,
                   MeasurementOutput* out) {
  Measurement& m = out->measurement;
  const nlohmann::json report = FindJsonLine(log, "cost_mpi_report");
  if (report.is_discarded()) {
    m.outcome = Outcome::kCrashed;
    m.message = "mpirun exited 0 but rank 0 printed no report. Output: " + run.log_tail;
    return;
  }
  try {
    ReadRankReport(report, &m);
    if (const std::string implausible = ImplausibleTimes(m.repetition_seconds);
        !implausible.empty()) {
      m.outcome = Outcome::kInvalidOutput;  // a time the COST table must not believe
      m.message = "rank 0 reported: " + implausible;
      return;
    }
    out->values = ReadExternalValues((dir / "values.txt").string(), out->graph, impl.kernel);
    FinishMeasurement(request, impl.kernel, out);
  } catch (const std::exception& e) {
    m.outcome = Outcome::kInvalidOutput;
    m.message = e.what();
  }
}

// What the job's log says besides the report: the transport, and where the ranks read the
// prepared file. A job the file check ended is refused, with the check's message.
void ReadJobContext(const std::string& log, Measurement* m) {
  m->transport = TransportFromLog(log);
  const nlohmann::json check = FindJsonLine(log, "cost_mpi_file_check");
  if (check.is_discarded()) return;
  m->graph_placement = check.value("placement", "");
  if (!check.value("ok", true)) {
    m->outcome = Outcome::kFailedToStart;
    m->message = "refused: " + check.value("message", std::string("the prepared file differs"));
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
                                       bool oversubscribed, const std::string& values_path,
                                       const std::string& graph_xxh64) {
  const int threads = request.params.threads;
  std::vector<std::string> argv = {"mpirun", "-np", std::to_string(request.procs)};
  if (oversubscribed && request.hostfile.empty()) argv.push_back("--oversubscribe");
  // Open MPI binds each rank to one core; a hybrid rank's threads need them all.
  if (threads > 1) argv.insert(argv.end(), {"--bind-to", "none"});
  // Passive waiting: ranks that share cores must not spin in OpenMP barriers. The BTL log
  // says which transport carried the messages (multiprocess_report.h).
  argv.insert(argv.end(), {"-x", "OMP_NUM_THREADS=" + std::to_string(threads), "-x",
                           "OMP_WAIT_POLICY=passive", "--mca", "btl_base_verbose", "100"});
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
  if (!graph_xxh64.empty()) argv.insert(argv.end(), {"--graph-xxh64", graph_xxh64});
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
    ReadJobResult(impl, request, run, log, dir, &out);
  } else {
    m.outcome = job.outcome;
    m.message = job.message;
  }
  ReadJobContext(log, &m);
  // The measurement's own memory is the largest rank's, not the harness process's.
  m.peak_rss_bytes =
      m.rank_peak_rss_bytes.empty()
          ? run.max_rss_bytes
          : *std::max_element(m.rank_peak_rss_bytes.begin(), m.rank_peak_rss_bytes.end());
  return out;
}

}  // namespace cost::harness
