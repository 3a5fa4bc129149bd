#include "harness/core/outcome.h"

#include "harness/core/name_table.h"

namespace cost::harness {
namespace {

// Every outcome's name on disk and exit status, in one place.
constexpr struct {
  Outcome value;
  std::string_view name;
  int exit_code;
} kOutcomes[] = {
    {Outcome::kOk, "ok", 0},
    {Outcome::kInvalidOutput, "invalid-output", 3},
    {Outcome::kOutOfMemory, "out-of-memory", 4},
    {Outcome::kCrashed, "crashed", 5},
    {Outcome::kTimeout, "timeout", 5},
    {Outcome::kFailedToStart, "failed-to-start", 6},
    {Outcome::kInterrupted, "interrupted", 130},  // 128 + SIGINT, as a shell reports Ctrl-C
};

}  // namespace

std::string_view OutcomeName(Outcome outcome) { return NameIn(kOutcomes, outcome); }

bool ParseOutcome(std::string_view name, Outcome* outcome) {
  return ParseIn(kOutcomes, name, outcome);
}

int ExitCodeOf(Outcome outcome) {
  for (const auto& row : kOutcomes) {
    if (row.value == outcome) return row.exit_code;
  }
  return ExitCodeOf(Outcome::kCrashed);
}

}  // namespace cost::harness
