// The sections of the report's Markdown, each a function of what the report is made from;
// report.cc lists them in reading order (kSections). A new section is a function declared here,
// defined in the section file it belongs with, and one entry in kSections.
#ifndef COST_HARNESS_REPORT_REPORT_SECTIONS_H_
#define COST_HARNESS_REPORT_REPORT_SECTIONS_H_

#include <string>
#include <vector>

#include "harness/analysis/cost_table.h"
#include "harness/core/results.h"
#include "harness/report/cost_plot.h"
#include "harness/report/network_projection.h"

namespace cost::harness {

// What every section of the report is made from.
struct ReportInput {
  const ResultsFile& results;
  const std::vector<CostGroup>& groups;
  const std::vector<Plot>& plots;
  const std::string& paper_figures;     // the paper's figure section, empty without one
  const std::vector<LinkModel>& links;  // the links multiprocess rows are projected onto
};

// An inline figure and links to its PNG, script and data.
std::string PlotFiles(const std::string& title, const std::string& stem);

// section_cost.cc: the answer first.
std::string SummarySection(const ReportInput& in);
std::string CostSection(const ReportInput& in);
std::string CostAgainstEachBaselineSection(const ReportInput& in);
std::string MorePlotsSection(const ReportInput& in);

// section_analyses.cc: the analyses harness/analysis/ and network_projection.h compute.
std::string PreparationCostReportSection(const ReportInput& in);
std::string PaperFigureSection(const ReportInput& in);
std::string LayoutSection(const ReportInput& in);
std::string SingleThreadSection(const ReportInput& in);
std::string ProjectionSection(const ReportInput& in);
std::string NetworkProjectionSection(const ReportInput& in);

// section_measurements.cc: every row, then the failed ones.
std::string MeasurementsSection(const ReportInput& in);
std::string FailedSection(const ReportInput& in);

// section_appendix.cc: machine, limits and build.
std::string AppendixSection(const ReportInput& in);

}  // namespace cost::harness

#endif  // COST_HARNESS_REPORT_REPORT_SECTIONS_H_
