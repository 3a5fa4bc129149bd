// The report's answer: per (kernel, dataset) the COST in a sentence with its plot, the COST
// tables against the best single thread and against each baseline, and the companion plots.
#include <string>
#include <vector>

#include "harness/analysis/cost_per_baseline.h"
#include "harness/analysis/plain_summary.h"
#include "harness/report/report_sections.h"

namespace cost::harness {

std::string PlotFiles(const std::string& title, const std::string& stem) {
  return "![" + title + "](" + stem + ".svg)\n\n[PNG](" + stem + ".png) · [gnuplot script](" +
         stem + ".gp) · [data](" + stem + ".dat)\n";
}

// The answer first: per (kernel, dataset) the COST table in one sentence and its COST plot.
std::string SummarySection(const ReportInput& in) {
  std::string text =
      "## Summary\n\nEach kernel's best single thread, and whether and from how many cores "
      "each parallel implementation beats it. The plot shows every configuration's median "
      "against the single-threaded medians (dashed lines); circles mark each COST.\n";
  for (const CostGroup& g : in.groups) {
    text += "\n### " + GroupTitle(g.kernel, g.dataset) + "\n\n" + PlainSummary({g}).front() + "\n";
    for (const Plot& p : in.plots) {
      if (p.group == &g) text += "\n" + PlotFiles(GroupTitle(g.kernel, g.dataset), p.stem);
    }
  }
  return text;
}

std::string CostSection(const ReportInput& in) {
  std::string text = "\n## COST\n\nAgainst the best single thread of each kernel and dataset.\n";
  for (const CostGroup& g : in.groups) {
    text += "\n### " + GroupTitle(g.kernel, g.dataset) + "\n\n" + FormatCostGroupMarkdown(g);
  }
  return text + "\n" + CostTableLegend();
}

std::string CostAgainstEachBaselineSection(const ReportInput& in) {
  std::string text =
      "\n## COST against each baseline\n\nThe same rule with each single-threaded "
      "implementation in turn as the baseline (the paper's simple and optimised lines): "
      "*bounded* at the configuration shown, *not separable* within the noise, or "
      "*unbounded* with the best time and its ratio.\n";
  const std::vector<BaselineCost> costs = CostAgainstEachBaseline(in.results.measurements);
  if (costs.empty()) return text + "\n" + CostAgainstEachBaselineMarkdown(costs);
  for (const CostGroup& g : in.groups) {
    std::vector<BaselineCost> group;
    for (const BaselineCost& c : costs) {
      if (c.kernel == KernelName(g.kernel) && c.dataset == g.dataset) group.push_back(c);
    }
    if (group.empty()) continue;
    text += "\n### " + GroupTitle(g.kernel, g.dataset) + "\n\n" +
            CostAgainstEachBaselineMarkdown(group, /*group_columns=*/false);
  }
  return text;
}

// The companions of each COST plot (the summary shows the COST plots themselves).
std::string MorePlotsSection(const ReportInput& in) {
  std::string text = "\n## More plots\n";
  bool any = false;
  for (const Plot& p : in.plots) {
    if (p.speedup_stem.empty() && p.preparation_stem.empty()) continue;
    any = true;
    const std::string title = GroupTitle(p.group->kernel, p.group->dataset);
    text += "\n### " + title + "\n";
    if (!p.speedup_stem.empty()) {
      text +=
          "\nSpeed-up relative to each implementation's own 1-core time (left) and relative "
          "to the best single thread (right; below 1 it is slower than one thread):\n\n" +
          PlotFiles(title + ", speed-up", p.speedup_stem);
    }
    if (!p.preparation_stem.empty()) {
      text +=
          "\nPreparation time of each edge layout beside the best kernel times that read "
          "it:\n\n" +
          PlotFiles(title + ", preparation", p.preparation_stem);
    }
  }
  return any ? text : "";
}

}  // namespace cost::harness
