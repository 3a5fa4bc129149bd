// The COST plot's gnuplot script: log-log axes with tics a reader can use, the key below the plot,
// a line per parallel implementation and a dashed line per single-threaded median.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "datasets/output_file.h"
#include "harness/core/format.h"
#include "harness/report/cost_plot.h"
#include "harness/report/gnuplot.h"

namespace cost::harness {
namespace {

// Tics at 1, 2 and 5 per decade: log axes otherwise label only powers of ten, which leaves most
// plots of a few-fold speed-up with one or two numbers on the seconds axis.
std::string SecondsTics(const Plot& plot) {
  double lo = HUGE_VAL, hi = 0;
  for (const Series& s : plot.series) {
    for (const Measurement* m : s.rows) {
      lo = std::min({lo, m->median_seconds, m->min_seconds > 0 ? m->min_seconds : lo});
      hi = std::max({hi, m->median_seconds, m->max_seconds});
    }
  }
  for (const BaselineLine& b : plot.group->single_threaded) {
    lo = std::min(lo, b.seconds);
    hi = std::max(hi, b.seconds);
  }
  if (!(lo > 0) || hi / lo > 1e3) return "";  // many decades: gnuplot's decade tics read better
  std::string tics;
  for (double decade = std::pow(10, std::floor(std::log10(lo)) - 1); decade <= hi * 10;
       decade *= 10) {
    for (double step : {1, 2, 5}) {
      double tic = step * decade;
      if (tic >= lo / 1.3 && tic <= hi * 1.3) {
        tics += (tics.empty() ? "" : ", ") + Printf("%g", tic);
      }
    }
  }
  return "set ytics (" + tics + ")\nset format y '%g'\n";
}

std::string ScriptAxes(const Plot& plot) {
  double lo = plot.cores.front() / 1.5, hi = plot.cores.back() * 1.5;
  std::string text = "set xlabel 'cores (threads x processes)'\n";
  text += "set ylabel 'seconds (median; bars: min to max)'\n";
  text += "set logscale x 2\nset logscale y 10\n";
  text += "set xrange [" + Printf("%g", lo) + ":" + Printf("%g", hi) + "]\n";
  if (plot.cores.size() <= 12) {  // label exactly the measured core counts
    text += "set xtics (";
    for (size_t i = 0; i < plot.cores.size(); ++i) {
      text += (i ? ", " : "") + std::to_string(plot.cores[i]);
    }
    text += ")\n";
  }
  text += "set autoscale yfix\nset offsets 0, 0, graph 0.08, graph 0.08\n";
  text += SecondsTics(plot);
  text += "set grid xtics ytics lc rgb '#dddddd'\n";
  return text;
}

// The key goes under the plot so long implementation names never cover data, one entry per
// row (labels as long as "system:algorithm (algorithm), 1 thread" leave room for one column
// only); the bottom margin grows with its rows because gnuplot would otherwise draw the key over
// the x label.
std::string ScriptKey(const Plot& plot) {
  const size_t rows =
      plot.series.size() + plot.group->single_threaded.size() + (plot.cost_points.empty() ? 0 : 1);
  return "set key below center maxcols 1 box\nset bmargin " + std::to_string(5 + rows) +
         "\nset bars small\n";
}

// "openmp:pagerank-pull" already names its algorithm; otherwise say which one it ran.
std::string SeriesTitle(const std::string& implementation, const std::string& algorithm) {
  bool named =
      implementation.size() > algorithm.size() && implementation.ends_with(":" + algorithm);
  return named || algorithm.empty() ? implementation : implementation + " (" + algorithm + ")";
}

// Each single-threaded median is a dashed horizontal line, labelled on the line and in the key.
// Returns the variable and label settings; appends the lines to *terms.
std::string BaselineSettings(const CostGroup& g, std::vector<std::string>* terms) {
  static const char* kColours[] = {"#222222", "#888888", "#aa5500", "#0055aa"};
  std::string text;
  for (size_t i = 0; i < g.single_threaded.size(); ++i) {
    const BaselineLine& b = g.single_threaded[i];
    std::string var = "baseline_" + std::to_string(i + 1);
    std::string colour = "'" + std::string(kColours[i % 4]) + "'";
    std::string label = b.implementation + " " + FormatSeconds(b.seconds);
    std::string title = SeriesTitle(b.implementation, b.algorithm) + ", 1 thread";
    text += var + " = " + GnuplotNumber(b.seconds) + "  # " + b.implementation + "\n";
    text += "set label " + std::to_string(i + 1) + " " + GnuplotQuote(label) +
            " at graph 0.98, "
            "first " +
            var + " right offset 0,0.6 front textcolor rgb " + colour + "\n";
    terms->push_back(var + " with lines dt " + std::to_string(i + 2) + " lw 2 lc rgb " + colour +
                     " title " + GnuplotQuote(title));
  }
  return text;
}

std::vector<std::string> SeriesTerms(const Plot& plot) {
  std::string data = GnuplotQuote(plot.stem + ".dat");
  std::vector<std::string> terms;
  for (size_t i = 0; i < plot.series.size(); ++i) {
    const Series& s = plot.series[i];
    terms.push_back(data + " index " + std::to_string(i) +
                    " using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title " +
                    GnuplotQuote(SeriesTitle(s.implementation, s.algorithm)));
  }
  if (!plot.cost_points.empty()) {
    terms.push_back(data + " index " + std::to_string(plot.series.size()) +
                    " using 1:2 with points pt 6 ps 2.5 lw 2 lc rgb 'black' title 'COST point'");
  }
  return terms;
}

}  // namespace

void WriteCostPlotScript(const std::filesystem::path& path, const Plot& plot) {
  std::string text =
      "# " + GnuplotComment(GroupTitle(plot.group->kernel, plot.group->dataset)) +
      ": median seconds vs cores, log-log; dashed lines are single-threaded medians.\n"
      "# Written by cost report. Redraw with: gnuplot " +
      plot.stem + ".gp\n\n";
  text += "set title " + GnuplotQuote(GroupTitle(plot.group->kernel, plot.group->dataset)) + "\n";
  text += ScriptAxes(plot) + ScriptKey(plot);
  std::vector<std::string> terms = SeriesTerms(plot);
  text += BaselineSettings(*plot.group, &terms);
  text += "\nset terminal svg size 800,500 font 'DejaVu Sans,11' background '#ffffff' noenhanced\n";
  text += "set output " + GnuplotQuote(plot.stem + ".svg") + "\nplot ";
  for (size_t i = 0; i < terms.size(); ++i) text += (i ? ", \\\n     " : "") + terms[i];
  text += "\n";
  text +=
      "\nset terminal pngcairo size 800,500 font 'DejaVu Sans,10' background '#ffffff' "
      "noenhanced\n";
  text += "set output " + GnuplotQuote(plot.stem + ".png") + "\nreplot\nunset output\n";
  datasets::WriteFileAtomically(path.string(), text);
}

}  // namespace cost::harness
