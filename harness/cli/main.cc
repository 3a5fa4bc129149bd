// cost: at what configuration does a parallel graph implementation beat a competent single
// thread? One file per command here (commands.h); the kernels are defined in
// datasets/kernel_definitions.h. Exit statuses: exit_status.h.
#include <exception>
#include <iostream>

#include "datasets/external/interrupt.h"
#include "harness/cli/commands.h"
#include "harness/cli/exit_status.h"

int main(int argc, char** argv) {
  CLI::App app{
      "cost: measures competent single-threaded graph kernels against multithreaded versions\n"
      "and reports the COST: the Configuration that Outperforms a Single Thread.\n"
      "Start with `cost demo`; every command explains itself with --help.",
      "cost"};
  app.require_subcommand(1);
  app.footer(cost::harness::ExitStatusEpilogue());
  int exit_code = 0;
  cost::harness::AddDemoCommand(app, &exit_code);
  cost::harness::AddDatasetCommand(app, &exit_code);
  cost::harness::AddSystemsCommand(app, &exit_code);
  cost::harness::AddRunCommand(app, &exit_code);
  cost::harness::AddSweepCommand(app, &exit_code);
  cost::harness::AddReproduceCommand(app, &exit_code);
  cost::harness::AddReportCommand(app, &exit_code);
  cost::harness::AddExportCommand(app, &exit_code);
  cost::harness::AddCompareCommand(app, &exit_code);
  cost::harness::AddMachineCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" to CLI11 with status 0: print what was asked for.
    if (e.get_exit_code() == 0) return app.exit(e);
    std::cerr << cost::harness::UsageErrorLine(app, e) << "\n";
    return cost::harness::kUsageError;
  } catch (const cost::datasets::PreparationInterrupted& e) {
    // As a shell reports a command ended by SIGINT; the preparation removed what it wrote.
    std::cerr << "cost: " << e.what() << "\n";
    return 130;
  } catch (const std::exception& e) {
    std::cerr << "cost: error: " << e.what() << "\n";
    return cost::harness::kUsageError;
  }
  return exit_code;
}
