// What a results file's row must be before any reader believes it: names without control
// characters (they reach gnuplot scripts, Markdown and HTML), configurations in range, times
// finite and non-negative, and an ok row's times positive. Every reader of results files goes
// through ReadResultsFile, which applies these checks to every row.
#ifndef COST_HARNESS_CORE_RESULTS_CHECKS_H_
#define COST_HARNESS_CORE_RESULTS_CHECKS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cost::harness {

// Throws FieldError("FIELD: reason") for the first field of the row j that breaks a rule.
void CheckMeasurementJson(const nlohmann::json& j);

// "" when every time is finite and positive; otherwise why not ("repetition 2 took -0.5 s: a
// time must be finite and positive"), for a row to fail with.
std::string ImplausibleTimes(const std::vector<double>& seconds);

}  // namespace cost::harness

#endif  // COST_HARNESS_CORE_RESULTS_CHECKS_H_
