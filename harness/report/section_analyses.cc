// The sections that show one analysis each: preparation cost, the paper's figures, layouts, the
// single-thread claims, the projection beyond this machine and the network projection.
#include <string>

#include "harness/analysis/cost_per_baseline.h"
#include "harness/analysis/preparation_cost.h"
#include "harness/analysis/single_thread_comparisons.h"
#include "harness/report/preparation_plot.h"
#include "harness/report/report_sections.h"

namespace cost::harness {

std::string PreparationCostReportSection(const ReportInput& in) {
  return PreparationCostSection(PreparationCosts(in.results.measurements));
}

std::string PaperFigureSection(const ReportInput& in) { return in.paper_figures; }

std::string NetworkProjectionSection(const ReportInput& in) {
  return NetworkProjectionMarkdown(in.results.measurements, in.links);
}

std::string LayoutSection(const ReportInput& in) {
  return "\n## Preparation and kernel time per layout\n\n" +
         LayoutCostsMarkdown(LayoutCosts(in.results.measurements));
}

std::string SingleThreadSection(const ReportInput& in) {
  return "\n## Single threads\n\nThe paper's single-thread claims as ratios of best medians on "
         "each dataset, then every single-threaded row's throughput and preparation time.\n\n" +
         SingleThreadMarkdown(in.results.measurements);
}

std::string ProjectionSection(const ReportInput& in) {
  return "\n## Projection beyond this machine (not measured)\n\n**Projected, not measured.** "
         "Amdahl's law and the Universal Scalability Law fitted by least squares (relative "
         "error) to each parallel implementation's medians, and the core count at which the "
         "fitted curve would cross each baseline. A model's guess from the measured range: it "
         "is never a COST. Residuals are (fit - measured) / measured per measured core count; "
         "a fit with no more core counts than parameters is underdetermined and projects "
         "nothing.\n\n" +
         ProjectionsMarkdown(ProjectCosts(in.results.measurements));
}

}  // namespace cost::harness
