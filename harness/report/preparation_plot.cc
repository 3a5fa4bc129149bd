#include "harness/report/preparation_plot.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

#include "datasets/output_file.h"
#include "harness/analysis/cost_table.h"
#include "harness/analysis/table_cells.h"
#include "harness/core/format.h"
#include "harness/report/gnuplot.h"

namespace cost::harness {
namespace {

// The preparation steps of the row's layout, when the row recorded them (source and CSR, plus
// the Hilbert layouts for the layouts that read them); false leaves the row's total.
bool SplitPreparation(const Measurement& m, double* seconds) {
  if (!m.preparation_split) return false;
  *seconds = m.preparation_source_seconds + m.preparation_build_seconds;
  if (m.layout != datasets::EdgeLayout::kVertex) *seconds += m.preparation_layout_seconds;
  return true;
}

void Keep(const Measurement& m, std::string* name, double* seconds) {
  if (*seconds == 0 || m.median_seconds < *seconds) {
    *name = m.implementation;
    *seconds = m.median_seconds;
  }
}

// "serial:union-find 1.20 s", or "-" when no row read the layout.
std::string BestCell(const std::string& implementation, double seconds) {
  return implementation.empty() ? "-" : implementation + " " + FormatSeconds(seconds);
}

// A cluster of bars per layout (preparation, best single thread, best parallel), as SVG and PNG.
std::string PreparationScript(const std::string& kernel, const std::string& dataset,
                              const std::string& stem) {
  const std::string file = GnuplotQuote(stem + ".dat");
  std::string script =
      "# " + GnuplotComment(kernel + " on " + dataset) +
      ": preparation time beside kernel time per edge layout. Written by cost report.\n"
      "# Redraw with: gnuplot " +
      stem + ".gp\n\nset title " +
      GnuplotQuote("preparation vs kernel time: " + kernel + " on " + dataset) +
      "\nset style data histogram\nset style histogram cluster gap 1\nset style fill solid 0.8 "
      "border -1\nset boxwidth 0.9\nset ylabel 'seconds'\nset yrange [0:*]\nset datafile "
      "missing '-'\nset key top left box noenhanced\nset grid ytics lc rgb '#dddddd'\n";
  const std::string plot =
      "plot " + file + " using 2:xtic(1) title 'preparation' lc rgb '#aa5500'" + ", \\\n     " +
      file + " using 3 title 'best single thread' lc rgb '#222222', \\\n     " + file +
      " using 4 title 'best parallel' lc rgb '#0055aa'\n";
  script +=
      "\nset terminal svg size 640,400 font 'DejaVu Sans,11' background '#ffffff' "
      "noenhanced\nset output " +
      GnuplotQuote(stem + ".svg") + "\n" + plot +
      "\nset terminal pngcairo size 640,400 font 'DejaVu Sans,10' background '#ffffff' "
      "noenhanced\nset output " +
      GnuplotQuote(stem + ".png") + "\nreplot\nunset output\n";
  return script;
}

}  // namespace

std::vector<LayoutCost> LayoutCosts(const std::vector<Measurement>& rows) {
  std::map<std::tuple<std::string, std::string, std::string>, LayoutCost> by_key;
  for (const Measurement& m : rows) {
    if (!m.ok() || m.median_seconds <= 0) continue;
    const std::string layout = datasets::EdgeLayoutName(m.layout);
    LayoutCost& c = by_key[{std::string(KernelName(m.kernel)), CostGroupDataset(m), layout}];
    if (c.layout.empty()) {
      c.kernel = KernelName(m.kernel);
      c.dataset = CostGroupDataset(m);
      c.layout = layout;
      c.split = SplitPreparation(m, &c.preparation_seconds);
    }
    if (!c.split) c.preparation_seconds = std::max(c.preparation_seconds, m.preparation_seconds);
    if (m.kind == Kind::kSingleThreaded) {
      Keep(m, &c.best_single, &c.best_single_seconds);
    } else {
      Keep(m, &c.best_parallel, &c.best_parallel_seconds);
    }
  }
  std::vector<LayoutCost> out;
  for (auto& [key, c] : by_key) out.push_back(std::move(c));
  return out;
}

std::string LayoutCostsMarkdown(const std::vector<LayoutCost>& costs) {
  if (costs.empty()) return "No ok rows.\n";
  std::string text =
      "| kernel | dataset | layout | preparation | best single thread | best parallel | "
      "preparation / best kernel |\n| --- | --- | --- | ---: | --- | --- | ---: |\n";
  for (const LayoutCost& c : costs) {
    double best = c.best_single_seconds;
    if (c.best_parallel_seconds > 0 && (best == 0 || c.best_parallel_seconds < best)) {
      best = c.best_parallel_seconds;
    }
    text += MarkdownRow({c.kernel, c.dataset, c.layout,
                         FormatSeconds(c.preparation_seconds) + (c.split ? "" : " (file total)"),
                         BestCell(c.best_single, c.best_single_seconds),
                         BestCell(c.best_parallel, c.best_parallel_seconds),
                         best > 0 ? FormatRatio(c.preparation_seconds / best) : "-"});
  }
  return text +
         "\n*file total*: the row does not record its preparation steps, so its recorded "
         "preparation time (every layout the file holds) is shown.\n";
}

std::vector<std::string> WritePreparationPlot(const std::string& dir,
                                              const std::vector<LayoutCost>& costs,
                                              const std::string& kernel, const std::string& dataset,
                                              const std::string& stem) {
  std::string data = "# " + kernel + " on " + dataset +
                     ": preparation vs kernel seconds per layout. Written by cost report.\n"
                     "# layout preparation best_single_thread best_parallel\n";
  int entries = 0;
  for (const LayoutCost& c : costs) {
    if (c.kernel != kernel || c.dataset != dataset) continue;
    // A missing side is '-', which gnuplot's histogram leaves empty.
    data += c.layout + " " + GnuplotNumber(c.preparation_seconds) + " " +
            (c.best_single.empty() ? "-" : GnuplotNumber(c.best_single_seconds)) + " " +
            (c.best_parallel.empty() ? "-" : GnuplotNumber(c.best_parallel_seconds)) + "\n";
    ++entries;
  }
  if (entries == 0) return {};
  const std::filesystem::path out(dir);
  datasets::WriteFileAtomically((out / (stem + ".dat")).string(), data);
  datasets::WriteFileAtomically((out / (stem + ".gp")).string(),
                                PreparationScript(kernel, dataset, stem));
  RenderGnuplotScript(dir, stem + ".gp");
  return {stem + ".dat", stem + ".gp", stem + ".svg", stem + ".png"};
}

}  // namespace cost::harness
