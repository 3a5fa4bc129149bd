#include "harness/report/paper_figure.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <stdexcept>

#include "datasets/output_file.h"
#include "harness/analysis/paper_tables.h"
#include "harness/core/format.h"
#include "harness/report/gnuplot.h"

namespace cost::harness {
namespace {

namespace fs = std::filesystem;

// Control characters would end a gnuplot command or a data line.
std::string Printable(const std::string& text) {
  std::string s = text;
  for (char& c : s) {
    if (std::iscntrl(static_cast<unsigned char>(c))) c = ' ';
  }
  return s;
}

// A data-file string column: double-quoted, so no double quote inside.
std::string DataString(const std::string& text) {
  std::string s = Printable(text);
  std::replace(s.begin(), s.end(), '"', '\'');
  return "\"" + s + "\"";
}

// The published rows of one kernel's tables with a time in `column`.
std::vector<FigurePoint> PointsOf(const nlohmann::json& published, const std::string& kernel,
                                  const std::string& column) {
  std::vector<FigurePoint> points;
  for (const PaperTable& t : PaperTables(published, {})) {
    if (t.kernel != kernel) continue;
    const auto c =
        std::find_if(t.columns.begin(), t.columns.end(),
                     [&column](const PaperColumn& pc) { return pc.published == column; });
    if (c == t.columns.end()) continue;
    for (const PaperRow& r : t.rows) {
      const PaperCell& cell = r.published[static_cast<size_t>(c - t.columns.begin())];
      if (!cell.present || cell.seconds <= 0) continue;
      points.push_back({r.system, t.id, r.cores, cell.seconds, cell.at_least});
    }
  }
  return points;
}

// The best ok single-threaded median per (order, storage) of `kernel` on `dataset`.
std::vector<FigureLine> LinesOf(const std::vector<Measurement>& rows, Kernel kernel,
                                const std::string& dataset) {
  std::map<std::pair<std::string, std::string>, FigureLine> best;
  for (const Measurement& m : rows) {
    if (m.kernel != kernel || m.dataset != dataset || m.kind != Kind::kSingleThreaded || !m.ok() ||
        m.median_seconds <= 0) {
      continue;
    }
    const auto key = std::make_pair(OrderOf(m), StorageOf(m));
    auto [it, inserted] = best.try_emplace(key);
    if (inserted || m.median_seconds < it->second.seconds) {
      it->second = {key.first, key.second, m.implementation, m.median_seconds};
    }
  }
  std::vector<FigureLine> lines;
  for (auto& [key, line] : best) lines.push_back(line);
  return lines;
}

// The measured datasets standing in for each published column, in the order first seen.
std::vector<std::pair<std::string, std::string>> StandIns(const std::vector<Measurement>& rows) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const Measurement& m : rows) {
    const std::pair<std::string, std::string> p{PublishedColumnOf(m.dataset), m.dataset};
    if (!p.first.empty() && std::find(pairs.begin(), pairs.end(), p) == pairs.end()) {
      pairs.push_back(p);
    }
  }
  return pairs;
}

std::string PointLabel(const FigurePoint& p) {
  return p.system + (p.at_least ? " >= " : " ") + FormatSeconds(p.seconds);
}

std::string LineTitle(const FigureLine& l) {
  return "this run, 1 thread, " + l.order + " order, " + (l.storage == "disk" ? "disk" : "RAM") +
         ": " + l.implementation + " " + FormatSeconds(l.seconds);
}

std::string LineStyle(const FigureLine& l) {
  const std::string color = l.order == "vertex" ? "'#1f5fa8'" : "'#1e8449'";
  return std::string(" with lines lw 2 dt ") + (l.storage == "disk" ? "2" : "1") + " lc rgb " +
         color;
}

// Where each point's label goes: beside its point, moved down just enough that labels of points
// at the same core count (the paper's single threads: 300, 275, 242 s) keep `gap` decades apart.
std::vector<double> LabelHeights(const std::vector<FigurePoint>& points, double gap) {
  std::vector<size_t> order(points.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&points](size_t a, size_t b) {
    return std::make_pair(points[a].cores, -points[a].seconds) <
           std::make_pair(points[b].cores, -points[b].seconds);
  });
  std::vector<double> heights(points.size());
  for (size_t k = 0; k < order.size(); ++k) {
    const FigurePoint& p = points[order[k]];
    double h = p.seconds;
    if (k > 0 && points[order[k - 1]].cores == p.cores) {
      h = std::min(h, heights[order[k - 1]] / std::pow(10.0, gap));
    }
    heights[order[k]] = h;
  }
  return heights;
}

// The smallest and largest time drawn.
std::pair<double, double> TimeRange(const PaperFigure& f) {
  double low = 1e300, high = 0;
  for (const FigurePoint& p : f.points) {
    low = std::min(low, p.seconds);
    high = std::max(high, p.seconds);
  }
  for (const FigureLine& l : f.lines) {
    low = std::min(low, l.seconds);
    high = std::max(high, l.seconds);
  }
  return {low, high};
}

// Log-log axes from 0.7 to 256 cores and a factor of 3 around the times, titles and key.
std::string Axes(const PaperFigure& f, double low, double high) {
  return "set logscale xy\nset xrange [0.7:256]\nset yrange [" + GnuplotNumber(low / 3) + ":" +
         GnuplotNumber(high * 3) + "]\nset xlabel 'cores'\nset ylabel " +
         GnuplotQuote(
             Printable("seconds (" + f.published + " published, " + f.dataset + " measured)")) +
         "\nset title " +
         GnuplotQuote(Printable(f.kernel + ": the paper's systems on " + f.published +
                                " against one thread of this machine on " + f.dataset)) +
         "\nset key outside bottom center vertical box noenhanced\nset grid lc rgb '#dddddd'\n";
}

// A label beside each published point: its system and seconds.
std::string PointLabels(const PaperFigure& f, double low, double high) {
  // About one line of 11-point text on the plot's ~440 pixels of height.
  const std::vector<double> heights =
      LabelHeights(f.points, std::log10(high * 3 / (low / 3)) * 15 / 440);
  std::string s;
  for (size_t i = 0; i < f.points.size(); ++i) {
    const FigurePoint& p = f.points[i];
    s += "set label " + std::to_string(i + 1) + " " + GnuplotQuote(Printable(PointLabel(p))) +
         " at " + std::to_string(p.cores) + "," + GnuplotNumber(heights[i]) +
         " offset char 0.8,0.5 font ',9' noenhanced\n";
  }
  return s;
}

// The plot command: the data blocks PaperFigureData wrote (only those it wrote), then the lines.
std::string PlotCommand(const PaperFigure& f, const std::string& stem) {
  const auto has = [&f](bool many) {
    return std::any_of(f.points.begin(), f.points.end(),
                       [many](const FigurePoint& p) { return (p.cores > 1) == many; });
  };
  const std::string file = GnuplotQuote(stem + ".dat");
  std::vector<std::string> terms;
  int index = 0;
  if (has(true)) {
    terms.push_back(
        file + " index " + std::to_string(index++) +
        " using 1:2 with points pt 7 ps 1.4 lc rgb '#c0392b' title 'published systems'");
  }
  if (has(false)) {
    terms.push_back(file + " index " + std::to_string(index++) +
                    " using 1:2 with points pt 5 ps 1.2 lc rgb '#7d3c98' title 'published single "
                    "threads (the paper''s laptop)'");
  }
  for (const FigureLine& l : f.lines) {
    terms.push_back(GnuplotNumber(l.seconds) + LineStyle(l) + " title " +
                    GnuplotQuote(Printable(LineTitle(l))));
  }
  std::string plot = "plot ";
  for (size_t i = 0; i < terms.size(); ++i) plot += (i ? ", \\\n     " : "") + terms[i];
  return plot + "\n";
}

// The whole script after its comment: once into SVG, once into PNG.
std::string ScriptBody(const PaperFigure& f, const std::string& stem) {
  const auto [low, high] = TimeRange(f);
  return Axes(f, low, high) + PointLabels(f, low, high) +
         "\nset terminal svg size 900,640 font 'DejaVu Sans,11' background '#ffffff' "
         "noenhanced\nset output " +
         GnuplotQuote(stem + ".svg") + "\n" + PlotCommand(f, stem) +
         "\nset terminal pngcairo size 900,640 font 'DejaVu Sans,10' background '#ffffff' "
         "noenhanced\nset output " +
         GnuplotQuote(stem + ".png") + "\nreplot\nunset output\n";
}

}  // namespace

std::vector<PaperFigure> PaperFigures(const nlohmann::json& published,
                                      const std::vector<Measurement>& rows) {
  std::vector<std::string> kernels;
  for (const PaperTable& t : PaperTables(published, {})) {
    if (std::find(kernels.begin(), kernels.end(), t.kernel) == kernels.end()) {
      kernels.push_back(t.kernel);
    }
  }
  std::vector<PaperFigure> figures;
  for (const std::string& kernel_name : kernels) {
    Kernel kernel;
    if (!ParseKernel(kernel_name, &kernel)) continue;
    for (const auto& [column, dataset] : StandIns(rows)) {
      PaperFigure f{kernel_name, column, dataset, PointsOf(published, kernel_name, column),
                    LinesOf(rows, kernel, dataset)};
      if (!f.lines.empty()) figures.push_back(std::move(f));
    }
  }
  return figures;
}

std::string PaperFigureStem(const PaperFigure& f) {
  std::string stem = "paper-figure-" + f.kernel + "-" + f.dataset;
  for (char& c : stem) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') c = '_';
  }
  return stem;
}

std::string PaperFigureData(const PaperFigure& f) {
  std::string text = "# " + Printable(f.kernel) + ": published seconds on " +
                     Printable(f.published) + " and this run's single threads on " +
                     Printable(f.dataset) + ". Written by cost report.\n";
  for (const FigureLine& l : f.lines) {
    text += "# line: " + l.order + " " + l.storage + " " + Printable(l.implementation) + " " +
            GnuplotNumber(l.seconds) + "\n";
  }
  for (const bool many : {true, false}) {
    std::string block;
    for (const FigurePoint& p : f.points) {
      if ((p.cores > 1) != many) continue;
      block += std::to_string(p.cores) + " " + GnuplotNumber(p.seconds) + " " +
               (p.at_least ? "1" : "0") + " " + DataString(p.system) + "\n";
    }
    if (block.empty()) continue;
    text += std::string("\n\n# ") + (many ? "published systems" : "published single threads") +
            ": cores seconds at_least system\n" + block;
  }
  return text;
}

std::string PaperFigureScript(const PaperFigure& f, const std::string& stem) {
  return "# The paper's picture for " + Printable(f.kernel) + ": published systems (points) and " +
         "this run's single threads (lines). Written by cost report. Redraw with: gnuplot " + stem +
         ".gp\n\n" + ScriptBody(f, stem);
}

PaperFigureFiles WritePaperFigures(const std::string& dir, const nlohmann::json& published,
                                   const std::vector<Measurement>& rows) {
  PaperFigureFiles files;
  for (const PaperFigure& f : PaperFigures(published, rows)) {
    const std::string stem = PaperFigureStem(f);
    datasets::WriteFileAtomically((fs::path(dir) / (stem + ".dat")).string(), PaperFigureData(f));
    datasets::WriteFileAtomically((fs::path(dir) / (stem + ".gp")).string(),
                                  PaperFigureScript(f, stem));
    RenderGnuplotScript(dir, stem + ".gp");
    for (const char* ext : {".dat", ".gp", ".svg", ".png"}) files.names.push_back(stem + ext);
    files.stems.push_back(stem);
    const std::string title = f.kernel + ": " + f.published + " (published) and " + f.dataset;
    files.markdown += "\n### " + title + "\n\n![" + title + "](" + stem + ".svg)\n\n[PNG](" + stem +
                      ".png) · [gnuplot script](" + stem + ".gp) · [data](" + stem + ".dat)\n";
  }
  if (!files.markdown.empty()) {
    files.markdown =
        "\n## The paper's systems against one thread\n\nEach published system at its cores "
        "against its published seconds, and this run's best single thread in each edge order "
        "and storage as a horizontal line: a point above a line is a system one thread of this "
        "machine beats, at whatever core count.\n" +
        files.markdown;
  }
  return files;
}

}  // namespace cost::harness
