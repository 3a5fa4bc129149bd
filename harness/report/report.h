// The report of a results file: a Markdown page and its self-contained HTML twin (machine and
// build, the COST table and COST against each baseline, plots, preparation vs kernel time, every
// measurement, failed rows, and a separate projection section) and, per (kernel, dataset),
// gnuplot data files and scripts rendered to SVG and PNG. The scripts use relative names, so
// `cd DIR && gnuplot KERNEL-DATASET.gp` redraws a plot after a user edits it.
#ifndef COST_HARNESS_REPORT_REPORT_H_
#define COST_HARNESS_REPORT_REPORT_H_

#include <string>
#include <vector>

#include "harness/core/results.h"
#include "harness/report/network_projection.h"

namespace cost::harness {

// Paths of the files written, each under the out_dir given to WriteReport.
struct ReportFiles {
  std::string markdown;  // out_dir/report.md
  std::string html;      // out_dir/report.html: the Markdown with every SVG inline
  std::vector<std::string> svgs, pngs, scripts, data;
};

// Creates out_dir if needed and writes report.md, report.html plus, for each (kernel, dataset)
// with an ok measurement, KERNEL-DATASET{,-speedup,-preparation}.{dat,gp,svg,png} (characters
// outside [A-Za-z0-9._-] become '_'; the speed-up plot needs a baseline and a parallel row).
// Files are built in a staging folder inside out_dir and moved in only when all of them are
// written, so an error leaves no half report. Existing files of the same names are replaced.
// With `published` (a cost-published-times file) it also draws the paper's systems against this
// run's single threads (paper_figure.h: paper-figure-KERNEL-DATASET.*). `links`: the network
// links multiprocess rows are projected onto (network_projection.h). Throws std::runtime_error
// when gnuplot is not installed, when it fails (with its message), or when a file cannot be
// written.
ReportFiles WriteReport(const ResultsFile& results, const std::string& out_dir,
                        const nlohmann::json* published = nullptr,
                        const std::vector<LinkModel>& links = DefaultLinks());

// The file name stem of a group's plot files: "pagerank-kron-18".
std::string PlotStem(const std::string& kernel, const std::string& dataset);

}  // namespace cost::harness

#endif  // COST_HARNESS_REPORT_REPORT_H_
