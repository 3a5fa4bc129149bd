// The default metadata record of a preparation; see prepare_graph.h. Written by hand: datasets/
// depends on no JSON library, and the record holds only numbers, booleans and two strings.
#include <cstdio>
#include <string>
#include <string_view>

#include "datasets/prepare_graph.h"

namespace cost::datasets {
namespace {

std::string JsonString(std::string_view text) {
  std::string out(1, '"');
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out.append(1, '"');
}

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

}  // namespace

std::string PreparationReportJson(const PreparationReport& r) {
  std::string json = "{";
  // Appends "KEY":VALUE, VALUE being JSON text already.
  const auto field = [&json](std::string_view key, const std::string& value) {
    if (json.size() > 1) json.append(",");
    json.append(JsonString(key)).append(":").append(value);
  };
  field("source", JsonString(r.source));
  field("format", JsonString(r.format));
  field("input_undirected", r.input_undirected ? "true" : "false");
  field("symmetrized", r.symmetric ? "true" : "false");
  field("sections", JsonString(PreparedSectionsName(r.sections)));
  field("input_edges", std::to_string(r.stats.input_edges));
  field("self_loops_dropped", std::to_string(r.stats.self_loops_dropped));
  field("duplicates_removed", std::to_string(r.stats.duplicates_removed));
  field("memory_budget", std::to_string(r.memory_budget));
  field("runs_spilled", std::to_string(r.runs_spilled));
  field("merge_passes", std::to_string(r.merge_passes));
  field("peak_run_bytes", std::to_string(r.peak_run_bytes));
  std::string phases = "{";
  double total = 0;
  for (const PhaseReport& phase : r.phases) {
    if (phases.size() > 1) phases.append(",");
    phases.append(JsonString(phase.name)).append(":").append(Number(phase.seconds));
    total += phase.seconds;
  }
  field("phase_seconds", phases.append("}"));
  field("preparation_seconds", Number(total));
  return json.append("}");
}

}  // namespace cost::datasets
