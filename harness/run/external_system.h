// Running a system we do not build, as its manifest declares (system_manifest.h: the manifest's
// format, read and checked): its command run for each warm-up and repetition, its time read from
// its output, and the values it wrote validated like any other row's (external_values.h).
#ifndef COST_HARNESS_RUN_EXTERNAL_SYSTEM_H_
#define COST_HARNESS_RUN_EXTERNAL_SYSTEM_H_

#include <string>

#include "harness/core/child_process.h"
#include "harness/run/external_values.h"
#include "harness/run/failure.h"
#include "harness/run/measurement.h"
#include "harness/run/system_manifest.h"

namespace cost::harness {

ImplementationIdentity IdentityOf(const ExternalSystem& system);

// Runs the command (warm-ups, then repetitions), reads its times and values, validates; then as
// MeasureRow (measurement.h). A failing command is not an exception: the measurement's outcome
// says what happened (classified by failure.h, or invalid output).
MeasurementOutput MeasureExternal(const ExternalSystem& system, const MeasurementRequest& request);

// The prepare command's line: its template with {graph} = input, {prepared} = prepared,
// {format} and {manifest_dir} filled in (shell-quoted).
std::string PrepareCommandFor(const ExternalSystem& system, const std::string& input,
                              const std::string& prepared);

// One run of a manifest's shell command (its command or its prepare step): the child, and what
// became of it as failure.h classifies it, `subject` naming the command in the message.
struct ShellCommandRun {
  ChildResult child;
  ChildOutcome outcome;
};
// Runs `command` with /bin/sh, its output to log_path, in this process group: a sweep's timeout
// must reach the command too.
ShellCommandRun RunShellCommand(const std::string& command, const std::string& log_path,
                                const std::string& subject);

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_EXTERNAL_SYSTEM_H_
