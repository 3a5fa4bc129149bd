#include "harness/analysis/cost_table.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

#include "harness/analysis/table_cells.h"
#include "harness/core/name_table.h"

namespace cost::harness {
namespace {

constexpr Named<CostStatus> kCostStatusNames[] = {
    {CostStatus::kBaseline, "baseline"},   {CostStatus::kSingleThreaded, "single-threaded"},
    {CostStatus::kBounded, "bounded"},     {CostStatus::kNotSeparable, "not-separable"},
    {CostStatus::kUnbounded, "unbounded"}, {CostStatus::kNoBaseline, "no-baseline"},
    {CostStatus::kFailed, "failed"},
};

using Rows = std::vector<const Measurement*>;

// Fastest row first; ties go to fewer cores so the table does not depend on input order.
bool FasterThan(const Measurement* a, const Measurement* b) {
  return std::tie(a->median_seconds, a->threads, a->procs) <
         std::tie(b->median_seconds, b->threads, b->procs);
}

// Fewer cores first; at equal cores the faster configuration (e.g. 4 procs x 1 thread vs 2 x 2).
bool FewerCores(const Measurement* a, const Measurement* b) {
  return std::make_tuple(a->cores(), a->median_seconds, a->procs) <
         std::make_tuple(b->cores(), b->median_seconds, b->procs);
}

CostEntry EntryHeader(const Rows& rows) {
  CostEntry e;
  e.implementation = rows.front()->implementation;
  e.algorithm = rows.front()->algorithm;
  e.kind = rows.front()->kind;
  for (const Measurement* m : rows) {
    if (!m->ok()) {
      if (e.failed_rows++ == 0) {
        e.outcome = m->outcome;
        e.message = m->message;
      }
    }
  }
  e.ok_rows = static_cast<int>(rows.size()) - e.failed_rows;
  if (e.ok_rows == 0) e.status = CostStatus::kFailed;
  return e;
}

Rows OkRows(const Rows& rows) {
  Rows ok;
  for (const Measurement* m : rows) {
    if (m->ok()) ok.push_back(m);
  }
  return ok;
}

// The row's confidence interval for its median; a row without one (a single repetition, or a
// results file that records none) counts as the point [median, median].
std::pair<double, double> IntervalOf(const Measurement& m) {
  if (m.ci_high_seconds <= 0) return {m.median_seconds, m.median_seconds};
  return {m.ci_low_seconds, m.ci_high_seconds};
}

void SetTimeOf(const Measurement& m, CostEntry* e) {
  e->repetitions = m.repetitions;
  e->cv = m.cv;
  std::tie(e->ci_low, e->ci_high) = IntervalOf(m);
}

void SetBest(const Rows& ok, CostEntry* e) {
  const Measurement* best = *std::min_element(ok.begin(), ok.end(), FasterThan);
  e->best_cores = best->cores();
  e->best_seconds = best->median_seconds;
  SetTimeOf(*best, e);
}

// The (candidate) COST configuration m and its time.
void SetCostAt(const Measurement& m, const CostGroup& g, CostStatus status, CostEntry* e) {
  e->status = status;
  e->cost_cores = m.cores();
  e->cost_threads = m.threads;
  e->cost_procs = m.procs;
  e->seconds_at_cost = m.median_seconds;
  e->ratio = m.median_seconds / g.baseline_seconds;
  SetTimeOf(m, e);
}

// Requires: ok non-empty. A configuration beats the baseline only when its whole interval lies
// below the baseline's (a tie is not a win: COST needs "outperforms"). When none does but some
// interval overlaps the baseline's, the data cannot tell: "not-separable", at the fewest cores
// whose median is below the baseline's (or, failing that, the best row). Only when every
// configuration is clearly slower is the COST "unbounded".
void SetParallelCost(const Rows& ok, const CostGroup& g, CostEntry* e) {
  SetBest(ok, e);
  if (g.baseline_seconds <= 0) {
    e->status = CostStatus::kNoBaseline;
    return;
  }
  Rows by_cores = ok;
  std::sort(by_cores.begin(), by_cores.end(), FewerCores);
  const Measurement* unclear = nullptr;
  for (const Measurement* m : by_cores) {
    const auto [low, high] = IntervalOf(*m);
    if (high < g.baseline_ci_low) {
      SetCostAt(*m, g, CostStatus::kBounded, e);
      return;
    }
    const bool overlaps = low <= g.baseline_ci_high;
    if (overlaps && (!unclear || (unclear->median_seconds >= g.baseline_seconds &&
                                  m->median_seconds < g.baseline_seconds))) {
      unclear = m;
    }
  }
  if (unclear) {
    SetCostAt(*unclear, g, CostStatus::kNotSeparable, e);
    e->within_noise = true;
    return;
  }
  e->status = CostStatus::kUnbounded;
  e->ratio = e->best_seconds / g.baseline_seconds;
}

// Picks the baseline among the single-threaded entries and records every one as a line.
void SetBaseline(CostGroup* g, std::vector<CostEntry>* single) {
  std::sort(single->begin(), single->end(), [](const CostEntry& a, const CostEntry& b) {
    // Failed ones (no time) last, then fastest first.
    bool a_failed = a.status == CostStatus::kFailed, b_failed = b.status == CostStatus::kFailed;
    return std::tie(a_failed, a.best_seconds, a.implementation) <
           std::tie(b_failed, b.best_seconds, b.implementation);
  });
  for (CostEntry& e : *single) {
    if (e.status == CostStatus::kFailed) continue;
    if (g->baseline_implementation.empty()) {
      e.status = CostStatus::kBaseline;
      g->baseline_implementation = e.implementation;
      g->baseline_seconds = e.best_seconds;
      g->baseline_repetitions = e.repetitions;
      g->baseline_cv = e.cv;
      g->baseline_ci_low = e.ci_low;
      g->baseline_ci_high = e.ci_high;
    } else {
      e.status = CostStatus::kSingleThreaded;
    }
    e.ratio = e.best_seconds / g->baseline_seconds;
    g->single_threaded.push_back({e.implementation, e.algorithm, e.best_seconds});
  }
}

CostGroup ComputeGroup(Kernel kernel, const std::string& dataset,
                       const std::map<std::string, Rows>& by_implementation) {
  CostGroup g;
  g.kernel = kernel;
  g.dataset = dataset;
  std::vector<CostEntry> single, parallel;
  for (const auto& [name, rows] : by_implementation) {
    CostEntry e = EntryHeader(rows);
    Rows ok = OkRows(rows);
    if (e.kind == Kind::kSingleThreaded) {
      if (!ok.empty()) SetBest(ok, &e);
      single.push_back(e);
    } else {
      parallel.push_back(e);
    }
  }
  SetBaseline(&g, &single);
  for (CostEntry& e : parallel) {
    Rows ok = OkRows(by_implementation.at(e.implementation));
    if (!ok.empty()) SetParallelCost(ok, g, &e);
  }
  g.entries = std::move(single);
  g.entries.insert(g.entries.end(), parallel.begin(), parallel.end());  // already by name
  return g;
}

std::string CostCell(const CostEntry& e) {
  if (e.status == CostStatus::kBaseline) return "baseline";
  if (e.status == CostStatus::kSingleThreaded) return "single thread";
  if (e.status == CostStatus::kUnbounded) return "unbounded";
  if (e.status == CostStatus::kNotSeparable)
    return "not separable (" + CoresText(e.cost_cores) + "?)";
  if (e.status == CostStatus::kNoBaseline) return "no baseline";
  if (e.status == CostStatus::kFailed)
    return "failed (" + std::string(OutcomeName(e.outcome)) + ")";
  std::string text = CoresText(e.cost_cores);
  if (e.cost_procs > 1) {  // say how the cores were split between processes and threads
    text += " (" + std::to_string(e.cost_procs) + " procs x " + std::to_string(e.cost_threads) +
            (e.cost_threads == 1 ? " thread)" : " threads)");
  }
  return text;
}

std::string TimeCell(const CostEntry& e) {
  if (e.status == CostStatus::kFailed) return "-";
  if (e.status == CostStatus::kBounded || e.status == CostStatus::kNotSeparable)
    return FormatSeconds(e.seconds_at_cost);
  if (e.status == CostStatus::kUnbounded || e.status == CostStatus::kNoBaseline) {
    return "best " + FormatSeconds(e.best_seconds) + " at " + CoresText(e.best_cores);
  }
  return FormatSeconds(e.best_seconds);
}

std::string NotesCell(const CostEntry& e, size_t max_message) {
  if (e.status == CostStatus::kFailed) {
    std::string message = e.message;
    if (message.size() > max_message) message = message.substr(0, max_message) + "...";
    return message;
  }
  std::string notes = e.within_noise ? "within noise of the baseline" : "";
  if (e.failed_rows > 0) {
    notes += (notes.empty() ? "" : "; ") + std::to_string(e.failed_rows) + " failed configuration" +
             (e.failed_rows == 1 ? "" : "s");
  }
  return notes;
}

// kernel, dataset, implementation, algorithm, kind, COST, time, vs baseline, reps, cv, notes.
std::vector<std::string> Cells(const CostGroup& g, const CostEntry& e, size_t max_message) {
  bool timed = e.status != CostStatus::kFailed;
  return {std::string(KernelName(g.kernel)),
          g.dataset,
          e.implementation,
          e.algorithm,
          std::string(KindName(e.kind)),
          CostCell(e),
          TimeCell(e),
          e.ratio > 0 ? FormatRatio(e.ratio) : "-",
          timed ? std::to_string(e.repetitions) : "-",
          timed ? FormatPercent(e.cv) : "-",
          NotesCell(e, max_message)};
}

const std::vector<std::string> kHeader = {"kernel", "dataset", "implementation", "algorithm",
                                          "kind",   "COST",    "time",           "vs baseline",
                                          "reps",   "cv",      "notes"};

std::string BaselineLineText(const CostGroup& g) {
  std::string text = std::string(KernelName(g.kernel)) + " on " + g.dataset + ": ";
  if (g.baseline_implementation.empty()) return text + "no ok single-threaded measurement";
  return text + "baseline " + g.baseline_implementation + " " + FormatSeconds(g.baseline_seconds) +
         " (" + std::to_string(g.baseline_repetitions) + " repetitions, cv " +
         FormatPercent(g.baseline_cv) + ")";
}

}  // namespace

std::string CoresText(int cores) {
  return std::to_string(cores) + (cores == 1 ? " core" : " cores");
}

std::string CostGroupDataset(const Measurement& m) {
  return m.storage == "disk" ? m.dataset + " from disk" : m.dataset;
}

std::string_view CostStatusName(CostStatus status) { return NameIn(kCostStatusNames, status); }

std::vector<CostGroup> ComputeCostTable(const std::vector<Measurement>& measurements) {
  // std::map keys give the (kernel, dataset, implementation) order.
  std::map<std::pair<std::string, std::string>, std::map<std::string, Rows>> grouped;
  for (const Measurement& m : measurements) {
    const std::pair<std::string, std::string> key{KernelName(m.kernel), CostGroupDataset(m)};
    grouped[key][m.implementation].push_back(&m);
  }
  std::vector<CostGroup> groups;
  for (const auto& [key, by_implementation] : grouped) {
    // Grouped by the kernel's name, so groups sort as the reports have always listed them.
    Kernel kernel = Kernel::kPageRank;
    ParseKernel(key.first, &kernel);
    groups.push_back(ComputeGroup(kernel, key.second, by_implementation));
  }
  return groups;
}

std::string FormatCostTableText(const std::vector<CostGroup>& groups) {
  constexpr size_t kMaxMessage = 60;  // keep failed rows on one terminal line
  std::vector<std::vector<std::string>> lines = {kHeader};
  for (const CostGroup& g : groups) {
    for (const CostEntry& e : g.entries) lines.push_back(Cells(g, e, kMaxMessage));
  }
  const std::vector<size_t> widths = ColumnWidths(lines);
  std::vector<std::string> rule;
  for (size_t w : widths) rule.push_back(std::string(w, '-'));
  std::string text = JoinPadded(kHeader, widths) + JoinPadded(rule, widths);
  for (const CostGroup& g : groups) {
    text += "\n";  // appended piecewise: "lit" + str trips a GCC 12 -Wrestrict false positive
    text += BaselineLineText(g) + "\n";
    for (const CostEntry& e : g.entries) text += JoinPadded(Cells(g, e, kMaxMessage), widths);
  }
  return text;
}

std::string FormatCostGroupMarkdown(const CostGroup& group) {
  // The kernel and dataset columns are the first two: the group's heading says them.
  const std::vector<std::string> header(kHeader.begin() + 2, kHeader.end());
  std::string text = MarkdownRow(header);
  text += MarkdownRow(std::vector<std::string>(header.size(), "---"));
  for (const CostEntry& e : group.entries) {
    const std::vector<std::string> cells = Cells(group, e, std::string::npos);
    text += MarkdownRow(std::vector<std::string>(cells.begin() + 2, cells.end()));
  }
  return text;
}

std::string CostTableLegend() {
  return "COST: the fewest cores (threads x processes) whose median's 95% confidence interval "
         "lies entirely below the baseline's (the best single-threaded median). *not separable*: "
         "no configuration is clearly faster but some overlaps the baseline within the noise; the "
         "cores shown are the candidate. *unbounded*: every configuration is clearly slower. "
         "*vs baseline*: time / baseline time (below 1.00x is faster). *reps* and *cv* (stddev / "
         "mean) describe the row the time came from.\n";
}

std::string FormatCostTableMarkdown(const std::vector<CostGroup>& groups) {
  std::string text = MarkdownRow(kHeader);
  text += MarkdownRow(std::vector<std::string>(kHeader.size(), "---"));
  for (const CostGroup& g : groups) {
    for (const CostEntry& e : g.entries) text += MarkdownRow(Cells(g, e, std::string::npos));
  }
  text += "\n" + CostTableLegend();
  return text;
}

}  // namespace cost::harness
