#include "harness/report/report.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <set>
#include <tuple>

#include "datasets/output_file.h"
#include "harness/analysis/cost_per_baseline.h"
#include "harness/analysis/cost_table.h"
#include "harness/analysis/plain_summary.h"
#include "harness/analysis/preparation_cost.h"
#include "harness/analysis/single_thread_comparisons.h"
#include "harness/analysis/table_cells.h"
#include "harness/core/format.h"
#include "harness/machine/machine_limits.h"
#include "harness/report/gnuplot.h"
#include "harness/report/markdown_html.h"
#include "harness/report/paper_figure.h"
#include "harness/report/preparation_plot.h"
#include "harness/report/report_folder.h"
#include "harness/report/speedup_plot.h"

namespace cost::harness {
namespace {

namespace fs = std::filesystem;

// One parallel implementation's line in a plot: its ok rows, fewest cores first.
struct Series {
  std::string implementation;
  std::string algorithm;
  std::vector<const Measurement*> rows;
};

// What one plot shows; built from the COST table so plot and table always agree.
struct Plot {
  const CostGroup* group = nullptr;
  std::string stem;                           // "pagerank-kron-18"
  std::vector<Series> series;                 // data blocks 0 .. series.size() - 1
  std::vector<const CostEntry*> cost_points;  // bounded entries; the block after the series
  std::vector<int> cores;  // distinct cores measured (and 1 when a baseline exists)
  // Names of the companion plots written beside it; empty when there was nothing to draw.
  std::string speedup_stem, preparation_stem;
};

// What every section of the report is made from.
struct ReportInput {
  const ResultsFile& results;
  const std::vector<CostGroup>& groups;
  const std::vector<Plot>& plots;
  const std::string& paper_figures;     // the paper's figure section, empty without one
  const std::vector<LinkModel>& links;  // the links multiprocess rows are projected onto
};

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Series SeriesOf(const ResultsFile& results, const CostGroup& g, const CostEntry& e) {
  Series s{e.implementation, e.algorithm, {}};
  for (const Measurement& m : results.measurements) {
    // Log axes cannot show a zero time; such a row would only make gnuplot complain.
    if (m.kernel == g.kernel && m.dataset == g.dataset && m.implementation == e.implementation &&
        m.ok() && m.median_seconds > 0) {
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

// gnuplot blocks (separated by two blank lines, addressed with `index N`): one per parallel
// implementation, then one holding the COST points.
void WriteDataFile(const fs::path& path, const Plot& plot) {
  std::string text = "# " + std::string(KernelName(plot.group->kernel)) + " on " +
                     plot.group->dataset +
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

void WritePlotScript(const fs::path& path, const Plot& plot) {
  std::string text =
      "# " +
      GnuplotComment(std::string(KernelName(plot.group->kernel)) + " on " + plot.group->dataset) +
      ": median seconds vs cores, log-log; dashed lines are single-threaded medians.\n"
      "# Written by cost report. Redraw with: gnuplot " +
      plot.stem + ".gp\n\n";
  text += "set title " +
          GnuplotQuote(std::string(KernelName(plot.group->kernel)) + " on " + plot.group->dataset) +
          "\n";
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

// The kernel's "32K", "2048K", "307200K" as "32 KiB", "2 MiB", "300 MiB"; other text unchanged.
std::string CacheSizeText(const std::string& size) {
  size_t digits = 0;
  while (digits < size.size() && std::isdigit(static_cast<unsigned char>(size[digits]))) ++digits;
  const std::string suffix = size.substr(digits);
  if (digits == 0 || digits > 12 || (suffix != "K" && suffix != "M")) return size;
  const uint64_t kib = std::stoull(size.substr(0, digits)) * (suffix == "M" ? 1024 : 1);
  if (kib >= 1024 && kib % 1024 == 0) return std::to_string(kib / 1024) + " MiB";
  return std::to_string(kib) + " KiB";
}

// "L1d 48 KiB, L1i 32 KiB, L2 2 MiB, L3 300 MiB" from the machine's cache list (machine_info.cc);
// the JSON as it is when it is not such a list.
std::string CachesText(const nlohmann::json& caches) {
  std::string text;
  try {
    for (const nlohmann::json& c : caches) {
      const std::string type = c.value("type", "");
      const std::string kind = type == "Data" ? "d" : type == "Instruction" ? "i" : "";
      text += (text.empty() ? "L" : ", L") + std::to_string(c.value("level", 0)) + kind + " " +
              CacheSizeText(c.value("size", ""));
    }
  } catch (const nlohmann::json::exception&) {
    return caches.dump();
  }
  return caches.is_array() && !text.empty() ? text : caches.dump();
}

// Known fields first, in a fixed order and with readable labels; then any others by name.
std::string MetadataList(const nlohmann::json& object,
                         const std::vector<std::pair<std::string, std::string>>& known) {
  if (!object.is_object()) {
    return object.is_null() ? "- (not recorded)\n" : "- " + object.dump() + "\n";
  }
  auto value_text = [](const std::string& key, const nlohmann::json& v) -> std::string {
    if (key == "memory_bytes" && v.is_number()) {
      return FormatGiB(v.get<double>(), 1) + " (" + v.dump() + " bytes)";
    }
    if (key == "caches") return CachesText(v);
    return v.is_string() ? v.get<std::string>() : v.dump();
  };
  std::string text;
  std::set<std::string> done;
  for (const auto& [key, label] : known) {
    if (!object.contains(key)) continue;
    text += "- " + label + ": " + value_text(key, object[key]) + "\n";
    done.insert(key);
  }
  for (const auto& [key, value] : object.items()) {
    if (key == "limits") continue;  // its own table: LimitsSection
    if (!done.count(key)) text += "- " + key + ": " + value_text(key, value) + "\n";
  }
  return text.empty() ? "- (not recorded)\n" : text;
}

// The machine's measured limits (`cost machine`), which every "of limit" figure is relative to.
std::string LimitsSection(const nlohmann::json& machine) {
  if (!machine.is_object() || !machine.contains("limits")) return "";
  MachineLimits m;
  try {
    m = MachineLimitsFromJson(machine["limits"]);
  } catch (const std::exception& e) {
    return "\n### Limits\n\n- (unreadable: " + std::string(e.what()) + ")\n";
  }
  std::string text = "\n### Limits\n\nMeasured by `cost machine` on " + m.measured +
                     "; the cost model (harness/machine/cost_model.h) judges every row against "
                     "them.\n\n| test | 1 core | " +
                     std::to_string(m.all_threads) + " threads |\n| --- | ---: | ---: |\n";
  auto row = [&](const std::string& name, double one, double all, double unit, const char* suffix) {
    text += "| " + name + " | " + Printf("%.1f ", one / unit) + suffix + " | " +
            Printf("%.1f ", all / unit) + suffix + " |\n";
  };
  row("sequential read", m.one_core.read_bytes_per_second, m.all_cores.read_bytes_per_second, 1e9,
      "GB/s");
  row("triad", m.one_core.triad_bytes_per_second, m.all_cores.triad_bytes_per_second, 1e9, "GB/s");
  row(Printf("4-byte gathers from %.0f KiB", m.l2_array_bytes / 1024.0),
      m.one_core.l2_gathers_per_second, m.all_cores.l2_gathers_per_second, 1e6, "M/s");
  row(Printf("4-byte gathers from %.0f MiB", m.l3_array_bytes / 1048576.0),
      m.one_core.l3_gathers_per_second, m.all_cores.l3_gathers_per_second, 1e6, "M/s");
  row(Printf("4-byte gathers from %.0f MiB", m.dram_array_bytes / 1048576.0),
      m.one_core.dram_gathers_per_second, m.all_cores.dram_gathers_per_second, 1e6, "M/s");
  if (m.disk_read_bytes_per_second > 0) {  // one device, whatever the cores: the limit of disk rows
    text += "| disk sequential read (" + MarkdownCell(m.disk_read_method + ", " + m.disk_dir) +
            ") | " + Printf("%.2f GB/s", m.disk_read_bytes_per_second / 1e9) + " | - |\n";
  }
  return text;
}

std::string MachineAndBuild(const ResultsFile& results) {
  std::string text =
      "Measured: " + (results.created.empty() ? "(date not recorded)" : results.created) + "\n\n";
  text += "### Machine\n\n" + MetadataList(results.machine, {{"cpu_model", "CPU"},
                                                             {"physical_cores", "physical cores"},
                                                             {"logical_cpus", "logical CPUs"},
                                                             {"memory_bytes", "memory"},
                                                             {"caches", "caches"},
                                                             {"kernel", "kernel"},
                                                             {"os", "OS"},
                                                             {"hostname", "host"}});
  text += LimitsSection(results.machine);
  text += "\n### Build\n\n" + MetadataList(results.build, {{"compiler", "compiler"},
                                                           {"build_type", "build type"},
                                                           {"flags", "flags"},
                                                           {"git_revision", "git revision"}});
  return text;
}

// An inline figure and links to its PNG, script and data.
std::string PlotFiles(const std::string& title, const std::string& stem) {
  return "![" + title + "](" + stem + ".svg)\n\n[PNG](" + stem + ".png) · [gnuplot script](" +
         stem + ".gp) · [data](" + stem + ".dat)\n";
}

// The companions of each COST plot (the summary shows the COST plots themselves).
std::string MorePlotsSection(const ReportInput& in) {
  std::string text = "\n## More plots\n";
  bool any = false;
  for (const Plot& p : in.plots) {
    if (p.speedup_stem.empty() && p.preparation_stem.empty()) continue;
    any = true;
    std::string title = std::string(KernelName(p.group->kernel)) + " on " + p.group->dataset;
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

std::vector<const Measurement*> SortedMeasurements(const ResultsFile& results) {
  std::vector<const Measurement*> rows;
  for (const Measurement& m : results.measurements) rows.push_back(&m);
  std::stable_sort(rows.begin(), rows.end(), [](const Measurement* a, const Measurement* b) {
    return std::make_tuple(KernelName(a->kernel), a->dataset, a->implementation, a->cores(),
                           a->procs) < std::make_tuple(KernelName(b->kernel), b->dataset,
                                                       b->implementation, b->cores(), b->procs);
  });
  return rows;
}

// "from disk, 1.2 GB read per repetition at 0.45 GB/s": where a row's sections were and what it
// read (storage_fields.h); the rows of one implementation under both storage modes differ here.
std::string StorageNote(const Measurement& m) {
  std::string note = m.storage.empty()    ? "storage not controlled"
                     : m.storage == "ram" ? "from RAM"
                                          : "from disk";
  if (m.bytes_read > 0) {
    note += Printf(", %.3g GB read per repetition at %.3g GB/s", m.bytes_read / 1e9,
                   m.read_bytes_per_second / 1e9);
  }
  return note;
}

// Flags a reader must see beside a row's numbers.
std::string RowNotes(const Measurement& m) {
  std::vector<std::string> notes;
  if (m.oversubscribed) notes.push_back("oversubscribed (more workers than CPUs)");
  if (m.ok() && m.high_spread) notes.push_back("high spread");
  if (m.timing == Timing::kReported) notes.push_back("time reported by the system");
  if (m.timing == Timing::kProcessWall) notes.push_back("whole-process wall time");
  if (!m.storage.empty() || m.bytes_read > 0) notes.push_back(StorageNote(m));
  std::string text;
  for (const std::string& n : notes) text += (text.empty() ? "" : "; ") + n;
  return text;
}

// "61% (gather-bound)": the median against the cost model's limit on this machine; "-" when the
// machine's limits were not measured.
std::string FractionOfLimit(const Measurement& m) {
  if (m.limit_seconds <= 0) return "-";
  return Printf("%.0f%%", 100 * m.fraction_of_limit) +
         (m.limit_bound.empty() ? "" : " (" + m.limit_bound + ")");
}

// The 95% interval of the median and its true coverage, "-" when the row has none.
std::string IntervalCell(const Measurement& m) {
  if (m.ci_high_seconds <= 0) return "-";
  return FormatSeconds(m.ci_low_seconds) + " - " + FormatSeconds(m.ci_high_seconds) + " (" +
         FormatPercent(m.ci_level) + ")";
}

// A row's cells but its kernel and dataset, which head its group.
std::vector<std::string> MeasurementCells(const Measurement& m) {
  std::vector<std::string> cells = {m.implementation, m.algorithm, std::to_string(m.threads),
                                    std::to_string(m.procs)};
  if (m.ok()) {
    cells.insert(cells.end(),
                 {FormatSeconds(m.median_seconds), IntervalCell(m), FormatSeconds(m.min_seconds),
                  FormatSeconds(m.max_seconds), FormatPercent(m.cv), FractionOfLimit(m)});
  } else {
    cells.insert(cells.end(), 6, "-");
  }
  cells.insert(cells.end(), {std::to_string(m.repetitions), std::string(OutcomeName(m.outcome)),
                             RowNotes(m), m.message});
  return cells;
}

// Every row, a table per (kernel, dataset) in the COST table's order.
std::string MeasurementsSection(const ReportInput& in) {
  std::string text = "\n## Measurements\n";
  std::string group;
  for (const Measurement* m : SortedMeasurements(in.results)) {
    const std::string title = std::string(KernelName(m->kernel)) + " on " + m->dataset;
    if (title != group) {
      group = title;
      text += "\n### " + title +
              "\n\n| implementation | algorithm | threads | procs | median | 95% CI of median | "
              "min | max | cv | of limit | repetitions | outcome | notes | message |\n"
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- "
              "| --- | --- |\n";
    }
    text += MarkdownRow(MeasurementCells(*m));
  }
  return text;
}

std::string Count(int n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string FailedSection(const ReportInput& in) {
  std::string text = "\n## Failed rows\n\n";
  bool any = false;
  for (const Measurement* m : SortedMeasurements(in.results)) {
    if (m->ok()) continue;
    any = true;
    text += "- " + m->implementation + " " + std::string(KernelName(m->kernel)) + " on " +
            m->dataset + ", " + Count(m->threads, "thread", "threads") + " x " +
            Count(m->procs, "process", "processes") + ": **" +
            std::string(OutcomeName(m->outcome)) + "**" +
            (m->message.empty() ? "" : ": " + MarkdownCell(m->message)) + "\n";
  }
  return text + (any ? "" : "None: every measurement finished with a valid output.\n");
}

std::string GroupTitle(Kernel kernel, const std::string& dataset) {
  return std::string(KernelName(kernel)) + " on " + dataset;
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

std::string LayoutSection(const ReportInput& in) {
  return "\n## Preparation and kernel time per layout\n\n" +
         LayoutCostsMarkdown(LayoutCosts(in.results.measurements));
}

std::string SingleThreadSection(const ReportInput& in) {
  return "\n## Single threads\n\nThe paper's single-thread claims as ratios of best medians on "
         "each dataset, then every single-threaded row's throughput and preparation time.\n\n" +
         SingleThreadMarkdown(in.results.measurements);
}

std::string ProjectionSection(const ReportInput& in) {
  return "\n## Projection beyond this machine (not measured)\n\n**Projected, not measured.** "
         "Amdahl's law and the Universal Scalability Law fitted by least squares (relative "
         "error) to each parallel implementation's medians, and the core count at which the "
         "fitted curve would cross each baseline. A model's guess from the measured range: it "
         "is never a COST. Residuals are (fit - measured) / measured per measured core count; "
         "a fit with no more core counts than parameters is underdetermined and projects "
         "nothing.\n\n" +
         ProjectionsMarkdown(ProjectCosts(in.results.measurements));
}

std::string PreparationCostReportSection(const ReportInput& in) {
  return PreparationCostSection(PreparationCosts(in.results.measurements));
}

std::string PaperFigureSection(const ReportInput& in) { return in.paper_figures; }

std::string NetworkProjectionSection(const ReportInput& in) {
  return NetworkProjectionMarkdown(in.results.measurements, in.links);
}

std::string AppendixSection(const ReportInput& in) {
  return "\n## Appendix: machine, limits and build\n\n" + MachineAndBuild(in.results);
}

// The report's sections in reading order: the answer, then the tables grouped by kernel and
// dataset, then the appendix. A new section is a function above and one entry here.
using Section = std::string (*)(const ReportInput&);
constexpr Section kSections[] = {
    SummarySection,
    CostSection,
    CostAgainstEachBaselineSection,
    PreparationCostReportSection,
    PaperFigureSection,
    MorePlotsSection,
    LayoutSection,
    SingleThreadSection,
    MeasurementsSection,
    FailedSection,
    ProjectionSection,
    NetworkProjectionSection,
    AppendixSection,
};

// Returns the Markdown written.
std::string WriteMarkdown(const fs::path& path, const ResultsFile& results,
                          const std::vector<CostGroup>& groups, const std::vector<Plot>& plots,
                          const std::string& paper_figures, const std::vector<LinkModel>& links) {
  const ReportInput in{results, groups, plots, paper_figures, links};
  std::string text = "# COST report\n\n";
  for (Section section : kSections) text += section(in);
  datasets::WriteFileAtomically(path.string(), text);
  return text;
}

// One plot per group with something to draw, each under its own file name stem.
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

// Writes and renders every plot in dir; returns the names of the files written.
std::vector<std::string> WritePlots(const fs::path& dir, const ResultsFile& results,
                                    std::vector<Plot>& plots) {
  std::vector<std::string> names;
  const std::vector<LayoutCost> layouts = LayoutCosts(results.measurements);
  for (Plot& p : plots) {
    for (const std::string& name :
         WriteSpeedupPlot(dir.string(), results, *p.group, p.stem + "-speedup")) {
      names.push_back(name);
      p.speedup_stem = p.stem + "-speedup";
    }
    for (const std::string& name :
         WritePreparationPlot(dir.string(), layouts, std::string(KernelName(p.group->kernel)),
                              p.group->dataset, p.stem + "-preparation")) {
      names.push_back(name);
      p.preparation_stem = p.stem + "-preparation";
    }
    WriteDataFile(dir / (p.stem + ".dat"), p);
    WritePlotScript(dir / (p.stem + ".gp"), p);
    RenderGnuplotScript(dir.string(), p.stem + ".gp");
    for (const char* ext : {".dat", ".gp", ".svg", ".png"}) names.push_back(p.stem + ext);
  }
  return names;
}

ReportFiles FilesIn(const fs::path& out, const std::vector<Plot>& plots,
                    const std::vector<std::string>& figure_stems) {
  ReportFiles files;
  files.markdown = (out / "report.md").string();
  files.html = (out / "report.html").string();
  // Per plot: the time plot first, then its speed-up and preparation companions.
  for (const Plot& p : plots) {
    for (const std::string& stem : {p.stem, p.speedup_stem, p.preparation_stem}) {
      if (stem.empty()) continue;
      files.data.push_back((out / (stem + ".dat")).string());
      files.scripts.push_back((out / (stem + ".gp")).string());
      files.svgs.push_back((out / (stem + ".svg")).string());
      files.pngs.push_back((out / (stem + ".png")).string());
    }
  }
  for (const std::string& stem : figure_stems) {
    files.data.push_back((out / (stem + ".dat")).string());
    files.scripts.push_back((out / (stem + ".gp")).string());
    files.svgs.push_back((out / (stem + ".svg")).string());
    files.pngs.push_back((out / (stem + ".png")).string());
  }
  return files;
}

}  // namespace

std::string PlotStem(const std::string& kernel, const std::string& dataset) {
  std::string stem = kernel + "-" + dataset;
  for (char& c : stem) {
    bool safe = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
    if (!safe) c = '_';
  }
  // File names hold 255 bytes: a long name keeps its start and gets its hash for the rest.
  constexpr size_t kMaxStem = 120;
  if (stem.size() > kMaxStem) {
    stem = stem.substr(0, kMaxStem - 17) + "-" + Hex16(std::hash<std::string>{}(kernel + dataset));
  }
  return stem;
}

ReportFiles WriteReport(const ResultsFile& results, const std::string& out_dir,
                        const nlohmann::json* published, const std::vector<LinkModel>& links) {
  const fs::path out(out_dir);
  // Everything is built here first, so a failure (no gnuplot, a bad plot) leaves out_dir as it
  // was, or absent when it was.
  ReportStaging staging_folder(out);
  const fs::path& staging = staging_folder.path();
  std::vector<CostGroup> groups = ComputeCostTable(results.measurements);
  std::vector<Plot> plots = PlanPlots(results, groups);
  std::vector<std::string> names = WritePlots(staging, results, plots);
  const PaperFigureFiles figures =
      published ? WritePaperFigures(staging.string(), *published, results.measurements)
                : PaperFigureFiles{};
  names.insert(names.end(), figures.names.begin(), figures.names.end());
  const std::string markdown =
      WriteMarkdown(staging / "report.md", results, groups, plots, figures.markdown, links);
  names.push_back("report.md");
  // The HTML page inlines every SVG it shows, so it is the one file to hand to someone.
  const std::string html =
      MarkdownToHtml(markdown, "COST report", [&staging](const std::string& image) {
        const fs::path file = staging / image;
        return image.ends_with(".svg") && image.find('/') == std::string::npos && fs::exists(file)
                   ? ReadText(file)
                   : std::string();
      });
  datasets::WriteFileAtomically((staging / "report.html").string(), html);
  names.push_back("report.html");
  staging_folder.Publish(names);
  return FilesIn(out, plots, figures.stems);
}

}  // namespace cost::harness
