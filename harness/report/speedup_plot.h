// The paper's Figure 1 lesson as a plot: speed-up relative to an implementation's own 1-core
// time (what scaling papers show) beside speed-up relative to the best single thread (what a
// user gains). A system can "scale" well on the left and stay below 1 on the right.
#ifndef COST_HARNESS_REPORT_SPEEDUP_PLOT_H_
#define COST_HARNESS_REPORT_SPEEDUP_PLOT_H_

#include <string>
#include <vector>

#include "harness/analysis/cost_table.h"
#include "harness/core/results.h"

namespace cost::harness {

// Writes STEM.{dat,gp,svg,png} into dir for one (kernel, dataset) group and renders them.
// Returns the names written; empty (nothing written) when the group has no parallel ok row or no
// single-threaded baseline. Throws std::runtime_error when gnuplot fails.
std::vector<std::string> WriteSpeedupPlot(const std::string& dir, const ResultsFile& results,
                                          const CostGroup& group, const std::string& stem);

}  // namespace cost::harness

#endif  // COST_HARNESS_REPORT_SPEEDUP_PLOT_H_
