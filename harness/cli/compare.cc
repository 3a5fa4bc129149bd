// `cost compare A B`: per-row ratios of two results files with confidence intervals.
#include "harness/analysis/compare.h"

#include <iostream>
#include <memory>

#include "datasets/output_file.h"
#include "harness/cli/commands.h"
#include "harness/core/results.h"
#include "harness/core/same_file.h"

namespace cost::harness {

void AddCompareCommand(CLI::App& app, int*) {
  struct Options {
    std::string a, b, out;
    bool json = false, csv = false;
    int resamples = 4000;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "Compare two results files row by row: B/A median ratio with a bootstrap 95% "
      "interval; rows that regressed or improved beyond it, rows only in one file");
  cmd->add_option("a", o->a, "The reference results file")->required();
  cmd->add_option("b", o->b, "The results file compared with it")->required();
  auto* json = cmd->add_flag("--json", o->json, "Write JSON instead of a table");
  cmd->add_flag("--csv", o->csv, "Write CSV instead of a table")->excludes(json);
  cmd->add_option("--resamples", o->resamples, "Bootstrap resamples per row (default 4000)")
      ->check(CLI::Range(100, 1000000));
  cmd->add_option("-o,--out", o->out, "File to write instead of standard output");
  cmd->callback([o] {
    RequireOutputsAreNotInputs({o->out}, {o->a, o->b});
    const std::vector<RowComparison> rows =
        CompareResults(ReadResultsFile(o->a), ReadResultsFile(o->b), o->resamples);
    const std::string text = o->json  ? ComparisonJson(rows).dump(2) + "\n"
                             : o->csv ? ComparisonCsv(rows)
                                      : ComparisonText(rows);
    if (o->out.empty()) {
      std::cout << text;
      return;
    }
    datasets::WriteFileAtomically(o->out, text);
  });
}

}  // namespace cost::harness
