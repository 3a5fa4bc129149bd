// What became of a measurement, as every runner (in-process, mpirun, an external command, a
// sweep's row process) records it, and the exit status `cost` gives for it. The names are what
// results files spell; the exit statuses are what scripts test.
#ifndef COST_HARNESS_CORE_OUTCOME_H_
#define COST_HARNESS_CORE_OUTCOME_H_

#include <string_view>

namespace cost::harness {

enum class Outcome {
  kOk,             // "ok": timed, and its output valid (or not validated, as the row says)
  kInvalidOutput,  // "invalid-output": ran, but its output failed validation or could not be read
  kCrashed,        // "crashed": a signal or a failing exit status, and no result
  kTimeout,        // "timeout": ended at its time limit
  kOutOfMemory,    // "out-of-memory": an allocation failed, or refused as too large for memory
  kFailedToStart,  // "failed-to-start": its program could not be started
  kInterrupted,    // "interrupted": a sweep's row killed by Ctrl-C; never written to a file
};

std::string_view OutcomeName(Outcome outcome);
// False for an unknown name.
bool ParseOutcome(std::string_view name, Outcome* outcome);

// The exit status of `cost run` for a row with this outcome (0 only for kOk; `cost sweep` and
// `cost demo` exit with kInterrupted's when Ctrl-C ends them). A timeout shares the crash's
// status: either way the run ended without a result.
int ExitCodeOf(Outcome outcome);

}  // namespace cost::harness

#endif  // COST_HARNESS_CORE_OUTCOME_H_
