// Summary statistics of repeated timings: median, spread, and a distribution-free confidence
// interval for the median. Timings on shared machines are skewed by interference, so nothing
// here assumes a normal distribution.
#ifndef COST_HARNESS_ANALYSIS_STATISTICS_H_
#define COST_HARNESS_ANALYSIS_STATISTICS_H_

#include <vector>

#include "harness/core/results.h"

namespace cost::harness {

struct Interval {
  double low = 0, high = 0;
  double level = 0;  // coverage actually achieved
};

// Confidence interval for the median of `sorted` (ascending) from order statistics: the widest
// symmetric pair of ranks whose binomial coverage reaches `level` is narrowed as far as possible
// while still reaching it. With too few samples to reach `level` (n <= 5 for 95%), returns
// [min, max] with its true, lower coverage (1 - 2 * 0.5^n).
Interval MedianConfidenceInterval(const std::vector<double>& sorted, double level = 0.95);

// Fills repetition_seconds, median, min, max, cv, the 95% interval and high_spread.
void Summarize(const std::vector<double>& seconds, Measurement* m);

}  // namespace cost::harness

#endif  // COST_HARNESS_ANALYSIS_STATISTICS_H_
