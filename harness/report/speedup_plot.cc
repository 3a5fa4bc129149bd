#include "harness/report/speedup_plot.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include "harness/report/gnuplot.h"

namespace cost::harness {
namespace {

std::string Number(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.9g", value);
  return text;
}

void WriteText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) throw std::runtime_error(path.string() + ": cannot write");
}

// Best median per core count of one implementation's ok rows.
std::map<int, double> CurveOf(const ResultsFile& results, const CostGroup& g,
                              const std::string& implementation) {
  std::map<int, double> curve;
  for (const Measurement& m : results.measurements) {
    if (KernelName(m.kernel) != g.kernel || m.dataset != g.dataset ||
        m.implementation != implementation || !m.ok() || m.median_seconds <= 0) {
      continue;
    }
    auto [it, inserted] = curve.emplace(m.cores(), m.median_seconds);
    if (!inserted) it->second = std::min(it->second, m.median_seconds);
  }
  return curve;
}

}  // namespace

std::vector<std::string> WriteSpeedupPlot(const std::string& dir, const ResultsFile& results,
                                          const CostGroup& g, const std::string& stem) {
  if (g.baseline_seconds <= 0) return {};
  std::string data = "# " + g.kernel + " on " + g.dataset +
                     ": speed-up per configuration. Written by cost report.\n# best single "
                     "thread: " +
                     g.baseline_implementation + " " + Number(g.baseline_seconds) + " s\n";
  std::vector<std::string> titles;
  int max_cores = 1;
  for (const CostEntry& e : g.entries) {
    if (e.kind == "single-threaded" || e.status == "failed") continue;
    const std::map<int, double> curve = CurveOf(results, g, e.implementation);
    if (curve.empty()) continue;
    // Without a 1-core row there is no "own" speed-up; the column says so with NaN (not drawn).
    const double own = curve.count(1) ? curve.at(1) : 0;
    data += "\n\n# index " + std::to_string(titles.size()) + ": " + e.implementation +
            "\n# cores speedup_vs_itself speedup_vs_best_single_thread seconds\n";
    for (const auto& [cores, seconds] : curve) {
      data += std::to_string(cores) + " " + (own > 0 ? Number(own / seconds) : "NaN") + " " +
              Number(g.baseline_seconds / seconds) + " " + Number(seconds) + "\n";
      max_cores = std::max(max_cores, cores);
    }
    titles.push_back(e.implementation);
  }
  if (titles.empty()) return {};
  const std::filesystem::path out(dir);
  WriteText(out / (stem + ".dat"), data);

  const std::string file = GnuplotQuote(stem + ".dat");
  std::string panels[2];
  for (int panel = 0; panel < 2; ++panel) {
    std::string& p = panels[panel];
    p = "set title " +
        GnuplotQuote(panel == 0 ? "speed-up vs its own 1-core time"
                                : "speed-up vs the best single thread (" +
                                      g.baseline_implementation + ")") +
        "\nplot ";
    for (size_t i = 0; i < titles.size(); ++i) {
      p += file + " index " + std::to_string(i) + " using 1:" + (panel == 0 ? "2" : "3") +
           " with linespoints lw 2 pt 7 title " + GnuplotQuote(titles[i]) + ", \\\n     ";
    }
    // Left: the ideal linear speed-up. Right: 1 is the baseline; below it, slower than one thread.
    p += panel == 0 ? "x with lines dt 2 lc rgb '#888888' title 'linear'\n"
                    : "1 with lines dt 2 lw 2 lc rgb '#222222' title 'best single thread'\n";
  }
  const std::string range = "[0.8:" + Number(max_cores * 1.25) + "]";
  std::string script =
      "# " + g.kernel + " on " + g.dataset +
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
              GnuplotQuote(g.kernel + " on " + g.dataset) + "\n" + panels[0] + panels[1] +
              "unset multiplot\nunset output\n";
  }
  WriteText(out / (stem + ".gp"), script);
  RenderGnuplotScript(dir, stem + ".gp");
  return {stem + ".dat", stem + ".gp", stem + ".svg", stem + ".png"};
}

}  // namespace cost::harness
