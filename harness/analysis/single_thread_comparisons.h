// The paper's single-thread claims checked as ratios on a results file: the same algorithm in
// another edge order (Hilbert vs vertex order, PageRank: 110 s vs 275 s on twitter_rv, Tables 2
// and 4) and another algorithm (union-find vs label propagation: 15 s vs 153 s, Tables 3 and 5);
// with every single-threaded row's throughput per edge and its preparation time beside it.
#ifndef COST_HARNESS_ANALYSIS_SINGLE_THREAD_COMPARISONS_H_
#define COST_HARNESS_ANALYSIS_SINGLE_THREAD_COMPARISONS_H_

#include <string>
#include <vector>

#include "harness/core/results.h"

namespace cost::harness {

struct SingleThreadComparison {
  std::string dataset, kernel, claim;
  std::string faster, slower;  // implementations whose best medians are compared
  double faster_seconds = 0, slower_seconds = 0;
  double ratio = 0;        // faster_seconds / slower_seconds
  double paper_ratio = 0;  // the published ratio; 0 when the paper has none
  std::string paper_source;
};

// One comparison per (dataset, claim) whose two sides both have an ok row.
std::vector<SingleThreadComparison> CompareSingleThreads(const std::vector<Measurement>& rows);

// Markdown: the comparisons, then every ok single-threaded row with its median, edges per
// second (edges x iterations for PageRank) and preparation and load seconds.
std::string SingleThreadMarkdown(const std::vector<Measurement>& rows);

}  // namespace cost::harness

#endif  // COST_HARNESS_ANALYSIS_SINGLE_THREAD_COMPARISONS_H_
