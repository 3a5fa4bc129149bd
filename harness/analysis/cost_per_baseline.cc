#include "harness/analysis/cost_per_baseline.h"

#include <map>
#include <set>
#include <utility>

#include "harness/analysis/table_cells.h"
#include "harness/core/format.h"

namespace cost::harness {
namespace {

using GroupKey = std::pair<std::string, std::string>;  // (kernel, dataset)

std::map<GroupKey, std::vector<Measurement>> ByGroup(const std::vector<Measurement>& rows) {
  std::map<GroupKey, std::vector<Measurement>> groups;
  for (const Measurement& m : rows)
    groups[{std::string(KernelName(m.kernel)), CostGroupDataset(m)}].push_back(m);
  return groups;
}

// What the verdict column says: the measured configuration, or why there is none.
std::string Verdict(const CostEntry& e) {
  if (e.status == CostStatus::kBounded) return "bounded: " + CoresText(e.cost_cores);
  if (e.status == CostStatus::kNotSeparable)
    return "not separable (" + CoresText(e.cost_cores) + "?)";
  if (e.status == CostStatus::kFailed)
    return "failed (" + std::string(OutcomeName(e.outcome)) + ")";
  return std::string(CostStatusName(e.status));
}

// The time at the (candidate) COST configuration, else the best time and where it was.
std::string TimeThere(const CostEntry& e) {
  if (e.status == CostStatus::kFailed) return "-";
  if (e.status == CostStatus::kBounded || e.status == CostStatus::kNotSeparable) {
    return FormatSeconds(e.seconds_at_cost);
  }
  return "best " + FormatSeconds(e.best_seconds) + " at " + CoresText(e.best_cores);
}

std::vector<std::string> BaselineCostCells(const BaselineCost& c) {
  const CostEntry& e = c.entry;
  const bool timed = e.status != CostStatus::kFailed;
  return {c.kernel,
          c.dataset,
          e.implementation + " (" + e.algorithm + ")",
          c.baseline.implementation + (c.best ? " (best)" : ""),
          FormatSeconds(c.baseline.seconds),
          Verdict(e),
          TimeThere(e),
          e.ratio > 0 ? FormatRatio(e.ratio) : "-",
          timed ? std::to_string(e.repetitions) : "-",
          timed ? FormatPercent(e.cv) : "-"};
}

// The fitted coefficients in words: T1 and the serial fraction, or T1, contention and coherency.
std::string FittedCell(const ScalingFit& fit) {
  const std::vector<double>& c = fit.coefficients;
  if (fit.model == ScalingModel::kAmdahl) {
    return "T1 " + FormatSeconds(c[0] + c[1]) + ", serial " + FormatPercent(fit.serial_fraction());
  }
  return "T1 " + FormatSeconds(c[0]) + ", s " + Printf("%.3g", c[1] / c[0]) + ", k " +
         Printf("%.3g", c[2] / c[0]);
}

std::string CrossingCell(const CostProjection& p) {
  const ProjectedCrossing& x = p.crossing;
  if (!x.crosses) {
    return "never crosses (model's best " + FormatSeconds(x.best_seconds) + " at " +
           CoresText(x.best_cores) + ")";
  }
  return "projected " + CoresText(x.cores) + " (" + FormatSeconds(x.seconds) + ")" +
         (x.cores <= p.max_measured_cores ? ", within the measured range" : "");
}

std::string ResidualsCell(const ScalingFit& fit) {
  std::string text = FormatPercent(fit.rms_relative_residual) + ":";
  for (double r : fit.relative_residuals) text += " " + Printf("%+.1f%%", 100 * r);
  return text;
}

// kernel, dataset, implementation, model, fitted, baseline, projected crossing, residuals.
std::vector<std::string> ProjectionCells(const CostProjection& p) {
  const ScalingFit& fit = p.fit;
  if (!fit.determined) {
    return {p.kernel,
            p.dataset,
            p.implementation,
            ScalingModelName(fit.model),
            "underdetermined: " + std::to_string(fit.points) + " core count" +
                (fit.points == 1 ? "" : "s") + " measured, needs " +
                (fit.model == ScalingModel::kAmdahl ? "3" : "4"),
            p.baseline.implementation,
            "no projection",
            "-"};
  }
  return {p.kernel,         p.dataset,
          p.implementation, ScalingModelName(fit.model),
          FittedCell(fit),  p.baseline.implementation + " " + FormatSeconds(p.baseline.seconds),
          CrossingCell(p),  ResidualsCell(fit)};
}

}  // namespace

std::vector<BaselineCost> CostAgainstEachBaseline(const std::vector<Measurement>& rows) {
  std::vector<BaselineCost> out;
  for (const auto& [key, group] : ByGroup(rows)) {
    std::vector<Measurement> parallel;
    for (const Measurement& m : group) {
      if (m.kind != Kind::kSingleThreaded) parallel.push_back(m);
    }
    if (parallel.empty()) continue;
    // The full table orders the single-threaded lines fastest first; each gets its own verdicts.
    const std::vector<CostGroup> all = ComputeCostTable(group);
    if (all.empty()) continue;
    const std::vector<BaselineLine>& lines = all.front().single_threaded;
    for (size_t i = 0; i < lines.size(); ++i) {
      std::vector<Measurement> subset = parallel;
      for (const Measurement& m : group) {
        if (m.implementation == lines[i].implementation) subset.push_back(m);
      }
      for (const CostGroup& g : ComputeCostTable(subset)) {
        for (const CostEntry& e : g.entries) {
          if (e.kind == Kind::kSingleThreaded) continue;
          out.push_back({key.first, key.second, lines[i], i == 0, e});
        }
      }
    }
  }
  return out;
}

const std::vector<std::string> kBaselineCostHeader = {
    "kernel", "dataset",    "implementation", "baseline", "baseline time",
    "COST",   "time there", "vs baseline",    "reps",     "cv"};

std::string CostAgainstEachBaselineText(const std::vector<BaselineCost>& costs) {
  if (costs.empty()) return "No group has both a single-threaded and a parallel row.\n";
  std::vector<std::vector<std::string>> lines = {kBaselineCostHeader};
  for (const BaselineCost& c : costs) lines.push_back(BaselineCostCells(c));
  const std::vector<size_t> widths = ColumnWidths(lines);
  std::string text;
  for (size_t i = 0; i < lines.size(); ++i) {
    // A blank line before each new (kernel, dataset, baseline): one block per horizontal line.
    if (i > 1 && (lines[i][0] != lines[i - 1][0] || lines[i][1] != lines[i - 1][1] ||
                  lines[i][3] != lines[i - 1][3])) {
      text += "\n";
    }
    text += JoinPadded(lines[i], widths);
  }
  return text;
}

std::string CostAgainstEachBaselineMarkdown(const std::vector<BaselineCost>& costs,
                                            bool group_columns) {
  if (costs.empty()) return "No group has both a single-threaded and a parallel row.\n";
  const size_t first = group_columns ? 0 : 2;  // kernel and dataset are the first two
  const std::vector<std::string> header(kBaselineCostHeader.begin() + first,
                                        kBaselineCostHeader.end());
  std::string text = MarkdownRow(header);
  std::vector<std::string> rule = {
      "---", "---", "---", "---", "---:", "---", "---:", "---:", "---:", "---:"};
  text += MarkdownRow(std::vector<std::string>(rule.begin() + first, rule.end()));
  for (const BaselineCost& c : costs) {
    const std::vector<std::string> cells = BaselineCostCells(c);
    text += MarkdownRow(std::vector<std::string>(cells.begin() + first, cells.end()));
  }
  return text;
}

std::vector<CostProjection> ProjectCosts(const std::vector<Measurement>& rows) {
  std::vector<CostProjection> out;
  for (const auto& [key, group] : ByGroup(rows)) {
    const std::vector<CostGroup> table = ComputeCostTable(group);
    if (table.empty() || table.front().single_threaded.empty()) continue;
    std::map<std::string, std::vector<ScalingPoint>> curves;  // by implementation
    std::map<std::string, int> max_cores;
    for (const Measurement& m : group) {
      if (m.kind == Kind::kSingleThreaded || !m.ok() || m.median_seconds <= 0) continue;
      curves[m.implementation].push_back({static_cast<double>(m.cores()), m.median_seconds});
      max_cores[m.implementation] = std::max(max_cores[m.implementation], m.cores());
    }
    for (const auto& [implementation, points] : curves) {
      for (ScalingModel model : {ScalingModel::kAmdahl, ScalingModel::kUsl}) {
        const ScalingFit fit = FitScaling(points, model);
        for (const BaselineLine& line : table.front().single_threaded) {
          CostProjection p{key.first, key.second, implementation, line, max_cores[implementation],
                           fit,       {}};
          if (fit.determined) p.crossing = ProjectCrossing(fit, line.seconds);
          out.push_back(std::move(p));
        }
      }
    }
  }
  return out;
}

std::string ProjectionsMarkdown(const std::vector<CostProjection>& projections) {
  if (projections.empty()) return "Nothing to project: no parallel row beside a baseline.\n";
  std::string text =
      "| kernel | dataset | implementation | model | fitted | baseline | projected crossing | "
      "residuals (rms, per point) |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n";
  for (const CostProjection& p : projections) text += MarkdownRow(ProjectionCells(p));
  return text;
}

}  // namespace cost::harness
