// `cost compare A B`: the same rows of two results files side by side. Per row (kernel, dataset,
// implementation, threads, processes) the ratio of medians B / A with a 95% confidence interval
// from a bootstrap over the recorded repetitions, and a verdict that only calls a row changed
// when the interval excludes 1: timings on a shared machine move by several percent between
// runs without anything having changed.
#ifndef COST_HARNESS_ANALYSIS_COMPARE_H_
#define COST_HARNESS_ANALYSIS_COMPARE_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/core/results.h"

namespace cost::harness {

struct RowComparison {
  std::string kernel, dataset, implementation;
  int threads = 1, procs = 1;
  // "regressed" (B slower beyond the interval), "improved" (B faster beyond it), "unchanged"
  // (the interval contains 1), "only-in-a", "only-in-b", or "failed" (a side is not ok; the
  // outcomes say which).
  std::string status;
  std::string a_outcome, b_outcome;  // empty for the side the row is missing from
  double a_median = 0, b_median = 0;
  double ratio = 0;                // b_median / a_median; 0 when not both ok
  double ci_low = 0, ci_high = 0;  // 95% interval of the ratio
  // "bootstrap" (both sides have >= 2 repetitions), "median-intervals" (the quotient of the
  // recorded order-statistic intervals, wider), or "none" (single values: the interval is the
  // ratio itself).
  std::string ci_method;
};

// Rows sorted by (kernel, dataset, implementation, cores, procs). Deterministic for a given seed.
std::vector<RowComparison> CompareResults(const ResultsFile& a, const ResultsFile& b,
                                          int resamples = 4000, uint64_t seed = 1);

// An aligned text table with a summary line of counts per status.
std::string ComparisonText(const std::vector<RowComparison>& rows);
// RFC 4180 CSV, a header line then one line per row.
std::string ComparisonCsv(const std::vector<RowComparison>& rows);
// {"format": "cost-compare", "rows": [...]} with the fields above.
nlohmann::json ComparisonJson(const std::vector<RowComparison>& rows);

}  // namespace cost::harness

#endif  // COST_HARNESS_ANALYSIS_COMPARE_H_
