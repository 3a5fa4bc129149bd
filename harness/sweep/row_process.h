// One sweep row in its own process: `cost run ...` as a child with the spec's timeout and memory
// cap, whose one-row results file becomes the row's measurement. Whatever the child does (exits,
// crashes, hangs, runs out of memory) the row gets a Measurement saying so.
#ifndef COST_HARNESS_SWEEP_ROW_PROCESS_H_
#define COST_HARNESS_SWEEP_ROW_PROCESS_H_

#include <csignal>
#include <string>

#include "harness/core/results.h"
#include "harness/sweep/plan.h"
#include "harness/sweep/spec.h"

namespace cost::harness {

// Runs `binary run ...` for the row (binary "": this executable, as SetProgram says). gbench_json:
// where the row's Google Benchmark JSON goes ("" for none). When *interrupt becomes non-zero the
// child is killed and the outcome is Outcome::kInterrupted. A child that leaves no row is
// classified by run/failure.h.
Measurement RunRowInChild(const SweepRow& row, const SweepSpec& spec, const std::string& binary,
                          const std::string& gbench_json,
                          const volatile std::sig_atomic_t* interrupt = nullptr);

// The file name of a row's Google Benchmark JSON inside RESULTS.gbench/.
std::string GbenchFileName(const SweepRow& row);

}  // namespace cost::harness

#endif  // COST_HARNESS_SWEEP_ROW_PROCESS_H_
