#include "harness/analysis/cost_per_baseline.h"

#include <cstdio>
#include <map>
#include <set>
#include <utility>

namespace cost::harness {
namespace {

using GroupKey = std::pair<std::string, std::string>;  // (kernel, dataset)

std::map<GroupKey, std::vector<Measurement>> ByGroup(const std::vector<Measurement>& rows) {
  std::map<GroupKey, std::vector<Measurement>> groups;
  for (const Measurement& m : rows)
    groups[{std::string(KernelName(m.kernel)), m.dataset}].push_back(m);
  return groups;
}

std::string Printf(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

std::string Cores(int n) { return std::to_string(n) + (n == 1 ? " core" : " cores"); }

std::string Cell(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

// What the verdict column says: the measured configuration, or why there is none.
std::string Verdict(const CostEntry& e) {
  if (e.status == "bounded") return "bounded: " + Cores(e.cost_cores);
  if (e.status == "not-separable") return "not separable (" + Cores(e.cost_cores) + "?)";
  if (e.status == "failed") return "failed (" + e.outcome + ")";
  return e.status;
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
          if (e.kind == "single-threaded") continue;
          out.push_back({key.first, key.second, lines[i], i == 0, e});
        }
      }
    }
  }
  return out;
}

std::string CostAgainstEachBaselineMarkdown(const std::vector<BaselineCost>& costs) {
  if (costs.empty()) return "No group has both a single-threaded and a parallel row.\n";
  std::string text =
      "| kernel | dataset | implementation | baseline | baseline time | COST | time there | "
      "vs baseline | reps | cv |\n| --- | --- | --- | --- | ---: | --- | ---: | ---: | ---: | "
      "---: |\n";
  for (const BaselineCost& c : costs) {
    const CostEntry& e = c.entry;
    const bool at_cost = e.status == "bounded" || e.status == "not-separable";
    const bool timed = e.status != "failed";
    std::string time = !timed ? "-"
                       : at_cost
                           ? FormatSeconds(e.seconds_at_cost)
                           : "best " + FormatSeconds(e.best_seconds) + " at " + Cores(e.best_cores);
    text += "| " + Cell(c.kernel) + " | " + Cell(c.dataset) + " | " + Cell(e.implementation) +
            " (" + Cell(e.algorithm) + ") | " + Cell(c.baseline.implementation) +
            (c.best ? " (best)" : "") + " | " + FormatSeconds(c.baseline.seconds) + " | " +
            Verdict(e) + " | " + time + " | " + (e.ratio > 0 ? FormatRatio(e.ratio) : "-") + " | " +
            (timed ? std::to_string(e.repetitions) : "-") + " | " +
            (timed ? Printf("%.1f%%", 100 * e.cv) : "-") + " |\n";
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
  for (const CostProjection& p : projections) {
    text += "| " + Cell(p.kernel) + " | " + Cell(p.dataset) + " | " + Cell(p.implementation) +
            " | " + ScalingModelName(p.fit.model) + " | ";
    if (!p.fit.determined) {
      text += "underdetermined: " + std::to_string(p.fit.points) + " core count" +
              (p.fit.points == 1 ? "" : "s") + " measured, needs " +
              (p.fit.model == ScalingModel::kAmdahl ? "3" : "4") + " | " +
              Cell(p.baseline.implementation) + " | no projection | - |\n";
      continue;
    }
    const std::vector<double>& c = p.fit.coefficients;
    text += p.fit.model == ScalingModel::kAmdahl
                ? "T1 " + FormatSeconds(c[0] + c[1]) + ", serial " +
                      Printf("%.1f%%", 100 * p.fit.serial_fraction())
                : "T1 " + FormatSeconds(c[0]) + ", s " + Printf("%.3g", c[1] / c[0]) + ", k " +
                      Printf("%.3g", c[2] / c[0]);
    text +=
        " | " + Cell(p.baseline.implementation) + " " + FormatSeconds(p.baseline.seconds) + " | ";
    text +=
        p.crossing.crosses
            ? "projected " + Cores(p.crossing.cores) + " (" + FormatSeconds(p.crossing.seconds) +
                  ")" +
                  (p.crossing.cores <= p.max_measured_cores ? ", within the measured range" : "")
            : "never crosses (model's best " + FormatSeconds(p.crossing.best_seconds) + " at " +
                  Cores(p.crossing.best_cores) + ")";
    text += " | " + Printf("%.1f%%", 100 * p.fit.rms_relative_residual) + ":";
    for (double r : p.fit.relative_residuals) text += " " + Printf("%+.1f%%", 100 * r);
    text += " |\n";
  }
  return text;
}

}  // namespace cost::harness
