// What `cost sweep --resume` may keep: rows of the same build on the same machine, each row
// measured once.
#ifndef COST_HARNESS_SWEEP_RESUME_H_
#define COST_HARNESS_SWEEP_RESUME_H_

#include <string>
#include <vector>

#include "harness/core/results.h"
#include "harness/sweep/plan.h"

namespace cost::harness {

// Whether the results already hold a measurement of this row.
bool HasRow(const ResultsFile& results, const SweepRow& row);

// Throws std::runtime_error naming both builds (or machines) when `existing`, read from `path`,
// was measured by another build or on another machine than this process's.
void RequireSameBuildAndMachine(const ResultsFile& existing, const std::string& path);

// Throws std::runtime_error naming the parameter when a row of `existing` that the plan would
// keep was measured otherwise than the spec now asks: other repetitions, other PageRank
// iterations, or another graph under the dataset's name (a changed seed or input: the prepared
// file's checksum differs). Resuming would mix two measurements under one key.
void RequireSameParameters(const ResultsFile& existing, const SweepSpec& spec,
                           const std::vector<SweepRow>& rows, const std::string& path);

}  // namespace cost::harness

#endif  // COST_HARNESS_SWEEP_RESUME_H_
