// A sweep's progress on stderr: rows done of the total, the row, its time and outcome, elapsed
// and estimated time left. On a terminal one line is rewritten in place.
#ifndef COST_HARNESS_SWEEP_PROGRESS_H_
#define COST_HARNESS_SWEEP_PROGRESS_H_

#include <cstddef>

#include "harness/core/results.h"
#include "harness/sweep/plan.h"

namespace cost::harness {

// m == nullptr: the row is starting (shown on a terminal only); otherwise it has finished.
void ShowProgress(size_t done, size_t total, const SweepRow& row, const Measurement* m,
                  double elapsed, double left);

}  // namespace cost::harness

#endif  // COST_HARNESS_SWEEP_PROGRESS_H_
