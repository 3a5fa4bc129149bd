// What became of a child process the harness ran for a measurement: a sweep's row process
// (`cost run`), an MPI job (mpirun) or an external system's command. One set of rules for every
// runner, so that the same symptom is the same outcome whoever ran the child. In order, the first
// that holds decides:
//
//   ok               it exited with status 0 (whether it did its job is the caller's to check:
//                    a results file, rank 0's report, a values file)
//   interrupted      the harness killed it on Ctrl-C
//   timeout          the harness killed it at its time limit, or its output says its own limit
//                    ended it (mpirun --timeout)
//   failed-to-start  exec failed (exit status 127), or its output says a launcher could not
//                    start the program (mpirun)
//   out-of-memory    its output says an allocation failed; or its peak RSS reached 90% of its
//                    address-space cap (the cap counts mapped memory, so allocations fail
//                    before the resident set reaches it); or SIGKILL, which the harness never
//                    sends without reporting a timeout or an interrupt: the kernel's OOM killer
//   crashed          any other signal or exit status
#ifndef COST_HARNESS_RUN_FAILURE_H_
#define COST_HARNESS_RUN_FAILURE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "harness/core/child_process.h"
#include "harness/core/outcome.h"

namespace cost::harness {

// What the caller knows about the child besides its ChildResult.
struct ChildContext {
  std::string subject;            // what the child is, as messages name it: "mpirun", "the command"
  double timeout_seconds = 0;     // the time limit it ran under, for the message; 0: none
  uint64_t memory_cap_bytes = 0;  // its address-space cap (ChildOptions); 0: none
  // Its whole output when the caller read it (a signal of the cause may lie before the tail,
  // with P ranks printing stack traces); empty: the ChildResult's log tail is searched.
  std::string_view log = {};
};

struct ChildOutcome {
  Outcome outcome = Outcome::kOk;
  std::string message;  // why, with the tail of its output; empty for kOk
};

ChildOutcome ClassifyChild(const ChildResult& run, const ChildContext& context);

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_FAILURE_H_
