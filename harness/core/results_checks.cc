#include "harness/core/results_checks.h"

#include <climits>
#include <cmath>
#include <string_view>

#include "harness/core/format.h"
#include "harness/core/json_fields.h"

namespace cost::harness {
namespace {

// Names and words: they reach gnuplot scripts, Markdown, HTML and CSV. The message may hold a
// command's output (newlines included); every writer escapes it for its target.
constexpr std::string_view kNameFields[] = {"dataset",        "graph_path", "graph_checksum",
                                            "implementation", "system",     "algorithm",
                                            "limit_bound",    "limit_basis"};

constexpr std::string_view kTimeFields[] = {"median_seconds",
                                            "min_seconds",
                                            "max_seconds",
                                            "ci_low_seconds",
                                            "ci_high_seconds",
                                            "load_seconds",
                                            "preparation_seconds",
                                            "preparation_source_seconds",
                                            "preparation_build_seconds",
                                            "preparation_layout_seconds",
                                            "startup_seconds",
                                            "partition_seconds",
                                            "limit_seconds",
                                            "cv",
                                            "fraction_of_limit"};

void CheckNames(const nlohmann::json& j) {
  for (std::string_view name : kNameFields) {
    const std::string field(name);
    if (j.contains(field)) PlainString(j.at(field), field);
  }
}

void CheckConfiguration(const nlohmann::json& j) {
  const auto integer = [&j](const char* field, int64_t low, int64_t high) {
    if (j.contains(field)) IntegerIn(j.at(field), field, low, high);
  };
  integer("threads", 1, kMaxThreads);
  integer("procs", 1, kMaxProcs);
  integer("iterations", 0, INT_MAX);
  integer("repetitions", 0, INT_MAX);
  integer("warmups", 0, INT_MAX);
  integer("source", -1, INT64_MAX);
}

void CheckTimes(const nlohmann::json& j) {
  for (std::string_view name : kTimeFields) {
    const std::string field(name);
    if (j.contains(field)) NumberIn(j.at(field), field, 0, HUGE_VAL);
  }
  if (j.contains("ci_level")) NumberIn(j.at("ci_level"), "ci_level", 0, 1);
  if (!j.contains("repetition_seconds")) return;
  const nlohmann::json& seconds = j.at("repetition_seconds");
  if (!seconds.is_array()) throw FieldError("repetition_seconds: must be an array of seconds");
  for (size_t i = 0; i < seconds.size(); ++i) {
    const std::string field = "repetition_seconds[" + std::to_string(i) + "]";
    if (NumberIn(seconds[i], field, 0, HUGE_VAL) <= 0) {
      throw FieldError(field + ": a time must be positive, got " + seconds[i].dump());
    }
  }
}

}  // namespace

void CheckMeasurementJson(const nlohmann::json& j) {
  CheckNames(j);
  CheckConfiguration(j);
  CheckTimes(j);
  // An ok row was timed: its median is a time, not the 0 of a row that never ran.
  if (j.contains("outcome") && j.at("outcome") == "ok" && j.contains("median_seconds") &&
      j.at("median_seconds").get<double>() <= 0) {
    throw FieldError("median_seconds: an ok row's median must be positive, got " +
                     j.at("median_seconds").dump());
  }
}

std::string ImplausibleTimes(const std::vector<double>& seconds) {
  for (size_t i = 0; i < seconds.size(); ++i) {
    if (std::isfinite(seconds[i]) && seconds[i] > 0) continue;
    return "repetition " + std::to_string(i + 1) + " took " + Printf("%g", seconds[i]) +
           " s: a time must be finite and positive";
  }
  return "";
}

}  // namespace cost::harness
