#include "harness/run/external_system.h"

#include <charconv>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "datasets/output_file.h"
#include "harness/analysis/statistics.h"
#include "harness/core/child_process.h"
#include "harness/core/format.h"
#include "harness/core/results_checks.h"
#include "harness/core/temp_folder.h"
#include "harness/run/external_prepare.h"
#include "harness/run/external_values.h"
#include "harness/run/failure.h"
#include "harness/run/row_validation.h"

namespace cost::harness {
namespace fs = std::filesystem;
namespace {

std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// One pass over the template: a value is never searched for placeholders again (a graph path
// holding "{manifest_dir}" must not have a second, quoted value spliced into its quotes).
std::string Substitute(const std::string& command,
                       const std::map<std::string, std::string>& values) {
  std::string out;
  for (size_t at = 0; at < command.size();) {
    const size_t open = command.find('{', at);
    const size_t close = open == std::string::npos ? open : command.find('}', open);
    if (close == std::string::npos) {
      out += command.substr(at);
      break;
    }
    out += command.substr(at, open - at);
    const auto value = values.find(command.substr(open + 1, close - open - 1));
    if (value == values.end()) {  // a brace of the command's own ("awk '{print $1}'")
      out += '{';
      at = open + 1;
      continue;
    }
    out += ShellQuote(value->second);
    at = close + 1;
  }
  return out;
}

// "src dst" lines in original ids, cached beside the prepared file (same checksum, same file).
std::string EnsureEdgeListFile(const datasets::Graph& graph, const Measurement& m) {
  // ".el" is what the GAP Benchmark Suite and others recognise as a text edge list.
  const std::string path = m.graph_path + "." + m.graph_checksum + ".el";
  if (fs::exists(path)) return path;
  datasets::OutputFile out(path, datasets::Gzip::kNever);
  char line[64];
  for (uint64_t u = 0; u < graph.num_vertices(); ++u) {
    for (uint32_t v : graph.out.Neighbors(static_cast<uint32_t>(u))) {
      char* end = std::to_chars(line, line + 24, graph.original_ids[u]).ptr;
      *end++ = ' ';
      end = std::to_chars(end, end + 24, graph.original_ids[v]).ptr;
      *end++ = '\n';
      out.Write(std::string_view(line, end - line));
    }
  }
  out.Commit();
  return path;
}

// The time of one run, from its output or its wall time; throws when the output has none.
// Every time the regex matches in the output, in order (times "scale"); throws when one is not a
// number.
std::vector<double> MatchedTimes(const ExternalSystem& system, const std::string& output) {
  const std::regex pattern(system.time_regex);
  std::vector<double> seconds;
  std::smatch match;
  for (auto it = output.cbegin(); std::regex_search(it, output.cend(), match, pattern);
       it = match.suffix().first) {
    try {
      seconds.push_back(std::stod(match[1].str()) * system.time_scale);
    } catch (const std::logic_error&) {
      throw std::runtime_error("the time matched by /" + system.time_regex + "/, '" +
                               match[1].str() + "', is not a number");
    }
  }
  return seconds;
}

double TimeOfRun(const ExternalSystem& system, const std::string& output, double wall_seconds) {
  if (!system.time_regex.empty()) {
    const std::vector<double> seconds = MatchedTimes(system, output);
    if (seconds.empty()) {
      throw std::runtime_error("no time in the output matching /" + system.time_regex + "/");
    }
    return seconds.back();
  }
  if (!system.time_json_field.empty()) {
    std::istringstream lines(output);
    std::string line;
    double seconds = -1;
    while (std::getline(lines, line)) {
      const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains(system.time_json_field) &&
          j.at(system.time_json_field).is_number()) {
        seconds = j.at(system.time_json_field).get<double>() * system.time_scale;
      }
    }
    if (seconds < 0) {
      throw std::runtime_error("no JSON line with a numeric \"" + system.time_json_field + "\"");
    }
    return seconds;
  }
  return wall_seconds;
}

// The command line of one run: the template with every placeholder filled in.
// The file the system reads: our prepared file, or the edge list written for it.
std::string InputFor(const ExternalSystem& system, const MeasurementRequest& request,
                     const MeasurementOutput& out) {
  const std::string input = system.input_format == "cgraph"
                                ? request.graph_path
                                : EnsureEdgeListFile(out.graph, out.measurement);
  return fs::absolute(input).string();
}

std::string ManifestDir(const ExternalSystem& system) {
  return fs::absolute(system.manifest).parent_path().string();
}

// The command line of one run: the template with every placeholder filled in, after exporting
// the manifest's thread variable.
std::string CommandFor(const ExternalSystem& system, const MeasurementRequest& request,
                       const MeasurementOutput& out, const std::string& prepared,
                       const std::string& values) {
  const Measurement& m = out.measurement;
  const std::string threads = std::to_string(request.params.threads);
  const std::string command = Substitute(
      system.command,
      {{"graph", InputFor(system, request, out)},
       {"format", system.input_format},
       {"threads", threads},
       {"procs", "1"},
       {"iterations", std::to_string(request.params.iterations)},
       {"damping", std::to_string(request.params.damping)},
       {"source", std::to_string(std::max<int64_t>(m.source, 0))},
       {"values", values},
       {"kernel", std::string(KernelName(m.kernel))},
       {"manifest_dir", ManifestDir(system)},
       {"prepared", prepared},
       {"rounds", std::to_string(system.per_round ? request.warmups + request.repetitions : 1)}});
  if (system.threads_env.empty()) return command;
  return "export " + system.threads_env + "=" + ShellQuote(threads) + "; " + command;
}

// The repetitions' times in one run's output: every round's (warm-ups dropped) for a per-round
// manifest, else the one time of the run.
std::vector<double> TimesOfRun(const ExternalSystem& system, const MeasurementRequest& request,
                               const std::string& output, double wall_seconds) {
  if (!system.per_round) return {TimeOfRun(system, output, wall_seconds)};
  const std::vector<double> rounds = MatchedTimes(system, output);
  const size_t expected = static_cast<size_t>(request.warmups + request.repetitions);
  if (rounds.size() != expected) {
    throw std::runtime_error("expected " + std::to_string(expected) + " round times matching /" +
                             system.time_regex + "/, found " + std::to_string(rounds.size()));
  }
  return std::vector<double>(rounds.begin() + request.warmups, rounds.end());
}

// Runs the command for the warm-ups and then the repetitions (once for all of them when the
// manifest reads per-round times); returns the repetitions' times, or stops at the first failing
// run with out's outcome saying why.
std::vector<double> RunCommand(const ExternalSystem& system, const MeasurementRequest& request,
                               const std::string& command, const fs::path& dir,
                               MeasurementOutput* out) {
  Measurement& m = out->measurement;
  std::vector<double> seconds;
  const int runs = system.per_round ? 1 : request.warmups + request.repetitions;
  const std::string log_path = (dir / "output.log").string();
  for (int run = 0; run < runs; ++run) {
    const ShellCommandRun shell = RunShellCommand(command, log_path, "the command");
    if (shell.outcome.outcome != Outcome::kOk) {
      m.outcome = shell.outcome.outcome;
      m.message = shell.outcome.message;
      return seconds;
    }
    if (!system.per_round && run < request.warmups) continue;
    try {
      for (double s :
           TimesOfRun(system, request, ReadChildLog(log_path), shell.child.wall_seconds)) {
        // -0.5 s, 0 s, nan or inf is no measurement: it would win the COST table, or leave a
        // results file no reader accepts.
        if (!ImplausibleTimes({s}).empty()) {
          throw std::runtime_error("the system's time for run " +
                                   std::to_string(seconds.size() + 1) + " is " + Printf("%g", s) +
                                   " s: a time must be finite and positive");
        }
        seconds.push_back(s);
      }
    } catch (const std::exception& e) {
      m.outcome = Outcome::kInvalidOutput;
      m.message = e.what() + std::string(". Output: ") + shell.child.log_tail;
      return seconds;
    }
  }
  return seconds;
}

// The values the command wrote, validated; or the row says it wrote none.
void ValidateCommandValues(const ExternalSystem& system, const MeasurementRequest& request,
                           const std::string& values, MeasurementOutput* out) {
  Measurement& m = out->measurement;
  if (system.command.find("{values}") == std::string::npos) {
    m.message = "not validated: the manifest's command writes no {values}";
    return;
  }
  try {
    out->values = ReadExternalValues(values, out->graph, system.kernel);
    FinishMeasurement(request, system.kernel, out);
  } catch (const std::exception& e) {
    m.outcome = Outcome::kInvalidOutput;
    m.message = e.what();
  }
}

// The manifest's prepare step (cached), recorded as the row's system preparation; "" when the
// manifest has none, or when it failed (the row's outcome says why).
std::string RunPreparation(const ExternalSystem& system, const MeasurementRequest& request,
                           MeasurementOutput* out) {
  if (system.prepare.empty()) return "";
  Measurement& m = out->measurement;
  const PreparedInput prepared =
      EnsurePrepared(system, InputFor(system, request, *out), request.graph_path, m.graph_checksum);
  m.outcome = prepared.outcome;
  m.message = prepared.message;
  m.system_preparation_seconds = prepared.seconds;
  m.system_preparation_cached = prepared.cached;
  return prepared.path;
}

MeasurementOutput MeasureCommand(const ExternalSystem& system, const MeasurementRequest& request) {
  MeasurementOutput out = PrepareMeasurement(request, IdentityOf(system));
  Measurement& m = out.measurement;
  m.timing = system.time_regex.empty() && system.time_json_field.empty() ? Timing::kProcessWall
                                                                         : Timing::kReported;
  const std::string prepared = RunPreparation(system, request, &out);
  if (!m.ok()) return out;
  RemoveStaleTempFolders("cost-external");   // left by a `cost run` that was killed
  const TempFolder folder("cost-external");  // removed on every way out, exceptions included
  const fs::path& dir = folder.path();
  const std::string values = (dir / "values.txt").string();
  const std::vector<double> seconds =
      RunCommand(system, request, CommandFor(system, request, out, prepared, values), dir, &out);
  if (m.ok()) {
    Summarize(seconds, &m);
    ValidateCommandValues(system, request, values, &out);
  }
  return out;
}

}  // namespace

std::string PrepareCommandFor(const ExternalSystem& system, const std::string& input,
                              const std::string& prepared) {
  return Substitute(system.prepare, {{"graph", input},
                                     {"format", system.input_format},
                                     {"manifest_dir", ManifestDir(system)},
                                     {"prepared", prepared}});
}

ShellCommandRun RunShellCommand(const std::string& command, const std::string& log_path,
                                const std::string& subject) {
  ChildOptions options;
  options.argv = {"/bin/sh", "-c", command};
  options.log_path = log_path;
  options.own_process_group = false;
  ShellCommandRun run;
  run.child = RunChild(options);
  run.outcome = ClassifyChild(run.child, {.subject = subject});
  return run;
}

ImplementationIdentity IdentityOf(const ExternalSystem& system) {
  return {.name = system.name,
          .system = system.system,
          .algorithm = system.algorithm,
          .kernel = system.kernel,
          .kind = system.kind,
          .sections = {}};
}

MeasurementOutput MeasureExternal(const ExternalSystem& system, const MeasurementRequest& request) {
  return MeasureRow(IdentityOf(system), request, [&] { return MeasureCommand(system, request); });
}

}  // namespace cost::harness
