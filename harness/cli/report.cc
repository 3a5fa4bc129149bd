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
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Write report.md with the COST table, measurements and gnuplot plots (script, "
      "data, SVG and PNG per kernel and dataset) from a results file");
  cmd->add_option("results", o->results, "Results file written by `cost sweep` or `cost run`")
      ->required();
  cmd->add_option("--out", o->out, "Folder to write the report into")->required();
  cmd->callback([o] {
    ResultsFile results = ReadResultsFile(o->results);
    FillMissingFields(&results);
    std::cout << FormatCostTableText(ComputeCostTable(results.measurements));
    const ReportFiles files = WriteReport(results, o->out);
    std::cout << "report: " << files.markdown << "\n";
  });
}

}  // namespace cost::harness
