// Reading and checking an external system's manifest (system_manifest.h): every field's type and
// value, the placeholders its commands use, and the names the manifests declare.
#include "harness/run/system_manifest.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>

#include "harness/core/json_fields.h"
#include "harness/run/implementations.h"

namespace cost::harness {
namespace fs = std::filesystem;
namespace {

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
      ThrowFieldError(manifest, "command", "unknown placeholder {" + name + "}");
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
      ThrowFieldError(manifest, entry + ": command",
                      "placeholder {" + name + "} is inside " +
                          (quote == '\'' ? "single" : "double") +
                          " quotes; write it bare: the harness shell-quotes every value itself");
    }
  }
}

// "name" (SYSTEM:ALGORITHM, not a built-in row's), and the system and algorithm it gives.
void ParseName(const nlohmann::json& j, ExternalSystem* s) {
  s->name = j.contains("name") ? PlainString(j.at("name"), "name") : "";
  const size_t colon = s->name.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == s->name.size()) {
    ThrowFieldError(s->manifest, "name", "must be SYSTEM:ALGORITHM, got \"" + s->name + "\"");
  }
  if (FindImplementation(s->name)) {
    ThrowFieldError(s->manifest, "name", "\"" + s->name + "\" is a built-in implementation");
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
    ThrowFieldError(manifest, "kernel", "must be one of pagerank, wcc, bfs");
  }
  if (!ParseKind(text("kind", "single-threaded"), &s->kind)) {
    ThrowFieldError(manifest, "kind", "must be single-threaded, threaded or multiprocess");
  }
  s->input_format = text("input_format", "cgraph");
  if (s->input_format != "cgraph" && s->input_format != "edge-list") {
    ThrowFieldError(manifest, "input_format", "must be cgraph or edge-list");
  }
  if (j.contains("command") && !j.at("command").is_string()) {
    ThrowFieldError(manifest, "command", "must be a string");
  }
  s->command = j.value("command", "");
  if (s->command.empty()) ThrowFieldError(manifest, "command", "missing");
  CheckPlaceholders(s->command, manifest);
  CheckPlaceholdersUnquoted(s->command, manifest, "\"" + s->name + "\"");
}

// "prepare" (the system's converter) and "threads_env" (the variable its threads are set by).
void ParsePreparation(const nlohmann::json& j, ExternalSystem* s) {
  const std::string& manifest = s->manifest;
  s->prepare = j.value("prepare", "");
  if (j.contains("prepare") && s->prepare.empty()) {
    ThrowFieldError(manifest, "prepare", "must be a non-empty command");
  }
  CheckPlaceholders(s->prepare, manifest);
  if (!s->prepare.empty()) CheckPlaceholdersUnquoted(s->prepare, manifest, "\"" + s->name + "\"");
  if (!s->prepare.empty() && s->prepare.find("{prepared}") == std::string::npos) {
    ThrowFieldError(manifest, "prepare", "must write its output to {prepared}");
  }
  if (s->prepare.empty() && s->command.find("{prepared}") != std::string::npos) {
    ThrowFieldError(manifest, "command", "{prepared} needs a \"prepare\" command");
  }
  s->threads_env = j.value("threads_env", "");
  static const std::regex name("[A-Za-z_][A-Za-z0-9_]*");
  if (j.contains("threads_env") && !std::regex_match(s->threads_env, name)) {
    ThrowFieldError(manifest, "threads_env",
                    "must be an environment variable's name, got \"" + s->threads_env + "\"");
  }
}

// "time": {"regex": R} or {"json_field": F} (with "scale"), or "process-wall".
void ParseTime(const nlohmann::json& j, ExternalSystem* s) {
  const std::string& manifest = s->manifest;
  const nlohmann::json time = j.value("time", nlohmann::json("process-wall"));
  if (!time.is_object()) {
    if (time == "process-wall") return;
    ThrowFieldError(manifest, "time",
                    "must be {\"regex\": ...}, {\"json_field\": ...} or \"process-wall\"");
  }
  RequireKnownKeys(time, "time", {"regex", "json_field", "scale", "per_round"});
  s->time_regex = time.contains("regex") ? PlainString(time.at("regex"), "time.regex") : "";
  s->time_json_field =
      time.contains("json_field") ? PlainString(time.at("json_field"), "time.json_field") : "";
  if (time.contains("scale")) {
    s->time_scale = NumberIn(time.at("scale"), "time.scale", 0, 1e12);
    if (s->time_scale <= 0) ThrowFieldError(manifest, "time.scale", "must be > 0");
  }
  if (time.contains("per_round")) {
    if (!time.at("per_round").is_boolean()) {
      ThrowFieldError(manifest, "time.per_round", "must be true or false");
    }
    s->per_round = time.at("per_round").get<bool>();
  }
  if (s->time_regex.empty() == s->time_json_field.empty()) {
    ThrowFieldError(manifest, "time", "give exactly one of \"regex\" and \"json_field\"");
  }
  if (s->per_round && s->time_regex.empty()) {
    ThrowFieldError(manifest, "time.per_round", "needs a \"regex\" matching each round's time");
  }
  if (s->time_regex.empty()) return;
  try {
    if (std::regex(s->time_regex).mark_count() < 1) {
      ThrowFieldError(manifest, "time.regex", "needs a capture group for the seconds");
    }
  } catch (const std::regex_error& e) {
    ThrowFieldError(manifest, "time.regex", e.what());
  }
}

}  // namespace

ExternalSystem ParseExternalSystem(const nlohmann::json& j, const std::string& manifest) {
  if (!j.is_object()) ThrowFieldError(manifest, "(top level)", "must be a JSON object");
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

}  // namespace cost::harness
