// How `cost` ends: 0 on success, 1 on an error of use or input (one line on stderr naming the
// option or file and the reason), and the outcome statuses of harness/core/outcome.h for a
// measurement that did not succeed. `cost --help` ends with this list; docs/exit-status.md is the
// same list for readers (a test keeps the two equal).
#ifndef COST_HARNESS_CLI_EXIT_STATUS_H_
#define COST_HARNESS_CLI_EXIT_STATUS_H_

#include <CLI/CLI.hpp>
#include <string>
#include <utility>
#include <vector>

namespace cost::harness {

inline constexpr int kUsageError = 1;  // a bad option, argument or input file

// Every exit status with what it means, in increasing order: {0, "success"}, {1, "..."}, ...
std::vector<std::pair<int, std::string>> ExitStatuses();

// ExitStatuses() as the epilogue of `cost --help`.
std::string ExitStatusEpilogue();

// The one line printed for a command-line error: "cost: error: MESSAGE; see cost COMMAND --help",
// COMMAND the (sub)command that was being parsed. Line breaks in CLI11's message become spaces.
std::string UsageErrorLine(const CLI::App& app, const CLI::Error& error);

}  // namespace cost::harness

#endif  // COST_HARNESS_CLI_EXIT_STATUS_H_
