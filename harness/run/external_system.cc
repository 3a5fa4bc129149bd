#include "harness/run/external_system.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "datasets/kernel_definitions.h"
#include "datasets/output_file.h"
#include "harness/analysis/statistics.h"
#include "harness/core/child_process.h"
#include "harness/core/format.h"
#include "harness/core/json_fields.h"
#include "harness/core/results_checks.h"
#include "harness/core/temp_folder.h"
#include "harness/run/external_prepare.h"
#include "harness/run/failure.h"

namespace cost::harness {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void ManifestError(const std::string& manifest, const std::string& field,
                                const std::string& reason) {
  throw std::runtime_error(manifest + ": " + field + ": " + reason);
}

const std::vector<std::string> kPlaceholders = {"graph",      "format",       "threads",  "procs",
                                                "iterations", "damping",      "source",   "values",
                                                "kernel",     "manifest_dir", "prepared", "rounds"};

// Every {word} in the template (lower-case letters and '_') must be a known placeholder: a typo
// fails at load time, not as a mysterious command error an hour into a sweep. Other braces (an
// awk program, a shell group) are left alone.
void CheckPlaceholders(const std::string& command, const std::string& manifest) {
  static const std::regex word(R"(\{([a-z_]+)\})");
  for (auto it = std::sregex_iterator(command.begin(), command.end(), word);
       it != std::sregex_iterator(); ++it) {
    const std::string name = (*it)[1].str();
    if (std::find(kPlaceholders.begin(), kPlaceholders.end(), name) == kPlaceholders.end()) {
      ManifestError(manifest, "command", "unknown placeholder {" + name + "}");
    }
  }
}

// Refuses a placeholder the manifest wrote inside quotes ('{graph}', "{values}"): the harness
// quotes each value itself, and a value inside the manifest's own quotes would end them (a file
// name holding a quote would run as shell code).
void CheckPlaceholdersUnquoted(const std::string& command, const std::string& manifest,
                               const std::string& entry) {
  char quote = 0;  // the open quote, or 0 outside quotes
  for (size_t i = 0; i < command.size(); ++i) {
    const char c = command[i];
    if (c == '\\' && quote != '\'') {
      ++i;  // an escaped character, outside single quotes
    } else if (quote == 0 && (c == '\'' || c == '"')) {
      quote = c;
    } else if (c == quote) {
      quote = 0;
    } else if (c == '{' && quote != 0) {
      const size_t end = command.find('}', i);
      const std::string name = end == std::string::npos ? "" : command.substr(i + 1, end - i - 1);
      if (std::find(kPlaceholders.begin(), kPlaceholders.end(), name) == kPlaceholders.end()) {
        continue;
      }
      ManifestError(manifest, entry + ": command",
                    "placeholder {" + name + "} is inside " +
                        (quote == '\'' ? "single" : "double") +
                        " quotes; write it bare: the harness shell-quotes every value itself");
    }
  }
}

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

// A values file's values as they are read, in dense-id order.
struct ValuesRead {
  Kernel kernel = Kernel::kPageRank;
  std::vector<double> ranks;     // PageRank
  std::vector<uint32_t> labels;  // WCC: renumbered, since only the partition is compared
  std::vector<int64_t> depths;   // BFS
  std::vector<char> seen;
  std::unordered_map<std::string, uint32_t> label_ids;
};

ValuesRead StartValues(Kernel kernel, uint64_t n) {
  ValuesRead values;
  values.kernel = kernel;
  values.seen.assign(n, 0);
  if (kernel == Kernel::kPageRank) values.ranks.resize(n);
  if (kernel == Kernel::kWcc) values.labels.resize(n);
  if (kernel == Kernel::kBfs) values.depths.resize(n);
  return values;
}

uint32_t LabelId(const std::string& label, ValuesRead* values) {
  return values->label_ids.emplace(label, values->label_ids.size()).first->second;
}

// The whole token as a T (no "7.5e-05banana", no "-1" for an id); false when it is not one.
template <typename T>
bool ParseWhole(std::string_view token, T* value) {
  const auto [ptr, error] = std::from_chars(token.data(), token.data() + token.size(), *value);
  return error == std::errc() && ptr == token.data() + token.size();
}

// Splits "id value" (spaces or tabs between, nothing else); false for any other shape.
bool SplitIdValue(const std::string& line, std::string_view* id, std::string_view* value) {
  std::vector<std::string_view> fields;
  std::string_view rest(line);
  while (!rest.empty()) {
    const size_t begin = rest.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos) break;
    rest.remove_prefix(begin);
    const size_t end = std::min(rest.find_first_of(" \t\r"), rest.size());
    fields.push_back(rest.substr(0, end));
    rest.remove_prefix(end);
  }
  if (fields.size() != 2) return false;
  *id = fields[0];
  *value = fields[1];
  return true;
}

// Stores the value of dense vertex v, parsed whole as the kernel's type; false when it is not
// one. *conflict: v had another value already.
bool StoreValue(std::string_view value, uint32_t v, ValuesRead* values, bool* conflict) {
  const bool seen = values->seen[v] != 0;
  if (values->kernel == Kernel::kPageRank) {
    double rank = 0;
    if (!ParseWhole(value, &rank) || !std::isfinite(rank)) return false;
    *conflict = seen && rank != values->ranks[v];
    values->ranks[v] = rank;
  } else if (values->kernel == Kernel::kBfs) {
    int64_t depth = 0;
    if (!ParseWhole(value, &depth)) return false;
    *conflict = seen && depth != values->depths[v];
    values->depths[v] = depth;
  } else {
    const uint32_t label = LabelId(std::string(value), values);
    *conflict = seen && label != values->labels[v];
    values->labels[v] = label;
  }
  return true;
}

// Line `where` ("FILE:N"): "original-id value". Throws std::runtime_error naming it; a vertex
// given twice with different values is an error too (which one would the validator judge?).
void ReadValueLine(const std::string& line, const std::string& where,
                   const std::unordered_map<uint64_t, uint32_t>& dense, ValuesRead* values) {
  std::string_view id_text, value;
  uint64_t id = 0;
  if (!SplitIdValue(line, &id_text, &value) || !ParseWhole(id_text, &id)) {
    throw std::runtime_error(where + ": expected 'id value'");
  }
  const auto it = dense.find(id);
  if (it == dense.end()) {
    throw std::runtime_error(where + ": unknown vertex " + std::to_string(id));
  }
  const uint32_t v = it->second;
  bool conflict = false;
  if (!StoreValue(value, v, values, &conflict)) {
    throw std::runtime_error(where + ": value '" + std::string(value) +
                             "' is not a number of the kernel's type");
  }
  if (conflict) {
    throw std::runtime_error(where + ": vertex " + std::to_string(id) +
                             " is given again, with another value '" + std::string(value) + "'");
  }
  values->seen[v] = 1;
}

// The vertices the file gave no value. An edge list cannot carry isolated vertices, so a system
// reading one never saw them. For WCC their answer is known (each is its own component); for
// PageRank the system ran on a graph with fewer vertices, and its ranks are rightly judged
// against the whole graph.
void FillAbsentVertices(const std::string& path, const datasets::Graph& graph, ValuesRead* values) {
  for (uint64_t v = 0; v < graph.num_vertices(); ++v) {
    if (values->seen[v]) continue;
    const bool isolated = graph.out.Degree(static_cast<uint32_t>(v)) == 0 &&
                          graph.in.Degree(static_cast<uint32_t>(v)) == 0;
    if (values->kernel == Kernel::kWcc && isolated) {
      values->labels[v] = LabelId("isolated " + std::to_string(v), values);
      continue;
    }
    if (values->kernel == Kernel::kBfs && isolated) {
      // Unless it is the source, which the check will catch.
      values->depths[v] = datasets::kUnreachable;
      continue;
    }
    throw std::runtime_error(path + ": no value for vertex " +
                             std::to_string(graph.original_ids[v]) +
                             (isolated ? " (isolated: absent from an edge-list input)" : ""));
  }
}

}  // namespace

Values ReadExternalValues(const std::string& path, const datasets::Graph& graph, Kernel kernel) {
  std::unordered_map<uint64_t, uint32_t> dense;
  dense.reserve(graph.num_vertices());
  for (uint64_t v = 0; v < graph.num_vertices(); ++v) {
    dense.emplace(graph.original_ids[v], static_cast<uint32_t>(v));
  }
  std::ifstream in(path);
  if (!in) throw std::runtime_error("values file " + path + " was not written");
  ValuesRead values = StartValues(kernel, graph.num_vertices());
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    ReadValueLine(line, path + ":" + std::to_string(number), dense, &values);
  }
  FillAbsentVertices(path, graph, &values);
  if (kernel == Kernel::kPageRank) return std::move(values.ranks);
  if (kernel == Kernel::kWcc) return std::move(values.labels);
  return std::move(values.depths);
}

namespace {

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

// "name" (SYSTEM:ALGORITHM, not a built-in row's), and the system and algorithm it gives.
void ParseName(const nlohmann::json& j, ExternalSystem* s) {
  s->name = j.contains("name") ? PlainString(j.at("name"), "name") : "";
  const size_t colon = s->name.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == s->name.size()) {
    ManifestError(s->manifest, "name", "must be SYSTEM:ALGORITHM, got \"" + s->name + "\"");
  }
  if (FindImplementation(s->name)) {
    ManifestError(s->manifest, "name", "\"" + s->name + "\" is a built-in implementation");
  }
  s->system = s->name.substr(0, colon);
  s->algorithm = j.contains("algorithm") ? PlainString(j.at("algorithm"), "algorithm")
                                         : s->name.substr(colon + 1);
}

// "kernel", "kind", "input_format" and "command".
void ParseWhatItRuns(const nlohmann::json& j, ExternalSystem* s) {
  const std::string& manifest = s->manifest;
  const auto text = [&j](const char* field, const char* otherwise) {
    return j.contains(field) ? PlainString(j.at(field), field) : std::string(otherwise);
  };
  if (!ParseKernel(text("kernel", ""), &s->kernel)) {
    ManifestError(manifest, "kernel", "must be one of pagerank, wcc, bfs");
  }
  if (!ParseKind(text("kind", "single-threaded"), &s->kind)) {
    ManifestError(manifest, "kind", "must be single-threaded, threaded or multiprocess");
  }
  s->input_format = text("input_format", "cgraph");
  if (s->input_format != "cgraph" && s->input_format != "edge-list") {
    ManifestError(manifest, "input_format", "must be cgraph or edge-list");
  }
  if (j.contains("command") && !j.at("command").is_string()) {
    ManifestError(manifest, "command", "must be a string");
  }
  s->command = j.value("command", "");
  if (s->command.empty()) ManifestError(manifest, "command", "missing");
  CheckPlaceholders(s->command, manifest);
  CheckPlaceholdersUnquoted(s->command, manifest, "\"" + s->name + "\"");
}

// "prepare" (the system's converter) and "threads_env" (the variable its threads are set by).
void ParsePreparation(const nlohmann::json& j, ExternalSystem* s) {
  const std::string& manifest = s->manifest;
  s->prepare = j.value("prepare", "");
  if (j.contains("prepare") && s->prepare.empty()) {
    ManifestError(manifest, "prepare", "must be a non-empty command");
  }
  CheckPlaceholders(s->prepare, manifest);
  if (!s->prepare.empty()) CheckPlaceholdersUnquoted(s->prepare, manifest, "\"" + s->name + "\"");
  if (!s->prepare.empty() && s->prepare.find("{prepared}") == std::string::npos) {
    ManifestError(manifest, "prepare", "must write its output to {prepared}");
  }
  if (s->prepare.empty() && s->command.find("{prepared}") != std::string::npos) {
    ManifestError(manifest, "command", "{prepared} needs a \"prepare\" command");
  }
  s->threads_env = j.value("threads_env", "");
  static const std::regex name("[A-Za-z_][A-Za-z0-9_]*");
  if (j.contains("threads_env") && !std::regex_match(s->threads_env, name)) {
    ManifestError(manifest, "threads_env",
                  "must be an environment variable's name, got \"" + s->threads_env + "\"");
  }
}

// "time": {"regex": R} or {"json_field": F} (with "scale"), or "process-wall".
void ParseTime(const nlohmann::json& j, ExternalSystem* s) {
  const std::string& manifest = s->manifest;
  const nlohmann::json time = j.value("time", nlohmann::json("process-wall"));
  if (!time.is_object()) {
    if (time == "process-wall") return;
    ManifestError(manifest, "time",
                  "must be {\"regex\": ...}, {\"json_field\": ...} or \"process-wall\"");
  }
  RequireKnownKeys(time, "time", {"regex", "json_field", "scale", "per_round"});
  s->time_regex = time.contains("regex") ? PlainString(time.at("regex"), "time.regex") : "";
  s->time_json_field =
      time.contains("json_field") ? PlainString(time.at("json_field"), "time.json_field") : "";
  if (time.contains("scale")) {
    s->time_scale = NumberIn(time.at("scale"), "time.scale", 0, 1e12);
    if (s->time_scale <= 0) ManifestError(manifest, "time.scale", "must be > 0");
  }
  if (time.contains("per_round")) {
    if (!time.at("per_round").is_boolean()) {
      ManifestError(manifest, "time.per_round", "must be true or false");
    }
    s->per_round = time.at("per_round").get<bool>();
  }
  if (s->time_regex.empty() == s->time_json_field.empty()) {
    ManifestError(manifest, "time", "give exactly one of \"regex\" and \"json_field\"");
  }
  if (s->per_round && s->time_regex.empty()) {
    ManifestError(manifest, "time.per_round", "needs a \"regex\" matching each round's time");
  }
  if (s->time_regex.empty()) return;
  try {
    if (std::regex(s->time_regex).mark_count() < 1) {
      ManifestError(manifest, "time.regex", "needs a capture group for the seconds");
    }
  } catch (const std::regex_error& e) {
    ManifestError(manifest, "time.regex", e.what());
  }
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
  for (int run = 0; run < runs; ++run) {
    ChildOptions options;
    options.argv = {"/bin/sh", "-c", command};
    options.log_path = (dir / "output.log").string();
    options.own_process_group = false;  // a sweep's timeout must reach the command too
    const ChildResult result = RunChild(options);
    const ChildOutcome outcome = ClassifyChild(result, {.subject = "the command"});
    if (outcome.outcome != Outcome::kOk) {
      m.outcome = outcome.outcome;
      m.message = outcome.message;
      return seconds;
    }
    if (!system.per_round && run < request.warmups) continue;
    try {
      for (double s :
           TimesOfRun(system, request, ReadChildLog(options.log_path), result.wall_seconds)) {
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
      m.message = e.what() + std::string(". Output: ") + result.log_tail;
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

ExternalSystem ParseExternalSystem(const nlohmann::json& j, const std::string& manifest) {
  if (!j.is_object()) ManifestError(manifest, "(top level)", "must be a JSON object");
  ExternalSystem s;
  s.manifest = manifest;
  try {
    RequireKnownKeys(j, "",
                     {"name", "kernel", "kind", "algorithm", "description", "input_format",
                      "command", "time", "prepare", "threads_env"});
    ParseName(j, &s);
    s.description =
        j.contains("description") ? PlainString(j.at("description"), "description") : "";
    ParseWhatItRuns(j, &s);
    ParsePreparation(j, &s);
    ParseTime(j, &s);
  } catch (const FieldError& e) {
    throw std::runtime_error(manifest + ": " + e.what());
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(manifest + ": " + e.what());
  }
  return s;
}

ImplementationIdentity IdentityOf(const ExternalSystem& system) {
  return {.name = system.name,
          .system = system.system,
          .algorithm = system.algorithm,
          .kernel = system.kernel,
          .kind = system.kind,
          .sections = {}};
}

std::vector<ExternalSystem> LoadExternalSystems(const std::string& path) {
  std::vector<std::string> files;
  if (fs::is_directory(path)) {
    for (const auto& entry : fs::directory_iterator(path)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  std::vector<ExternalSystem> systems;
  for (const std::string& file : files) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file + ": " + std::strerror(errno));
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded()) throw std::runtime_error(file + ": not valid JSON");
    for (const nlohmann::json& one : j.is_array() ? j : nlohmann::json::array({j})) {
      systems.push_back(ParseExternalSystem(one, file));
      for (size_t i = 0; i + 1 < systems.size(); ++i) {
        if (systems[i].name == systems.back().name) {
          throw std::runtime_error(file + ": name: \"" + systems.back().name +
                                   "\" is also declared in " + systems[i].manifest);
        }
      }
    }
  }
  return systems;
}

const ExternalSystem* FindExternalSystem(const std::vector<ExternalSystem>& systems,
                                         std::string_view name) {
  for (const ExternalSystem& s : systems) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

MeasurementOutput MeasureExternal(const ExternalSystem& system, const MeasurementRequest& request) {
  return MeasureRow(IdentityOf(system), request, [&] { return MeasureCommand(system, request); });
}

}  // namespace cost::harness
