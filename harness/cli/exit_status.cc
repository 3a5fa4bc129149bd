#include "harness/cli/exit_status.h"

#include <algorithm>
#include <map>

#include "harness/core/outcome.h"

namespace cost::harness {
namespace {

// What each outcome means to a script that ran `cost run` (or `cost sweep` / `cost demo` for
// kInterrupted); outcomes sharing a status are listed together.
constexpr std::pair<Outcome, const char*> kOutcomeMeanings[] = {
    {Outcome::kInvalidOutput, "the output failed validation"},
    {Outcome::kOutOfMemory, "out of memory, or refused as too large for it"},
    {Outcome::kCrashed, "a signal or a failing exit status, no result"},
    {Outcome::kTimeout, "ended at its time limit"},
    {Outcome::kFailedToStart, "its program could not be started"},
    {Outcome::kInterrupted, "Ctrl-C ended it (cost sweep, demo and reproduce too)"},
};

// The deepest subcommand CLI11 had reached: the one whose --help explains the error.
const CLI::App* Deepest(const CLI::App* app) {
  for (const CLI::App* sub : app->get_subcommands()) return Deepest(sub);
  return app;
}

}  // namespace

std::vector<std::pair<int, std::string>> ExitStatuses() {
  std::map<int, std::string> by_status = {
      {0, "success (cost sweep: every row recorded, whatever its outcome)"},
      {kUsageError, "an error of use or input: one line on stderr names the option or file"}};
  for (const auto& [outcome, meaning] : kOutcomeMeanings) {
    std::string& text = by_status[ExitCodeOf(outcome)];
    text += (text.empty() ? "" : "; ") + std::string(OutcomeName(outcome)) + ": " + meaning;
  }
  return {by_status.begin(), by_status.end()};
}

std::string ExitStatusEpilogue() {
  std::string text = "\nExit status:\n";
  for (const auto& [status, meaning] : ExitStatuses()) {
    text += "  " + std::to_string(status) + (status < 10 ? "    " : status < 100 ? "   " : "  ");
    text += meaning + "\n";
  }
  return text;
}

std::string UsageErrorLine(const CLI::App& app, const CLI::Error& error) {
  const CLI::App* deepest = Deepest(&app);
  std::string command;
  for (const CLI::App* a = deepest; a != nullptr; a = a->get_parent()) {
    command = a->get_name() + (command.empty() ? "" : " ") + command;
  }
  std::string message = error.what();
  // "cost frob": CLI11 reports the missing command, not the word it could not place.
  if (deepest == &app && !app.remaining().empty()) {
    message = "'" + app.remaining().front() + "' is not a command";
  }
  std::replace(message.begin(), message.end(), '\n', ' ');
  while (!message.empty() && message.back() == ' ') message.pop_back();
  return "cost: error: " + message + "; see " + command + " --help";
}

}  // namespace cost::harness
