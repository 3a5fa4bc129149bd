// `cost export`: a results file as a flat table.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "harness/cli/commands.h"
#include "harness/analysis/export.h"
#include "harness/core/results.h"

namespace cost::harness {

void AddExportCommand(CLI::App& app, int*) {
  struct Options {
    std::string results, out;
    bool csv = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Write a results file as CSV (one line per measurement, every repetition "
                "included) to standard output or --out");
  cmd->add_option("results", o->results, "Results file written by `cost sweep` or `cost run`")
      ->required();
  cmd->add_flag("--csv", o->csv, "CSV (RFC 4180); the only format so far, and the default");
  cmd->add_option("-o,--out", o->out, "File to write instead of standard output");
  cmd->callback([o] {
    const std::string csv = ResultsToCsv(ReadResultsFile(o->results));
    if (o->out.empty()) {
      std::cout << csv;
      return;
    }
    const std::string tmp = o->out + ".partial";
    std::ofstream file(tmp, std::ios::binary);
    file << csv;
    if (!file.flush()) throw std::runtime_error(o->out + ": write failed");
    file.close();
    std::filesystem::rename(tmp, o->out);
  });
}

}  // namespace cost::harness
