#include "harness/sweep/reproduce.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "datasets/catalog.h"
#include "harness/analysis/cost_per_baseline.h"
#include "harness/analysis/cost_table.h"
#include "harness/analysis/single_thread_comparisons.h"
#include "harness/run/implementations.h"
#include "harness/sweep/text_table.h"

#ifndef COST_PUBLISHED_TIMES_JSON
#define COST_PUBLISHED_TIMES_JSON "results/paper/published_times.json"
#endif

namespace cost::harness {
namespace {

namespace fs = std::filesystem;

std::string PublishedCell(const nlohmann::json& row, const std::string& dataset) {
  if (!row.contains(dataset)) return "-";
  const nlohmann::json& v = row.at(dataset);
  if (v.is_object()) return ">= " + std::to_string(v.value("at_least", 0)) + " s";
  return FormatSeconds(v.get<double>());
}

std::vector<std::string> DatasetsOf(const ResultsFile& results) {
  std::vector<std::string> names;
  for (const Measurement& m : results.measurements) {
    if (std::find(names.begin(), names.end(), m.dataset) == names.end()) {
      names.push_back(m.dataset);
    }
  }
  return names;
}

// The measured rows of one published table: implementation x cores, a column per dataset.
TextTable MeasuredTable(const nlohmann::json& table, const ResultsFile& results) {
  const std::vector<std::string> datasets = DatasetsOf(results);
  TextTable t{"measured here (median seconds; " + table.value("kernel", std::string()) + ")",
              {"implementation", "algorithm", "cores"},
              {}};
  for (const std::string& d : datasets) t.header.push_back(d);
  for (const auto& name : table.value("measured", std::vector<std::string>{})) {
    std::map<int, std::map<std::string, const Measurement*>> by_cores;
    std::string algorithm;
    for (const Measurement& m : results.measurements) {
      if (m.implementation != name || KernelName(m.kernel) != table.value("kernel", "")) continue;
      by_cores[m.cores()][m.dataset] = &m;
      algorithm = m.algorithm;
    }
    for (const auto& [cores, cells] : by_cores) {
      std::vector<std::string> row = {name, algorithm, std::to_string(cores)};
      for (const std::string& d : datasets) {
        const auto it = cells.find(d);
        row.push_back(it == cells.end()  ? "-"
                      : it->second->ok() ? FormatSeconds(it->second->median_seconds)
                                         : std::string(OutcomeName(it->second->outcome)));
      }
      t.rows.push_back(row);
    }
  }
  return t;
}

TextTable ClaimsTable(const ResultsFile& results) {
  TextTable t{"The paper's single-thread claims as ratios (faster / slower; below 1: faster)",
              {"dataset", "claim", "faster side", "slower side", "measured", "paper"},
              {}};
  for (const SingleThreadComparison& c : CompareSingleThreads(results.measurements)) {
    t.rows.push_back({c.dataset, c.claim, c.faster + " " + FormatSeconds(c.faster_seconds),
                      c.slower + " " + FormatSeconds(c.slower_seconds), FormatRatio(c.ratio),
                      FormatRatio(c.paper_ratio) + " (" + c.paper_source + ")"});
  }
  return t;
}

TextTable CostTable(const ResultsFile& results) {
  TextTable t{
      "COST of every parallel implementation against each single-threaded baseline "
      "(measured)",
      {"kernel", "dataset", "implementation", "baseline", "COST", "time", "vs baseline"},
      {}};
  for (const BaselineCost& c : CostAgainstEachBaseline(results.measurements)) {
    const CostEntry& e = c.entry;
    std::string verdict(CostStatusName(e.status));
    std::string time = "-";
    if (e.status == CostStatus::kBounded || e.status == CostStatus::kNotSeparable) {
      verdict = (e.status == CostStatus::kBounded ? "" : "not separable, ") +
                std::to_string(e.cost_cores) + (e.cost_cores == 1 ? " core" : " cores");
      time = FormatSeconds(e.seconds_at_cost);
    } else if (e.status == CostStatus::kUnbounded) {
      time = "best " + FormatSeconds(e.best_seconds) + " at " + std::to_string(e.best_cores);
    }
    t.rows.push_back({c.kernel, c.dataset, e.implementation,
                      c.baseline.implementation + (c.best ? " (best)" : "") + " " +
                          FormatSeconds(c.baseline.seconds),
                      verdict, time, e.ratio > 0 ? FormatRatio(e.ratio) : "-"});
  }
  return t;
}

// The catalog's real graphs named in o.real, read from the shared folder; those whose file is
// missing are left out with a note.
std::vector<DatasetSpec> RealDatasets(const ReproduceOptions& o, std::vector<std::string>* notes) {
  const std::string shared = o.shared_dir.empty() ? datasets::DefaultSharedDir() : o.shared_dir;
  std::vector<DatasetSpec> real;
  for (const std::string& name : o.real) {
    const datasets::CatalogEntry& entry = datasets::FindDataset(name);
    const std::string path = datasets::SourcePathOf(entry, shared);
    if (path.empty()) {
      throw std::runtime_error(name + ": not a file in the shared folder (see cost dataset list)");
    }
    if (!fs::exists(path)) {
      notes->push_back(name + " left out: " + path + " is missing");
      continue;
    }
    DatasetSpec d;
    d.name = std::string(entry.name);
    d.edges = path;
    d.format = entry.format;
    d.symmetrize = entry.symmetrize;
    real.push_back(d);
  }
  return real;
}

// twitter_rv as the user gives it: a prepared .cgraph (with whatever layouts it has) or the edge
// list to prepare.
DatasetSpec TwitterDataset(const std::string& file) {
  DatasetSpec d;
  d.name = "twitter_rv";
  if (file.ends_with(".cgraph")) {
    d.graph = file;
  } else {
    d.edges = file;
  }
  return d;
}

// Every implementation a published table names as its measured counterpart, and every optimised
// single thread of `kernels` (implementations.h's BaselineRole): the tables that name "the best
// single thread" must know the best there is, not only the paper's own baselines. Sorted.
std::vector<std::string> MeasuredImplementations(const nlohmann::json& published,
                                                 const std::vector<Kernel>& kernels) {
  std::set<std::string> implementations;
  for (const Implementation& impl : Implementations()) {
    if (impl.baseline == BaselineRole::kOptimised &&
        std::find(kernels.begin(), kernels.end(), impl.kernel) != kernels.end()) {
      implementations.emplace(impl.name);
    }
  }
  for (const nlohmann::json& table : published.at("tables")) {
    for (const auto& name : table.value("measured", std::vector<std::string>{})) {
      implementations.insert(name);
    }
  }
  return {implementations.begin(), implementations.end()};
}

}  // namespace

std::string DefaultPublishedTimesPath() { return COST_PUBLISHED_TIMES_JSON; }

nlohmann::json ReadPublishedTimes(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read the published times (use --paper)");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {  // parse_error or out_of_range (number overflow)
    throw std::runtime_error(path + ": not valid JSON: " + e.what());
  }
  if (!j.is_object() || j.value("format", "") != "cost-published-times" || !j.contains("tables") ||
      !j.at("tables").is_array()) {
    throw std::runtime_error(path + ": not a cost-published-times file");
  }
  return j;
}

SweepSpec ReproduceSpec(const ReproduceOptions& o, const nlohmann::json& published,
                        std::vector<std::string>* notes) {
  SweepSpec spec;
  spec.name = "paper-reproduce";
  spec.datasets.push_back(KroneckerDataset(o.scale));
  for (DatasetSpec& d : RealDatasets(o, notes)) spec.datasets.push_back(std::move(d));
  if (!o.twitter.empty()) spec.datasets.push_back(TwitterDataset(o.twitter));
  // Vertex order is in every prepared file too.
  for (DatasetSpec& d : spec.datasets) {
    if (d.graph.empty()) d.layout = datasets::EdgeLayout::kHilbert;
  }
  spec.kernels = {Kernel::kPageRank, Kernel::kWcc};
  spec.implementations = MeasuredImplementations(published, spec.kernels);
  spec.threads = ThreadsUpTo(o.max_threads);
  spec.repetitions = o.repetitions;
  spec.cache_dir = o.cache_dir;
  return spec;
}

std::vector<std::string> RealGraphNames(const std::string& selection) {
  std::vector<std::string> names;
  if (selection == "all") {
    for (const datasets::CatalogEntry& e : datasets::Catalog()) {
      if (e.source == datasets::DatasetSource::kSharedFile) names.emplace_back(e.name);
    }
  } else if (selection != "none") {
    std::stringstream list(selection);
    for (std::string name; std::getline(list, name, ',');) {
      if (!name.empty()) names.push_back(name);
    }
  }
  return names;
}

std::string ReproduceTables(const nlohmann::json& published, const ResultsFile& results,
                            bool markdown) {
  const std::vector<std::string> columns =
      published.value("datasets", std::vector<std::string>{"twitter_rv", "uk-2007-05"});
  std::string text =
      (markdown ? "## " : "") + std::string("The paper's tables beside this machine") +
      "\n\nPublished: " + published.value("source", std::string("(no source)")) + "\n\n";
  for (const nlohmann::json& table : published.at("tables")) {
    TextTable t{"Table " + table.value("id", std::string("?")) + ": " +
                    table.value("title", std::string()) + ", published (seconds)" +
                    (table.contains("note") ? "; " + table.value("note", std::string()) : ""),
                {"system", "cores"},
                {}};
    for (const std::string& c : columns) t.header.push_back(c);
    for (const nlohmann::json& row : table.value("rows", nlohmann::json::array())) {
      std::vector<std::string> cells = {row.value("system", std::string()),
                                        std::to_string(row.value("cores", 0))};
      for (const std::string& c : columns) cells.push_back(PublishedCell(row, c));
      t.rows.push_back(cells);
    }
    text += Render(t, markdown) + Render(MeasuredTable(table, results), markdown);
  }
  text += Render(ClaimsTable(results), markdown);
  text += Render(CostTable(results), markdown);
  return text;
}

}  // namespace cost::harness
