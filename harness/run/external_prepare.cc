#include "harness/run/external_prepare.h"

#include <xxhash.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "datasets/output_file.h"
#include "harness/core/child_process.h"
#include "harness/core/format.h"
#include "harness/run/external_system.h"
#include "harness/run/failure.h"

namespace cost::harness {
namespace fs = std::filesystem;
namespace {

// The system's name as a file-name part: anything but letters, digits, '.', '-' and '_' is '_'.
std::string FileNamePart(const std::string& text) {
  std::string part = text;
  for (char& c : part) {
    const bool plain = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
    if (!plain) c = '_';
  }
  return part;
}

// The record written once the command has finished: its presence is what "cached" means.
std::string DoneMarkerOf(const std::string& prepared) { return prepared + ".done.json"; }

bool ReadDoneMarker(const std::string& marker, PreparedInput* result) {
  std::ifstream in(marker);
  if (!in) return false;
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object() || !j.contains("seconds") || !j.at("seconds").is_number()) return false;
  result->seconds = j.at("seconds").get<double>();
  result->cached = true;
  return true;
}

}  // namespace

std::string ManifestHash(const ExternalSystem& system) {
  std::ifstream in(system.manifest, std::ios::binary);
  if (!in) throw std::runtime_error(system.manifest + ": cannot be read to hash it");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string key = bytes.str() + '\0' + system.prepare;
  return Hex16(XXH64(key.data(), key.size(), 0));
}

std::string PreparedPathFor(const ExternalSystem& system, const std::string& graph_path,
                            const std::string& graph_checksum) {
  return graph_path + "." + graph_checksum + "." + FileNamePart(system.system) + "-" +
         ManifestHash(system);
}

PreparedInput EnsurePrepared(const ExternalSystem& system, const std::string& input,
                             const std::string& graph_path, const std::string& graph_checksum) {
  PreparedInput result;
  result.path = PreparedPathFor(system, graph_path, graph_checksum);
  const std::string marker = DoneMarkerOf(result.path);
  if (ReadDoneMarker(marker, &result)) return result;
  const ShellCommandRun shell = RunShellCommand(PrepareCommandFor(system, input, result.path),
                                                result.path + ".log", "the prepare command");
  if (shell.outcome.outcome != Outcome::kOk) {
    result.outcome = shell.outcome.outcome;
    result.message = shell.outcome.message;
    return result;
  }
  result.seconds = shell.child.wall_seconds;
  const nlohmann::json done = {{"seconds", result.seconds},
                               {"manifest", system.manifest},
                               {"command", system.prepare},
                               {"graph_checksum", graph_checksum}};
  datasets::WriteFileAtomically(marker, done.dump(2) + "\n");
  return result;
}

}  // namespace cost::harness
