#include "harness/report/cost_plot.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

#include "datasets/output_file.h"
#include "harness/report/gnuplot.h"
#include "harness/report/report.h"

namespace cost::harness {
namespace {

Series SeriesOf(const ResultsFile& results, const CostGroup& g, const CostEntry& e) {
  Series s{e.implementation, e.algorithm, {}};
  for (const Measurement& m : results.measurements) {
    // Log axes cannot show a zero time; such a row would only make gnuplot complain.
    if (m.kernel == g.kernel && CostGroupDataset(m) == g.dataset &&
        m.implementation == e.implementation && m.ok() && m.median_seconds > 0) {
      s.rows.push_back(&m);
    }
  }
  std::stable_sort(s.rows.begin(), s.rows.end(), [](const Measurement* a, const Measurement* b) {
    return std::make_tuple(a->cores(), a->procs) < std::make_tuple(b->cores(), b->procs);
  });
  return s;
}

Plot PlanPlot(const ResultsFile& results, const CostGroup& g) {
  Plot plot;
  plot.group = &g;
  plot.stem = PlotStem(std::string(KernelName(g.kernel)), g.dataset);
  std::set<int> cores;
  if (!g.single_threaded.empty()) cores.insert(1);
  for (const CostEntry& e : g.entries) {
    if (e.kind == Kind::kSingleThreaded || e.status == CostStatus::kFailed) continue;
    Series s = SeriesOf(results, g, e);
    if (s.rows.empty()) continue;
    for (const Measurement* m : s.rows) cores.insert(m->cores());
    plot.series.push_back(std::move(s));
    if (e.status == CostStatus::kBounded) plot.cost_points.push_back(&e);
  }
  plot.cores.assign(cores.begin(), cores.end());
  return plot;
}

}  // namespace

std::string GroupTitle(Kernel kernel, const std::string& dataset) {
  return std::string(KernelName(kernel)) + " on " + dataset;
}

std::vector<Plot> PlanPlots(const ResultsFile& results, const std::vector<CostGroup>& groups) {
  std::vector<Plot> plots;
  std::set<std::string> stems;
  for (const CostGroup& g : groups) {
    Plot plot = PlanPlot(results, g);
    if (plot.series.empty() && g.single_threaded.empty()) continue;  // nothing to draw
    // Two names that sanitise alike ("a b", "a_b") must not overwrite each other's files.
    std::string stem = plot.stem;
    for (int n = 2; !stems.insert(plot.stem).second; ++n) {
      plot.stem = stem + "-" + std::to_string(n);
    }
    plots.push_back(std::move(plot));
  }
  return plots;
}

void WriteCostPlotData(const std::filesystem::path& path, const Plot& plot) {
  std::string text = "# " + GroupTitle(plot.group->kernel, plot.group->dataset) +
                     ": median, min and max seconds per configuration. Written by cost report.\n";
  for (const BaselineLine& b : plot.group->single_threaded) {
    text += "# single-threaded " + b.implementation + " (" + b.algorithm +
            "): " + GnuplotNumber(b.seconds) + " s\n";
  }
  for (size_t i = 0; i < plot.series.size(); ++i) {
    const Series& s = plot.series[i];
    text += "\n\n# index " + std::to_string(i) + ": " + s.implementation + " (" + s.algorithm +
            ")\n# cores median_seconds min_seconds max_seconds threads procs\n";
    for (const Measurement* m : s.rows) {
      // A row without min/max (0) gets no bar rather than one down to 0 on a log axis.
      double lo = m->min_seconds > 0 ? m->min_seconds : m->median_seconds;
      double hi = m->max_seconds > 0 ? m->max_seconds : m->median_seconds;
      text += std::to_string(m->cores()) + " " + GnuplotNumber(m->median_seconds) + " " +
              GnuplotNumber(lo) + " " + GnuplotNumber(hi) + " " + std::to_string(m->threads) + " " +
              std::to_string(m->procs) + "\n";
    }
  }
  if (!plot.cost_points.empty()) {
    text += "\n\n# index " + std::to_string(plot.series.size()) +
            ": COST points (fewest cores that beat the baseline)\n# cores seconds\n";
    for (const CostEntry* e : plot.cost_points) {
      text += std::to_string(e->cost_cores) + " " + GnuplotNumber(e->seconds_at_cost) + "  # " +
              e->implementation + "\n";
    }
  }
  datasets::WriteFileAtomically(path.string(), text);
}

}  // namespace cost::harness
