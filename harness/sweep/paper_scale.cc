#include "harness/sweep/paper_scale.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "harness/analysis/paper_tables.h"
#include "harness/core/format.h"
#include "harness/sweep/text_table.h"

#ifndef COST_PAPER_SCALE_SPEC
#define COST_PAPER_SCALE_SPEC "harness/experiments/paper-scale.json"
#endif

namespace cost::harness {
namespace {

namespace fs = std::filesystem;

// The paper's one-thread Hilbert conversion of twitter_rv (Table 4's note).
constexpr double kPaperHilbertConversionSeconds = 179;

nlohmann::json ReadSpecJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read the paper-scale spec");
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(path + ": not valid JSON: " + e.what());
  }
}

// The layout the spec's first dataset is prepared with: what the datasets added here get.
std::string FirstLayout(const nlohmann::json& spec) {
  if (!spec.contains("datasets") || !spec.at("datasets").is_array() ||
      spec.at("datasets").empty() || !spec.at("datasets")[0].is_object()) {
    return "vertex";
  }
  return spec.at("datasets")[0].value("layout", std::string("vertex"));
}

// A real graph the user has: a prepared .cgraph used as it is, or an edge list to prepare.
nlohmann::json RealDataset(const std::string& name, const std::string& file,
                           const std::string& layout) {
  const std::string path = fs::absolute(file).lexically_normal().string();
  if (file.ends_with(".cgraph")) return {{"name", name}, {"graph", path}};
  return {{"name", name}, {"edges", path}, {"layout", layout}};
}

// The spec file with the datasets the options add.
nlohmann::json AugmentedSpec(const PaperScaleOptions& o) {
  nlohmann::json spec = ReadSpecJson(o.spec_path);
  if (!spec.is_object() || !spec.contains("datasets") || !spec.at("datasets").is_array()) {
    return spec;  // ParseSweepSpec names the problem
  }
  const std::string layout = FirstLayout(spec);
  nlohmann::json& datasets = spec["datasets"];
  if (o.with_uk)
    datasets.push_back({{"name", "uk-like"}, {"catalog", "uk-like"}, {"layout", layout}});
  if (!o.twitter.empty()) datasets.push_back(RealDataset("twitter_rv", o.twitter, layout));
  if (!o.uk.empty()) datasets.push_back(RealDataset("uk-2007-05", o.uk, layout));
  return spec;
}

// What a file prepared for `d` will hold, for a plan made before it exists.
datasets::GraphFileInfo PlannedInfo(const DatasetSpec& d) {
  if (!d.graph.empty() && fs::exists(d.graph)) return datasets::ReadGraphFileInfo(d.graph);
  datasets::GraphFileInfo info;
  info.has_hilbert = d.layout == datasets::EdgeLayout::kHilbert;
  info.hilbert_compressed_bytes = d.layout == datasets::EdgeLayout::kCompressed ? 1 : 0;
  info.prepared.hilbert = info.has_hilbert;
  info.prepared.compressed = info.hilbert_compressed_bytes > 0;
  return info;
}

std::string CellText(const PaperCell& c) {
  if (!c.present) return "-";
  if (!c.failure.empty()) return c.failure;
  return (c.at_least ? ">= " : "") + FormatSeconds(c.seconds);
}

TextTable RenderPaperTable(const PaperTable& t) {
  TextTable out{
      "Table " + t.id + ": " + t.title + " (seconds" + (t.note.empty() ? "" : "; " + t.note) + ")",
      {"source", "system", "cores"},
      {}};
  for (const PaperColumn& c : t.columns) {
    out.header.push_back(c.published + " (paper)");
    if (c.measured.empty()) continue;
    out.header.push_back(c.measured + " RAM");
    out.header.push_back(c.measured + " disk");
  }
  for (const PaperRow& r : t.rows) {
    std::vector<std::string> cells = {r.measured ? "measured" : "paper",
                                      r.measured ? r.system + " (" + r.layout + ")" : r.system,
                                      std::to_string(r.cores)};
    for (size_t i = 0; i < t.columns.size(); ++i) {
      cells.push_back(CellText(r.published[i]));
      if (t.columns[i].measured.empty()) continue;
      cells.push_back(CellText(r.ram[i]));
      cells.push_back(CellText(r.disk[i]));
    }
    out.rows.push_back(std::move(cells));
  }
  return out;
}

TextTable RenderPreparation(const std::vector<PreparationTime>& times) {
  TextTable out{
      "Preparation of each prepared file (seconds; the paper: twitter_rv to Hilbert "
      "order in " +
          FormatSeconds(kPaperHilbertConversionSeconds) + " on one thread)",
      {"dataset", "file", "generate or parse", "CSR build", "Hilbert layouts", "total"},
      {}};
  for (const PreparationTime& p : times) {
    const auto part = [&p](double s) { return p.split ? FormatSeconds(s) : std::string("-"); };
    out.rows.push_back({p.dataset, fs::path(p.graph_path).filename().string(),
                        part(p.source_seconds), part(p.build_seconds), part(p.layout_seconds),
                        FormatSeconds(p.total_seconds)});
  }
  return out;
}

}  // namespace

std::string DefaultPaperScaleSpecPath() { return COST_PAPER_SCALE_SPEC; }

SweepSpec PaperScaleSpec(const PaperScaleOptions& o) {
  const fs::path parent = fs::path(o.spec_path).parent_path();
  SweepSpec spec =
      ParseSweepSpec(AugmentedSpec(o), o.spec_path, parent.empty() ? "." : parent.string());
  if (o.smoke_scale > 0) {
    for (DatasetSpec& d : spec.datasets) {
      if (!d.kronecker) continue;
      d.kronecker->scale = o.smoke_scale;
      d.name += "-s" + std::to_string(o.smoke_scale);
    }
  }
  if (o.max_threads > 0) spec.threads = ThreadsUpTo(o.max_threads);
  if (o.repetitions > 0) spec.repetitions = o.repetitions;
  if (!o.cache_dir.empty()) spec.cache_dir = o.cache_dir;
  return spec;
}

std::vector<SweepRow> PaperScalePlan(const SweepSpec& spec) {
  std::vector<std::string> graphs;
  std::vector<datasets::GraphFileInfo> infos;
  for (const DatasetSpec& d : spec.datasets) {
    graphs.push_back(d.graph.empty() ? "(prepared by the sweep)" : d.graph);
    infos.push_back(PlannedInfo(d));
  }
  return PlanRows(spec, graphs, infos, LoadSpecSystems(spec), /*quiet=*/true);
}

std::string PaperScalePlanText(const SweepSpec& spec, const std::vector<SweepRow>& rows) {
  std::string text = "plan of " + spec.name + ": " + std::to_string(rows.size()) + " rows, " +
                     std::to_string(spec.repetitions) + " repetitions each\n";
  for (const DatasetSpec& d : spec.datasets) {
    text += "dataset " + d.name + ": " +
            (d.kronecker ? "Kronecker 2^" + std::to_string(d.kronecker->scale) + ", edge factor " +
                               std::to_string(d.kronecker->edge_factor) +
                               (d.symmetrize ? ", symmetrised" : ", directed")
                         : (d.graph.empty() ? d.edges : d.graph)) +
            ", layout " + datasets::EdgeLayoutName(d.layout) + "\n";
  }
  for (const SweepRow& r : rows) {
    text += "row " + r.dataset + " " + std::string(KernelName(r.kernel)) + " " + r.implementation +
            " threads=" + std::to_string(r.threads) + " procs=" + std::to_string(r.procs) + "\n";
  }
  return text;
}

std::string PaperScaleTablesText(const nlohmann::json& published, const ResultsFile& results,
                                 bool markdown) {
  std::string text =
      (markdown ? "## " : "") + std::string("The paper's tables with this machine's rows in them") +
      "\n\nPublished: " + published.value("source", std::string("(no source)")) + "\n\n";
  for (const PaperTable& t : PaperTables(published, results.measurements)) {
    text += Render(RenderPaperTable(t), markdown);
  }
  return text + Render(RenderPreparation(PreparationTimes(results.measurements)), markdown);
}

}  // namespace cost::harness
