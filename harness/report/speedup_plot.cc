#include "harness/report/speedup_plot.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "datasets/output_file.h"
#include "harness/report/gnuplot.h"

namespace cost::harness {
namespace {

// Best median per core count of one implementation's ok rows.
std::map<int, double> CurveOf(const ResultsFile& results, const CostGroup& g,
                              const std::string& implementation) {
  std::map<int, double> curve;
  for (const Measurement& m : results.measurements) {
    if (m.kernel != g.kernel || CostGroupDataset(m) != g.dataset ||
        m.implementation != implementation || !m.ok() || m.median_seconds <= 0) {
      continue;
    }
    auto [it, inserted] = curve.emplace(m.cores(), m.median_seconds);
    if (!inserted) it->second = std::min(it->second, m.median_seconds);
  }
  return curve;
}

// The data file: a block per parallel implementation with ok rows, and what the script needs.
struct SpeedupData {
  std::string text;
  std::vector<std::string> titles;  // block i's implementation
  int max_cores = 1;
};

SpeedupData SpeedupDataOf(const ResultsFile& results, const CostGroup& g) {
  SpeedupData data;
  data.text = "# " + std::string(KernelName(g.kernel)) + " on " + g.dataset +
              ": speed-up per configuration. Written by cost report.\n# best single thread: " +
              g.baseline_implementation + " " + GnuplotNumber(g.baseline_seconds) + " s\n";
  for (const CostEntry& e : g.entries) {
    if (e.kind == Kind::kSingleThreaded || e.status == CostStatus::kFailed) continue;
    const std::map<int, double> curve = CurveOf(results, g, e.implementation);
    if (curve.empty()) continue;
    // Without a 1-core row there is no "own" speed-up; the column says so with NaN (not drawn).
    const double own = curve.count(1) ? curve.at(1) : 0;
    data.text += "\n\n# index " + std::to_string(data.titles.size()) + ": " + e.implementation +
                 "\n# cores speedup_vs_itself speedup_vs_best_single_thread seconds\n";
    for (const auto& [cores, seconds] : curve) {
      data.text += std::to_string(cores) + " " + (own > 0 ? GnuplotNumber(own / seconds) : "NaN") +
                   " " + GnuplotNumber(g.baseline_seconds / seconds) + " " +
                   GnuplotNumber(seconds) + "\n";
      data.max_cores = std::max(data.max_cores, cores);
    }
    data.titles.push_back(e.implementation);
  }
  return data;
}

// Panel 0: speed-up against the implementation's own 1-core time, beside the linear ideal.
// Panel 1: speed-up against the best single thread, beside 1 (below it, slower than one thread).
std::string Panel(const CostGroup& g, const SpeedupData& data, const std::string& stem, int panel) {
  const std::string file = GnuplotQuote(stem + ".dat");
  std::string p = "set title " +
                  GnuplotQuote(panel == 0 ? "speed-up vs its own 1-core time"
                                          : "speed-up vs the best single thread (" +
                                                g.baseline_implementation + ")") +
                  "\nplot ";
  for (size_t i = 0; i < data.titles.size(); ++i) {
    p += file + " index " + std::to_string(i) + " using 1:" + (panel == 0 ? "2" : "3") +
         " with linespoints lw 2 pt 7 title " + GnuplotQuote(data.titles[i]) + ", \\\n     ";
  }
  p += panel == 0 ? "x with lines dt 2 lc rgb '#888888' title 'linear'\n"
                  : "1 with lines dt 2 lw 2 lc rgb '#222222' title 'best single thread'\n";
  return p;
}

// Both panels side by side, once as SVG and once as PNG.
std::string SpeedupScript(const CostGroup& g, const SpeedupData& data, const std::string& stem) {
  const std::string panels = Panel(g, data, stem, 0) + Panel(g, data, stem, 1);
  const std::string range = "[0.8:" + GnuplotNumber(data.max_cores * 1.25) + "]";
  std::string script =
      "# " + GnuplotComment(std::string(KernelName(g.kernel)) + " on " + g.dataset) +
      ": the paper's Figure 1 lesson. Written by cost report. Redraw with: gnuplot " + stem +
      ".gp\n\nset logscale x 2\nset xrange " + range +
      "\nset xlabel 'cores (threads x processes)'\nset ylabel 'speed-up'\nset yrange [0:*]\n"
      "set key top left box noenhanced\nset grid lc rgb '#dddddd'\n";
  for (const char* terminal :
       {"svg size 1000,420 font 'DejaVu Sans,11' background '#ffffff' noenhanced",
        "pngcairo size 1000,420 font 'DejaVu Sans,10' background '#ffffff' noenhanced"}) {
    const bool svg = std::string(terminal).starts_with("svg");
    script += std::string("\nset terminal ") + terminal + "\nset output " +
              GnuplotQuote(stem + (svg ? ".svg" : ".png")) + "\nset multiplot layout 1,2 title " +
              GnuplotQuote(std::string(KernelName(g.kernel)) + " on " + g.dataset) + "\n" + panels +
              "unset multiplot\nunset output\n";
  }
  return script;
}

}  // namespace

std::vector<std::string> WriteSpeedupPlot(const std::string& dir, const ResultsFile& results,
                                          const CostGroup& g, const std::string& stem) {
  if (g.baseline_seconds <= 0) return {};
  const SpeedupData data = SpeedupDataOf(results, g);
  if (data.titles.empty()) return {};
  const std::filesystem::path out(dir);
  datasets::WriteFileAtomically((out / (stem + ".dat")).string(), data.text);
  datasets::WriteFileAtomically((out / (stem + ".gp")).string(), SpeedupScript(g, data, stem));
  RenderGnuplotScript(dir, stem + ".gp");
  return {stem + ".dat", stem + ".gp", stem + ".svg", stem + ".png"};
}

}  // namespace cost::harness
