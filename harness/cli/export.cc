// `cost export`: a results file as a flat table.
#include "harness/analysis/export.h"

#include <iostream>
#include <memory>

#include "datasets/output_file.h"
#include "harness/cli/commands.h"
#include "harness/core/results.h"
#include "harness/core/same_file.h"

namespace cost::harness {

void AddExportCommand(CLI::App& app, int*) {
  struct Options {
    std::string results, out;
    bool csv = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd =
      app.add_subcommand("export",
                         "Write a results file as CSV (one line per measurement, every repetition "
                         "included) to standard output or --out");
  cmd->add_option("results", o->results, "Results file written by `cost sweep` or `cost run`")
      ->required();
  cmd->add_flag("--csv", o->csv, "CSV (RFC 4180); the only format so far, and the default");
  cmd->add_option("-o,--out", o->out, "File to write instead of standard output");
  cmd->callback([o] {
    RequireOutputsAreNotInputs({o->out}, {o->results});
    const std::string csv = ResultsToCsv(ReadResultsFile(o->results));
    if (o->out.empty()) {
      std::cout << csv;
      return;
    }
    datasets::WriteFileAtomically(o->out, csv);
  });
}

}  // namespace cost::harness
