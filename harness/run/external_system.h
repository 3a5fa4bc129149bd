// Running a system we do not build, as its manifest declares (system_manifest.h: the manifest's
// format, read and checked): its command run for each warm-up and repetition, its time read from
// its output, and the values it wrote validated like any other row's (external_values.h).
#ifndef COST_HARNESS_RUN_EXTERNAL_SYSTEM_H_
#define COST_HARNESS_RUN_EXTERNAL_SYSTEM_H_

#include <string>

#include "harness/run/external_values.h"
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

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_EXTERNAL_SYSTEM_H_
