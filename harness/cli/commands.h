// The `cost` command line: one function per top-level command, each adding its subcommand and
// the callback that runs it. Callbacks throw on error (main prints "cost: error: ..." and exits
// 1) and set *exit_code for outcomes that are not errors of use (e.g. 3: output invalid).
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

// Exit status of `cost run` / `cost sweep` when a measurement's output failed validation.
inline constexpr int kExitInvalidOutput = 3;
// Exit statuses of `cost run` for the other outcomes (its --json row is written all the same).
inline constexpr int kExitOutOfMemory = 4;
inline constexpr int kExitCrashed = 5;          // an external system's command failed
inline constexpr int kExitFailedToStart = 6;    // an external system's command could not start
// Exit status of `cost sweep` / `cost demo` when interrupted (SIGINT); rows so far are kept.
inline constexpr int kExitInterrupted = 130;

}  // namespace cost::harness

#endif  // COST_HARNESS_CLI_COMMANDS_H_
