// The `cost` command line: one function per top-level command, each adding its subcommand and
// the callback that runs it. Callbacks throw on error (main prints "cost: error: ..." and exits
// 1) and set *exit_code for outcomes that are not errors of use (ExitCodeOf in
// harness/core/outcome.h, e.g. 3: output invalid).
#ifndef COST_HARNESS_CLI_COMMANDS_H_
#define COST_HARNESS_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace cost::harness {

void AddCompareCommand(CLI::App& app, int* exit_code);
void AddDatasetCommand(CLI::App& app, int* exit_code);
void AddDemoCommand(CLI::App& app, int* exit_code);
void AddExportCommand(CLI::App& app, int* exit_code);
void AddMachineCommand(CLI::App& app, int* exit_code);
void AddReportCommand(CLI::App& app, int* exit_code);
void AddReproduceCommand(CLI::App& app, int* exit_code);
void AddRunCommand(CLI::App& app, int* exit_code);
void AddSweepCommand(CLI::App& app, int* exit_code);
void AddSystemsCommand(CLI::App& app, int* exit_code);

}  // namespace cost::harness

#endif  // COST_HARNESS_CLI_COMMANDS_H_
