#include "harness/analysis/preparation_cost.h"

#include <algorithm>
#include <cmath>

#include "harness/analysis/table_cells.h"
#include "harness/core/format.h"
#include "harness/core/name_table.h"

namespace cost::harness {
namespace {

constexpr Named<BreakEven> kBreakEvenNames[] = {
    {BreakEven::kBaseline, "baseline"},
    {BreakEven::kAlwaysAhead, "always-ahead"},
    {BreakEven::kPaysOffAfter, "pays-off-after"},
    {BreakEven::kAheadUntil, "ahead-until"},
    {BreakEven::kNever, "never"},
};

using Rows = std::vector<const Measurement*>;

// The ok rows of one implementation in one group, fewest cores first (ties: faster first).
Rows OkRowsOf(const std::vector<Measurement>& rows, const CostGroup& group,
              const std::string& implementation) {
  Rows out;
  for (const Measurement& m : rows) {
    if (m.ok() && m.kernel == group.kernel && CostGroupDataset(m) == group.dataset &&
        m.implementation == implementation) {
      out.push_back(&m);
    }
  }
  std::sort(out.begin(), out.end(), [](const Measurement* a, const Measurement* b) {
    return std::make_pair(a->cores(), a->median_seconds) <
           std::make_pair(b->cores(), b->median_seconds);
  });
  return out;
}

const Measurement* Fastest(const Rows& rows) {
  return *std::min_element(rows.begin(), rows.end(),
                           [](const Measurement* a, const Measurement* b) {
                             return std::make_pair(a->median_seconds, a->cores()) <
                                    std::make_pair(b->median_seconds, b->cores());
                           });
}

double IntervalLow(const Measurement& m) {
  return m.ci_high_seconds > 0 ? m.ci_low_seconds : m.median_seconds;
}
double IntervalHigh(const Measurement& m) {
  return m.ci_high_seconds > 0 ? m.ci_high_seconds : m.median_seconds;
}

// Faster or slower per run, more or less preparation: which way the two lines cross.
void SetBreakEven(const Measurement& row, const Measurement& baseline, PreparationCost* c) {
  const double saved = baseline.median_seconds - row.median_seconds;
  const double extra = c->extra_preparation_seconds;
  if (saved > 0 && extra <= 0) {
    c->break_even = BreakEven::kAlwaysAhead;
  } else if (saved > 0) {
    c->break_even = BreakEven::kPaysOffAfter;
    c->runs = RunsToPayOff(extra, saved);
  } else if (saved < 0 && extra < saved) {
    // Less preparation (extra < 0) outweighing one slower run: ahead for n < extra / saved
    // runs. When one run already loses more than the preparation saves, it is never ahead.
    c->break_even = BreakEven::kAheadUntil;
    c->runs = RunsToPayOff(-extra, -saved);  // the run from which the baseline is ahead
  } else {
    c->break_even = BreakEven::kNever;
  }
}

// One preparation and one run on each side, by the kernel-only rule (cost_table.h).
void SetCostWithPreparation(const Rows& rows, const Measurement& baseline, PreparationCost* c) {
  const double base = RowPreparationSeconds(baseline);
  const Measurement* candidate = nullptr;
  for (const Measurement* m : rows) {
    const double prep = RowPreparationSeconds(*m);
    if (prep + IntervalHigh(*m) < base + IntervalLow(baseline)) {
      c->status_with_preparation = CostStatus::kBounded;
      c->cost_cores_with_preparation = m->cores();
      c->seconds_with_preparation = prep + m->median_seconds;
      return;
    }
    if (!candidate && prep + m->median_seconds < base + baseline.median_seconds) candidate = m;
  }
  if (!candidate) return;  // unbounded
  c->status_with_preparation = CostStatus::kNotSeparable;
  c->cost_cores_with_preparation = candidate->cores();
  c->seconds_with_preparation = RowPreparationSeconds(*candidate) + candidate->median_seconds;
}

PreparationCost CostOf(const CostGroup& group, const CostEntry& entry, const Rows& rows,
                       const Measurement& baseline) {
  PreparationCost c;
  c.kernel = std::string(KernelName(group.kernel));
  c.dataset = group.dataset;
  c.implementation = entry.implementation;
  c.kind = entry.kind;
  c.kernel_status = entry.status;
  c.kernel_cost_cores = entry.cost_cores;
  const Measurement& best = *Fastest(rows);
  c.best_cores = best.cores();
  c.best_seconds = best.median_seconds;
  c.preparation_seconds = RowPreparationSeconds(best);
  c.extra_preparation_seconds = c.preparation_seconds - RowPreparationSeconds(baseline);
  if (entry.implementation == group.baseline_implementation) {
    c.break_even = BreakEven::kBaseline;
    c.status_with_preparation = CostStatus::kBaseline;
    return c;
  }
  SetBreakEven(best, baseline, &c);
  SetCostWithPreparation(rows, baseline, &c);
  return c;
}

}  // namespace

std::string_view BreakEvenName(BreakEven verdict) { return NameIn(kBreakEvenNames, verdict); }

double RowPreparationSeconds(const Measurement& m) {
  const bool layout = m.layout != datasets::EdgeLayout::kVertex && m.preparation_split;
  return (layout ? m.preparation_layout_seconds : 0) + m.system_preparation_seconds;
}

long RunsToPayOff(double extra, double saved) {
  return std::max(1L, static_cast<long>(std::ceil(extra / saved)));
}

std::vector<PreparationCost> PreparationCosts(const std::vector<Measurement>& rows) {
  std::vector<PreparationCost> costs;
  for (const CostGroup& group : ComputeCostTable(rows)) {
    if (group.baseline_implementation.empty()) continue;
    const Rows baseline_rows = OkRowsOf(rows, group, group.baseline_implementation);
    if (baseline_rows.empty()) continue;
    const Measurement& baseline = *Fastest(baseline_rows);
    for (const CostEntry& entry : group.entries) {
      const Rows ok = OkRowsOf(rows, group, entry.implementation);
      if (!ok.empty()) costs.push_back(CostOf(group, entry, ok, baseline));
    }
  }
  return costs;
}

namespace {

std::string BreakEvenCell(const PreparationCost& c) {
  switch (c.break_even) {
    case BreakEven::kBaseline:
      return "baseline";
    case BreakEven::kAlwaysAhead:
      return "ahead from the first run";
    case BreakEven::kPaysOffAfter:
      return "pays off from run " + std::to_string(c.runs);
    case BreakEven::kAheadUntil:
      return "ahead for fewer than " + std::to_string(c.runs) + " runs";
    case BreakEven::kNever:
      return "never ahead";
  }
  return "";
}

// "+1.20 s", "-3.45 s": FormatSeconds has no sign of its own.
std::string SignedSeconds(double seconds) {
  return (seconds < 0 ? "-" : "+") + FormatSeconds(std::abs(seconds));
}

std::string CostCell(CostStatus status, int cores) {
  if (status == CostStatus::kBounded) return CoresText(cores);
  if (status == CostStatus::kNotSeparable) return "not separable (" + CoresText(cores) + ")";
  return std::string(CostStatusName(status));
}

std::vector<std::string> Cells(const PreparationCost& c) {
  const bool timed = c.status_with_preparation == CostStatus::kBounded ||
                     c.status_with_preparation == CostStatus::kNotSeparable;
  return {c.kernel,
          c.dataset,
          "`" + c.implementation + "`",
          CostCell(c.kernel_status, c.kernel_cost_cores),
          FormatSeconds(c.best_seconds) + " at " + CoresText(c.best_cores),
          FormatSeconds(c.preparation_seconds),
          SignedSeconds(c.extra_preparation_seconds),
          BreakEvenCell(c),
          CostCell(c.status_with_preparation, c.cost_cores_with_preparation),
          timed ? FormatSeconds(c.seconds_with_preparation) : "-"};
}

}  // namespace

std::string PreparationCostSection(const std::vector<PreparationCost>& costs) {
  std::string text =
      "\n## COST with preparation\n\nEach row's own preparation (its edge layout's step of the "
      "prepared file, and its system's conversion to its own format or structure), the run from "
      "which a faster kernel's extra preparation pays for itself against the baseline, and the "
      "COST when one preparation is added to one run on both sides (the same rule as the "
      "kernel-only COST).\n\n";
  if (costs.empty()) return text + "No group has a baseline.\n";
  text +=
      "| kernel | dataset | implementation | COST (kernel) | best time | preparation | vs "
      "baseline | over repeated runs | COST (one preparation) | time there |\n| --- | --- | --- "
      "| --- | ---: | ---: | ---: | --- | --- | ---: |\n";
  for (const PreparationCost& c : costs) text += MarkdownRow(Cells(c));
  return text;
}

}  // namespace cost::harness
