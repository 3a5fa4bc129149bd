// `cost sweep`: run an experiment spec.
#include "harness/sweep/sweep.h"

#include <iostream>
#include <memory>

#include "harness/analysis/cost_table.h"
#include "harness/cli/commands.h"
#include "harness/core/outcome.h"
#include "harness/core/same_file.h"
#include "harness/report/report.h"

namespace cost::harness {

void AddSweepCommand(CLI::App& app, int* exit_code) {
  struct Options {
    std::string spec, report;
    SweepOptions sweep;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "sweep",
      "Run an experiment spec (datasets x kernels x implementations x threads), each "
      "measurement in its own process with a timeout; each finished row is saved at "
      "once. Prints the COST table at the end. The spec format is in docs/sweeps.md.");
  cmd->add_option("spec", o->spec, "Experiment spec (JSON)")->required();
  cmd->add_option("--out", o->sweep.out, "Results file (JSON) to write")->required();
  cmd->add_flag("--resume", o->sweep.resume, "Keep the rows already in --out and run the rest");
  cmd->add_flag("--overwrite", o->sweep.overwrite, "Replace an existing --out");
  cmd->add_flag("--quiet", o->sweep.quiet, "No progress lines");
  cmd->add_option("--report", o->report, "Also write the report into this folder");
  cmd->callback([o, exit_code] {
    bool interrupted = false;
    RequireOutputsAreNotInputs({o->sweep.out}, {o->spec});
    const ResultsFile results = RunSweep(ReadSweepSpec(o->spec), o->sweep, &interrupted);
    std::cout << FormatCostTableText(ComputeCostTable(results.measurements));
    if (!o->report.empty()) {
      const ReportFiles files = WriteReport(results, o->report);
      std::cout << "report: " << files.markdown << "\n";
    }
    if (interrupted) {
      std::cerr << "cost: interrupted; finished rows are in " << o->sweep.out
                << " (continue with --resume)\n";
      *exit_code = ExitCodeOf(Outcome::kInterrupted);
    }
  });
}

}  // namespace cost::harness
