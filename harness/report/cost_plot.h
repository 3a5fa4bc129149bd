// The COST plot of one (kernel, dataset): each parallel implementation's medians against the
// cores they ran on, the single-threaded medians as dashed lines and each COST as a circle. It is
// planned from the COST table, so plot and table always agree, and written as a gnuplot data file
// and a script that renders it to SVG and PNG.
#ifndef COST_HARNESS_REPORT_COST_PLOT_H_
#define COST_HARNESS_REPORT_COST_PLOT_H_

#include <filesystem>
#include <string>
#include <vector>

#include "harness/analysis/cost_table.h"
#include "harness/core/results.h"

namespace cost::harness {

// One parallel implementation's line in a plot: its ok rows, fewest cores first.
struct Series {
  std::string implementation;
  std::string algorithm;
  std::vector<const Measurement*> rows;
};

// What one plot shows; built from the COST table so plot and table always agree.
struct Plot {
  const CostGroup* group = nullptr;
  std::string stem;                           // "pagerank-kron-18"
  std::vector<Series> series;                 // data blocks 0 .. series.size() - 1
  std::vector<const CostEntry*> cost_points;  // bounded entries; the block after the series
  std::vector<int> cores;  // distinct cores measured (and 1 when a baseline exists)
  // Names of the companion plots written beside it; empty when there was nothing to draw.
  std::string speedup_stem, preparation_stem;
};

// "pagerank on kron-18": the title of a (kernel, dataset) group, its plot's and its sections'.
std::string GroupTitle(Kernel kernel, const std::string& dataset);

// One plot per group with something to draw, each under its own file name stem.
std::vector<Plot> PlanPlots(const ResultsFile& results, const std::vector<CostGroup>& groups);

// gnuplot blocks (separated by two blank lines, addressed with `index N`): one per parallel
// implementation, then one holding the COST points.
void WriteCostPlotData(const std::filesystem::path& path, const Plot& plot);

// The script that draws the data file (plot.stem + ".dat") into plot.stem + ".svg" and ".png".
void WriteCostPlotScript(const std::filesystem::path& path, const Plot& plot);

}  // namespace cost::harness

#endif  // COST_HARNESS_REPORT_COST_PLOT_H_
