// `cost report`: tables and plots from a results file.
#include "harness/report/report.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "harness/analysis/cost_table.h"
#include "harness/cli/commands.h"
#include "harness/core/results.h"
#include "harness/run/results_upgrade.h"
#include "harness/sweep/reproduce.h"

namespace cost::harness {

void AddReportCommand(CLI::App& app, int*) {
  struct Options {
    std::string results, out;
    std::string paper = DefaultPublishedTimesPath();
    CLI::Option* paper_given = nullptr;
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
  o->paper_given = cmd->add_option(
      "--paper", o->paper,
      "Published times for the paper's figure, drawn when the results hold twitter-like, "
      "uk-like, twitter_rv or uk-2007-05 (default: results/paper/ of the source, when there)");
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
    std::optional<nlohmann::json> published;
    if (o->paper_given->count() > 0 || std::filesystem::exists(o->paper)) {
      published = ReadPublishedTimes(o->paper);
    }
    const ReportFiles files =
        WriteReport(results, o->out, published ? &*published : nullptr, links);
    std::cout << "report: " << files.markdown << "\n";
  });
}

}  // namespace cost::harness
