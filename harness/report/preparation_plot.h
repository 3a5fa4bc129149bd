// Preparation time beside kernel time, per edge layout: the objection most raised against the
// paper was that Hilbert order costs a sort the kernel time hides. Per (kernel, dataset) and
// layout (vertex order, Hilbert order, ...), how long preparing the graph took and the best
// single-threaded and parallel kernel times that read that layout.
#ifndef COST_HARNESS_REPORT_PREPARATION_PLOT_H_
#define COST_HARNESS_REPORT_PREPARATION_PLOT_H_

#include <string>
#include <vector>

#include "harness/core/results.h"

namespace cost::harness {

struct LayoutCost {
  std::string kernel, dataset;
  std::string layout;  // "vertex" | "hilbert" | "compressed"
  // Preparation of the layout: for vertex order the source parse/generation and CSR build, for
  // a Hilbert layout that plus the curve encoding and sort, as the rows recorded them
  // (split = true); else the rows' recorded total.
  double preparation_seconds = 0;
  bool split = false;
  std::string best_single;  // implementation; empty when none
  double best_single_seconds = 0;
  std::string best_parallel;
  double best_parallel_seconds = 0;
};

// One entry per (kernel, dataset, layout) with an ok row, sorted by kernel, dataset, layout.
std::vector<LayoutCost> LayoutCosts(const std::vector<Measurement>& rows);

// Markdown table: preparation, kernel times, and how many kernel runs the preparation equals.
std::string LayoutCostsMarkdown(const std::vector<LayoutCost>& costs);

// Writes STEM.{dat,gp,svg,png} for one (kernel, dataset): a bar cluster per layout. Returns the
// names written; empty when the group has no entry. Throws std::runtime_error if gnuplot fails.
std::vector<std::string> WritePreparationPlot(const std::string& dir,
                                              const std::vector<LayoutCost>& costs,
                                              const std::string& kernel, const std::string& dataset,
                                              const std::string& stem);

}  // namespace cost::harness

#endif  // COST_HARNESS_REPORT_PREPARATION_PLOT_H_
