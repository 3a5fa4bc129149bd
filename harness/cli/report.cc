// `cost report`: tables and plots from a results file.
#include "harness/report/report.h"

#include <iostream>
#include <memory>

#include "harness/analysis/cost_table.h"
#include "harness/cli/commands.h"
#include "harness/core/results.h"
#include "harness/run/results_upgrade.h"

namespace cost::harness {

void AddReportCommand(CLI::App& app, int*) {
  struct Options {
    std::string results, out;
    std::vector<std::string> links;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Write report.md with the COST table, measurements and gnuplot plots (script, "
      "data, SVG and PNG per kernel and dataset) from a results file");
  cmd->add_option("results", o->results, "Results file written by `cost sweep` or `cost run`")
      ->required();
  cmd->add_option("--out", o->out, "Folder to write the report into")->required();
  cmd->add_option("--link", o->links,
                  "Network link to project multiprocess rows onto, BANDWIDTH,LATENCY (e.g. "
                  "1Gbit/s,25us); repeat for several; default 10Gbit/s,25us. Projected, not "
                  "measured");
  cmd->callback([o] {
    std::vector<LinkModel> links;
    for (const std::string& text : o->links) links.push_back(ParseLinkModel(text));
    if (links.empty()) links = DefaultLinks();
    ResultsFile results = ReadResultsFile(o->results);
    FillMissingFields(&results);
    std::cout << FormatCostTableText(ComputeCostTable(results.measurements));
    const ReportFiles files = WriteReport(results, o->out, links);
    std::cout << "report: " << files.markdown << "\n";
  });
}

}  // namespace cost::harness
