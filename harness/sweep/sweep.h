// A sweep: datasets x kernels x implementations x configurations (spec.h), each measurement in
// its own child process (row_process.h) with a timeout, each finished row written to the results
// file atomically before the next starts. A crash, hang or wrong answer costs that row only.
// Google Benchmark's own JSON of each in-tree row is kept unmodified in RESULTS.gbench/ beside
// the results file.
#ifndef COST_HARNESS_SWEEP_SWEEP_H_
#define COST_HARNESS_SWEEP_SWEEP_H_

#include <string>

#include "harness/core/results.h"
#include "harness/sweep/plan.h"
#include "harness/sweep/spec.h"

namespace cost::harness {

struct SweepOptions {
  std::string out;          // results file
  bool resume = false;      // keep rows already in `out` and skip them
  bool overwrite = false;   // replace an existing `out`
  bool quiet = false;       // no progress lines
  std::string cost_binary;  // the `cost` executable run per row; default: this process's
};

// Prepares the datasets (cached), runs every row not yet in the results file, writes the file
// after each row. Returns the complete results. Throws std::runtime_error on a bad spec or an
// unusable output path; a failing measurement is recorded, not thrown. Stops early (results
// kept, the running child killed) when interrupted with SIGINT or SIGTERM; *interrupted is set.
ResultsFile RunSweep(const SweepSpec& spec, const SweepOptions& options, bool* interrupted);

}  // namespace cost::harness

#endif  // COST_HARNESS_SWEEP_SWEEP_H_
