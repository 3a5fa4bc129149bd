#include "harness/analysis/statistics.h"

#include <algorithm>
#include <cmath>

#include "harness/core/median.h"

namespace cost::harness {
namespace {

// P(B <= k) for B ~ Binomial(n, 1/2).
double BinomialHalfCdf(int n, int k) {
  double term = std::pow(0.5, n);  // C(n, 0) / 2^n
  double sum = 0;
  for (int i = 0; i <= k; ++i) {
    sum += term;
    term = term * (n - i) / (i + 1);
  }
  return sum;
}

}  // namespace

Interval MedianConfidenceInterval(const std::vector<double>& sorted, double level) {
  const int n = static_cast<int>(sorted.size());
  if (n == 0) return {};
  // [x(j), x(n+1-j)] (1-based) covers the median with probability 1 - 2 P(B <= j-1).
  int best_j = 1;
  for (int j = 1; 2 * j <= n; ++j) {
    if (1 - 2 * BinomialHalfCdf(n, j - 1) >= level) best_j = j;
  }
  const double coverage = n == 1 ? 0 : 1 - 2 * BinomialHalfCdf(n, best_j - 1);
  return {sorted[best_j - 1], sorted[n - best_j], coverage};
}

void Summarize(const std::vector<double>& seconds, Measurement* m) {
  m->repetition_seconds = seconds;
  if (seconds.empty()) return;
  std::vector<double> sorted = seconds;
  std::sort(sorted.begin(), sorted.end());
  const size_t k = sorted.size();
  m->median_seconds = Median(sorted);
  m->min_seconds = sorted.front();
  m->max_seconds = sorted.back();
  double mean = 0;
  for (double s : sorted) mean += s / static_cast<double>(k);
  double variance = 0;
  for (double s : sorted) variance += (s - mean) * (s - mean);
  variance = k > 1 ? variance / static_cast<double>(k - 1) : 0;
  m->cv = mean > 0 ? std::sqrt(variance) / mean : 0;
  const Interval ci = MedianConfidenceInterval(sorted);
  m->ci_low_seconds = ci.low;
  m->ci_high_seconds = ci.high;
  m->ci_level = ci.level;
  m->high_spread = m->cv > kHighSpreadCv;
}

}  // namespace cost::harness
