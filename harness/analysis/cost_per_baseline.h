// COST against every single-threaded baseline, not only the best one: the paper draws a simple
// baseline (vertex order) and an optimised one (Hilbert order, union-find) and a system's COST
// differs by an order of magnitude between them (Figure 5). Each verdict is ComputeCostTable's
// rule, applied with that one single-threaded implementation as the group's only baseline.
// Also the projected crossing of each implementation's fitted scaling curve (scaling_fit.h)
// with each baseline, kept apart from the measured verdicts.
#ifndef COST_HARNESS_ANALYSIS_COST_PER_BASELINE_H_
#define COST_HARNESS_ANALYSIS_COST_PER_BASELINE_H_

#include <string>
#include <vector>

#include "harness/analysis/cost_table.h"
#include "harness/analysis/scaling_fit.h"
#include "harness/core/results.h"

namespace cost::harness {

struct BaselineCost {
  std::string kernel, dataset;
  BaselineLine baseline;  // the single-threaded implementation compared against
  bool best = false;      // the fastest single-threaded implementation of the group
  CostEntry entry;        // a parallel implementation's verdict against it
};

// Per (kernel, dataset), per single-threaded implementation (fastest first), per parallel
// implementation (by name). Groups without a single-threaded or a parallel row give nothing.
std::vector<BaselineCost> CostAgainstEachBaseline(const std::vector<Measurement>& rows);

// Markdown table: kernel, dataset, implementation, baseline, verdict, crossing configuration,
// its time, ratio to that baseline, reps/cv. Without `group_columns` the kernel and dataset
// columns are left out (for a report that heads each group with them).
std::string CostAgainstEachBaselineMarkdown(const std::vector<BaselineCost>& costs,
                                            bool group_columns = true);
// The same as an aligned plain-text table for a terminal, a block per (kernel, dataset, baseline).
std::string CostAgainstEachBaselineText(const std::vector<BaselineCost>& costs);

struct CostProjection {
  std::string kernel, dataset, implementation;
  BaselineLine baseline;
  int max_measured_cores = 0;
  ScalingFit fit;
  ProjectedCrossing crossing;  // meaningful only when fit.determined
};

// For each parallel implementation with ok rows, both models fitted to its medians, and their
// crossing with each single-threaded baseline of its group.
std::vector<CostProjection> ProjectCosts(const std::vector<Measurement>& rows);

// Markdown table, headed and labelled as projections.
std::string ProjectionsMarkdown(const std::vector<CostProjection>& projections);

}  // namespace cost::harness

#endif  // COST_HARNESS_ANALYSIS_COST_PER_BASELINE_H_
