// COST with each row's preparation counted: the kernel-only COST table hides what a row spent
// before its first kernel call (a Hilbert-order layout's sort, a peer system converting the graph
// to its own format or structure). Per (kernel, dataset), beside each implementation's
// kernel-only verdict: its preparation, how many kernel runs its faster kernel needs to pay for
// its extra preparation against the baseline ("Hilbert order pays for its 4.7 s conversion after
// N PageRank runs"), and its COST when one preparation is added to one run on both sides.
//
// A row's preparation is what it needs beyond the vertex-order CSR every row shares: the edge
// layout's step of the prepared file (when the row reads a layout other than vertex order and the
// file recorded its steps) plus the system's own preparation (system_preparation_seconds).
#ifndef COST_HARNESS_ANALYSIS_PREPARATION_COST_H_
#define COST_HARNESS_ANALYSIS_PREPARATION_COST_H_

#include <string>
#include <vector>

#include "harness/analysis/cost_table.h"
#include "harness/core/results.h"

namespace cost::harness {

// How a row's kernel time and preparation compare with the baseline's over repeated runs.
enum class BreakEven {
  kBaseline,      // the row is the baseline
  kAlwaysAhead,   // faster kernel, no more preparation: ahead from the first run
  kPaysOffAfter,  // faster kernel, more preparation: ahead from run `runs` on
  kAheadUntil,    // slower kernel, less preparation: ahead for fewer than `runs` runs
  kNever,         // slower (or equal) kernel and no less preparation
};
std::string_view BreakEvenName(BreakEven verdict);

struct PreparationCost {
  std::string kernel, dataset, implementation;
  Kind kind = Kind::kSingleThreaded;
  CostStatus kernel_status = CostStatus::kFailed;  // the kernel-only verdict (cost_table.h)
  int kernel_cost_cores = 0;                       // bounded / not-separable: its COST
  int best_cores = 0;                              // the fastest row's configuration
  double best_seconds = 0;                         // its median
  double preparation_seconds = 0;                  // the fastest row's preparation
  double extra_preparation_seconds = 0;            // minus the baseline's
  BreakEven break_even = BreakEven::kNever;
  long runs = 0;  // kPaysOffAfter / kAheadUntil: the run count where the two lines cross
  // One preparation plus one run, against the baseline's preparation plus one run, by the
  // kernel-only rule: bounded at the fewest cores whose (preparation + interval) lies below the
  // baseline's, not-separable when only a median does, else unbounded.
  CostStatus status_with_preparation = CostStatus::kUnbounded;
  int cost_cores_with_preparation = 0;
  double seconds_with_preparation = 0;  // preparation + median at that configuration
};

// A row's own preparation (see the file comment).
double RowPreparationSeconds(const Measurement& m);

// The first run from which spending `extra` seconds more preparation on a kernel `saved` seconds
// faster per run is ahead: ceil(extra / saved). Requires extra > 0 and saved > 0.
long RunsToPayOff(double extra, double saved);

// One entry per implementation with an ok row in a group that has a baseline, in the COST
// table's group and entry order.
std::vector<PreparationCost> PreparationCosts(const std::vector<Measurement>& rows);

// The report's section: a heading, what the columns mean, and the table ("" rows: a sentence).
std::string PreparationCostSection(const std::vector<PreparationCost>& costs);

}  // namespace cost::harness

#endif  // COST_HARNESS_ANALYSIS_PREPARATION_COST_H_
