// The report's orchestration: the COST table and plots planned once, the plots written and
// rendered, the sections (report_sections.h) joined in reading order into report.md and its HTML
// twin, all in a staging folder published only when every file is written.
#include "harness/report/report.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>

#include "datasets/output_file.h"
#include "harness/analysis/cost_table.h"
#include "harness/core/format.h"
#include "harness/report/cost_plot.h"
#include "harness/report/gnuplot.h"
#include "harness/report/markdown_html.h"
#include "harness/report/paper_figure.h"
#include "harness/report/preparation_plot.h"
#include "harness/report/report_folder.h"
#include "harness/report/report_sections.h"
#include "harness/report/speedup_plot.h"

namespace cost::harness {
namespace {

namespace fs = std::filesystem;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The report's sections in reading order: the answer, then the tables grouped by kernel and
// dataset, then the appendix. A new section is a function in report_sections.h and one entry here.
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
    WriteCostPlotData(dir / (p.stem + ".dat"), p);
    WriteCostPlotScript(dir / (p.stem + ".gp"), p);
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
