// The COST table: for each (kernel, dataset), the best single-threaded median is the baseline, and
// each parallel implementation's COST is the fewest cores (threads x processes) at which it is
// faster beyond doubt: its median's confidence interval lies below the baseline's. Otherwise
// "not-separable" (inside the noise) or "unbounded" (clearly slower everywhere) (McSherry et al.,
// "Scalability! But at what COST?", HotOS 2015). Only rows with outcome "ok" count as times.
#ifndef COST_HARNESS_ANALYSIS_COST_TABLE_H_
#define COST_HARNESS_ANALYSIS_COST_TABLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "harness/core/format.h"
#include "harness/core/kernel.h"
#include "harness/core/outcome.h"
#include "harness/core/results.h"

namespace cost::harness {

// Where an implementation stands in its group.
enum class CostStatus {
  kBaseline,        // the single-threaded implementation with the best median (ratio 1)
  kSingleThreaded,  // another single-threaded implementation (the paper's simple baseline)
  kBounded,         // parallel; beats the baseline at cost_cores: its median's confidence
                    // interval lies entirely below the baseline's
  kNotSeparable,    // parallel; no interval lies below the baseline's but some overlaps it:
                    // cost_cores is the fewest cores whose median is below the baseline's (or
                    // the best row); more repetitions or a quieter machine would decide
  kUnbounded,       // parallel; every measured configuration is clearly slower than the baseline
  kNoBaseline,      // parallel; the group has no ok single-threaded row to compare with
  kFailed,          // no ok row at all; outcome/message say why
};

// "baseline", "single-threaded", "bounded", "not-separable", "unbounded", "no-baseline",
// "failed": how reports and JSON spell a status.
std::string_view CostStatusName(CostStatus status);

// One implementation's row in a group.
struct CostEntry {
  std::string implementation;  // "openmp:pagerank"
  std::string algorithm;       // "pagerank-pull"
  Kind kind = Kind::kSingleThreaded;
  CostStatus status = CostStatus::kNoBaseline;  // until the group is computed
  // Bounded or not-separable: the (candidate) COST configuration and its median. 0 otherwise.
  int cost_cores = 0;
  int cost_threads = 0;
  int cost_procs = 0;
  double seconds_at_cost = 0;
  // The fastest ok row (any status but "failed").
  int best_cores = 0;
  double best_seconds = 0;
  // Bounded: seconds_at_cost / baseline; otherwise best_seconds / baseline. 0 without a baseline.
  double ratio = 0;
  // How sure the reported time is: repetitions, cv and the median's confidence interval of the
  // row the time came from.
  int repetitions = 0;
  double cv = 0;
  double ci_low = 0, ci_high = 0;
  // Set for "not-separable": the verdict is inside the measurement noise.
  bool within_noise = false;
  int ok_rows = 0;
  int failed_rows = 0;             // rows whose outcome is not "ok"
  Outcome outcome = Outcome::kOk;  // kFailed only: the first failed row's outcome and message
  std::string message;
};

// A single-threaded implementation's median, drawn as a horizontal line in plots.
struct BaselineLine {
  std::string implementation;
  std::string algorithm;
  double seconds = 0;
};

struct CostGroup {
  Kernel kernel = Kernel::kPageRank;
  std::string dataset;
  std::string baseline_implementation;  // empty when the group has no ok single-threaded row
  double baseline_seconds = 0;
  int baseline_repetitions = 0;
  double baseline_cv = 0;
  double baseline_ci_low = 0, baseline_ci_high = 0;  // the baseline median's interval
  std::vector<BaselineLine> single_threaded;         // fastest first
  // Single-threaded implementations first (fastest first), then parallel ones by name.
  std::vector<CostEntry> entries;
};

// The dataset a row's COST group is named by: its dataset, with " from disk" for a row whose
// sections were evicted from the page cache before each repetition (`storage: disk`). A row read
// from disk is a configuration of its own, as in the paper's tables: it is compared with the
// single threads read from disk, never with a row that found its edges in memory. Every table
// and plot that groups rows for a COST groups them by this name.
std::string CostGroupDataset(const Measurement& m);

// Groups sorted by (kernel, dataset). Deterministic: the same measurements in any order give the
// same table (ties on time are broken by fewer cores, then by name).
std::vector<CostGroup> ComputeCostTable(const std::vector<Measurement>& measurements);

// "1 core", "8 cores": a configuration's size as the tables name it.
std::string CoresText(int cores);

// An aligned plain-text table for a terminal, with one line per group naming its baseline.
std::string FormatCostTableText(const std::vector<CostGroup>& groups);
// A GitHub Markdown table (one table, a row per entry) followed by a short legend.
std::string FormatCostTableMarkdown(const std::vector<CostGroup>& groups);
// One group's rows as a Markdown table without the kernel and dataset columns, for a report that
// heads each group with them; and the legend FormatCostTableMarkdown ends with.
std::string FormatCostGroupMarkdown(const CostGroup& group);
std::string CostTableLegend();

}  // namespace cost::harness

#endif  // COST_HARNESS_ANALYSIS_COST_TABLE_H_
