// Results file (de)serialisation and atomic writing.
#include "harness/core/results.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "datasets/output_file.h"
#include "harness/core/name_table.h"
#include "harness/core/results_checks.h"
#include "harness/core/storage_fields.h"

namespace cost::harness {
namespace {

constexpr Named<Timing> kTimingNames[] = {
    {Timing::kKernel, "kernel"},
    {Timing::kReported, "reported"},
    {Timing::kProcessWall, "process-wall"},
};

// The enum `field` spelled by j, parsed by `parse`.
template <typename Enum>
Enum EnumFromJson(const nlohmann::json& j, std::string_view field,
                  bool (*parse)(std::string_view, Enum*)) {
  if (!j.is_string()) {
    throw std::runtime_error(std::string(field) + ": expected a name, got " + j.dump());
  }
  Enum value;
  if (!parse(j.get_ref<const std::string&>(), &value)) {
    throw std::runtime_error(std::string(field) + ": unknown value " + j.dump());
  }
  return value;
}

bool ParseLayout(std::string_view name, datasets::EdgeLayout* layout) {
  try {
    *layout = datasets::ParseEdgeLayout(name);
    return true;
  } catch (const std::exception&) {  // datasets::DatasetError: an unknown name
    return false;
  }
}

}  // namespace

std::string_view TimingName(Timing timing) { return NameIn(kTimingNames, timing); }
bool ParseTiming(std::string_view name, Timing* timing) {
  return ParseIn(kTimingNames, name, timing);
}

void to_json(nlohmann::json& j, Kernel kernel) { j = KernelName(kernel); }
void from_json(const nlohmann::json& j, Kernel& kernel) {
  kernel = EnumFromJson(j, "kernel", ParseKernel);
}
void to_json(nlohmann::json& j, Kind kind) { j = KindName(kind); }
void from_json(const nlohmann::json& j, Kind& kind) { kind = EnumFromJson(j, "kind", ParseKind); }
void to_json(nlohmann::json& j, Outcome outcome) { j = OutcomeName(outcome); }
void from_json(const nlohmann::json& j, Outcome& outcome) {
  outcome = EnumFromJson(j, "outcome", ParseOutcome);
}
void to_json(nlohmann::json& j, Timing timing) { j = TimingName(timing); }
void from_json(const nlohmann::json& j, Timing& timing) {
  timing = EnumFromJson(j, "timing", ParseTiming);
}

// JSON field names are the struct's member names; fields missing from an older file keep their
// defaults, a field of the wrong type throws.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(
    Measurement, dataset, graph_path, graph_checksum, num_vertices, num_edges, kernel,
    implementation, system, algorithm, kind, threads, procs, iterations, source, repetitions,
    warmups, oversubscribed, outcome, message, repetition_seconds, median_seconds, min_seconds,
    max_seconds, cv, ci_low_seconds, ci_high_seconds, ci_level, high_spread, timing, load_seconds,
    preparation_seconds, peak_rss_bytes, limit_seconds, fraction_of_limit, limit_bound, limit_basis,
    rank_peak_rss_bytes, startup_seconds, partition_seconds, layout, preparation_split,
    preparation_source_seconds, preparation_build_seconds, preparation_layout_seconds,
    system_preparation_seconds, system_preparation_cached, rank_hosts, rank_threads, rank_rows,
    rank_ghosts, rank_bytes_sent, rank_messages_sent, rank_rounds, transport, graph_placement)

nlohmann::json ToJson(const Measurement& m) {
  nlohmann::json j = m;
  j["cores"] = m.cores();  // derived, written for readers of the file; ignored when read back
  WriteStorageFields(m, &j);
  if (!m.rank_hosts.empty()) {
    nlohmann::json per_host = nlohmann::json::object();  // derived too
    for (const std::string& host : m.rank_hosts) per_host[host] = per_host.value(host, 0) + 1;
    j["ranks_per_host"] = per_host;
  }
  return j;
}

Measurement MeasurementFromJson(const nlohmann::json& j) {
  if (!j.is_object()) throw std::runtime_error("measurement is not a JSON object");
  CheckMeasurementJson(j);  // nlohmann would narrow 4294967297 threads to 1, read -0.5 s as a time
  Measurement m = j.get<Measurement>();
  ReadStorageFields(j, &m);
  return m;
}

nlohmann::json ToJson(const ResultsFile& r) {
  nlohmann::json j;
  j["format"] = "cost-results";
  j["version"] = 1;
  j["created"] = r.created;
  j["machine"] = r.machine;
  j["build"] = r.build;
  j["measurements"] = nlohmann::json::array();
  for (const Measurement& m : r.measurements) j["measurements"].push_back(ToJson(m));
  return j;
}

ResultsFile ResultsFromJson(const nlohmann::json& j) {
  if (!j.is_object() || j.value("format", "") != "cost-results") {
    throw std::runtime_error("not a cost results file (missing \"format\": \"cost-results\")");
  }
  ResultsFile r;
  r.created = j.value("created", "");
  r.machine = j.value("machine", nlohmann::json::object());
  r.build = j.value("build", nlohmann::json::object());
  // A later format would be misread field by field: refuse it rather than guess.
  if (j.contains("version") && j.at("version") != 1) {
    throw std::runtime_error("version: this build reads version 1, the file is version " +
                             j.at("version").dump());
  }
  const nlohmann::json& rows = j.at("measurements");
  if (!rows.is_array()) throw std::runtime_error("measurements: must be an array of rows");
  for (size_t i = 0; i < rows.size(); ++i) {
    try {
      r.measurements.push_back(MeasurementFromJson(rows[i]));
    } catch (const std::exception& e) {
      throw std::runtime_error("measurement " + std::to_string(i) + ": " + e.what());
    }
  }
  return r;
}

ResultsFile ReadResultsFile(const std::string& path) {
  if (std::filesystem::is_directory(path)) throw std::runtime_error(path + ": is a directory");
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": " + std::strerror(errno));
  try {
    return ResultsFromJson(nlohmann::json::parse(in));
  } catch (const std::exception& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
}

void WriteResultsFile(const ResultsFile& results, const std::string& path) {
  datasets::WriteFileAtomically(path, ToJson(results).dump(2) + "\n");
}

}  // namespace cost::harness

void nlohmann::adl_serializer<cost::datasets::EdgeLayout>::to_json(
    nlohmann::json& j, cost::datasets::EdgeLayout layout) {
  j = cost::datasets::EdgeLayoutName(layout);
}

void nlohmann::adl_serializer<cost::datasets::EdgeLayout>::from_json(
    const nlohmann::json& j, cost::datasets::EdgeLayout& layout) {
  layout = cost::harness::EnumFromJson(j, "layout", cost::harness::ParseLayout);
}
