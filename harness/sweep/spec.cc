#include "harness/sweep/spec.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "datasets/catalog.h"
#include "harness/core/byte_size.h"
#include "harness/run/implementations.h"

namespace cost::harness {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void SpecError(const std::string& source, const std::string& field,
                            const std::string& reason) {
  throw std::runtime_error(source + ": " + field + ": " + reason);
}

std::string Resolve(const std::string& base_dir, const std::string& path) {
  if (path.empty() || fs::path(path).is_absolute()) return path;
  return (fs::path(base_dir) / path).lexically_normal().string();
}

// "format" and "layout" of a dataset entry, as enums.
void ParsePreparationOptions(const nlohmann::json& j, const std::string& source,
                             const std::string& field, DatasetSpec* d) {
  if (j.contains("format")) {
    if (d->edges.empty()) SpecError(source, field + ".format", "only an \"edges\" input has one");
    try {
      d->format = datasets::ParseFormatName(j.at("format").get<std::string>());
    } catch (const std::exception& e) {
      SpecError(source, field + ".format", e.what());
    }
  }
  if (j.contains("layout")) {
    if (!d->graph.empty())
      SpecError(source, field + ".layout", "a prepared \"graph\" has its layout already");
    try {
      d->layout = datasets::ParseEdgeLayout(j.at("layout").get<std::string>());
    } catch (const std::exception& e) {
      SpecError(source, field + ".layout", e.what());
    }
  }
}

datasets::KroneckerOptions ParseKronecker(const nlohmann::json& k, const std::string& source,
                                          const std::string& field) {
  datasets::KroneckerOptions o;
  o.scale = k.value("scale", o.scale);
  o.edge_factor = k.value("edge_factor", o.edge_factor);
  o.seed = k.value("seed", o.seed);
  if (o.scale < 1 || o.scale > 31) SpecError(source, field + ".kronecker.scale", "must be 1..31");
  if (o.edge_factor < 1) SpecError(source, field + ".kronecker.edge_factor", "must be >= 1");
  return o;
}

// A "catalog" entry: a dataset of datasets/catalog.cc by name, prepared from the recipe the
// catalog gives it (a Kronecker generator, directed or not, or a file of the shared folder).
DatasetSpec ParseCatalogDataset(const nlohmann::json& j, const std::string& source,
                                const std::string& field, DatasetSpec d) {
  const std::string name = j.at("catalog").get<std::string>();
  const datasets::CatalogEntry* entry = nullptr;
  try {
    entry = &datasets::FindDataset(name);
  } catch (const std::exception& e) {
    SpecError(source, field + ".catalog", e.what());
  }
  d.symmetrize = entry->symmetrize;
  if (entry->source == datasets::DatasetSource::kKronecker) {
    d.kronecker = datasets::KroneckerOptions{
        .scale = entry->scale, .edge_factor = entry->edge_factor, .seed = entry->seed};
  } else if (entry->source == datasets::DatasetSource::kSharedFile) {
    d.edges = datasets::SourcePathOf(*entry, datasets::DefaultSharedDir());
    d.format = entry->format;
  } else {
    SpecError(source, field + ".catalog",
              name + " is a " + datasets::DatasetSourceName(entry->source) +
                  " dataset; give its file as \"edges\" instead");
  }
  if (j.contains("layout")) {
    try {
      d.layout = datasets::ParseEdgeLayout(j.at("layout").get<std::string>());
    } catch (const std::exception& e) {
      SpecError(source, field + ".layout", e.what());
    }
  }
  return d;
}

DatasetSpec ParseDataset(const nlohmann::json& j, const std::string& source,
                         const std::string& base_dir, size_t index) {
  const std::string field = "datasets[" + std::to_string(index) + "]";
  if (!j.is_object()) SpecError(source, field, "must be an object");
  DatasetSpec d;
  d.name = j.value("name", "");
  if (d.name.empty()) SpecError(source, field + ".name", "missing");
  const int kinds =
      j.contains("graph") + j.contains("edges") + j.contains("kronecker") + j.contains("catalog");
  if (kinds != 1) {
    SpecError(source, field,
              "give exactly one of \"graph\", \"edges\", \"kronecker\", \"catalog\"");
  }
  if (j.contains("catalog")) return ParseCatalogDataset(j, source, field, std::move(d));
  if (j.contains("graph")) d.graph = Resolve(base_dir, j.at("graph").get<std::string>());
  if (j.contains("edges")) d.edges = Resolve(base_dir, j.at("edges").get<std::string>());
  d.symmetrize = j.value("symmetrize", false);
  ParsePreparationOptions(j, source, field, &d);
  if (j.contains("kronecker")) {
    d.kronecker = ParseKronecker(j.at("kronecker"), source, field);
    d.symmetrize = true;
  }
  return d;
}

void ParseDatasets(const nlohmann::json& j, const std::string& source, const std::string& base_dir,
                   SweepSpec* spec) {
  if (!j.contains("datasets") || !j.at("datasets").is_array() || j.at("datasets").empty()) {
    SpecError(source, "datasets", "must be a non-empty array");
  }
  for (size_t i = 0; i < j.at("datasets").size(); ++i) {
    spec->datasets.push_back(ParseDataset(j.at("datasets")[i], source, base_dir, i));
  }
}

void ParseKernels(const nlohmann::json& j, const std::string& source, SweepSpec* spec) {
  if (!j.contains("kernels") || !j.at("kernels").is_array() || j.at("kernels").empty()) {
    SpecError(source, "kernels", "must be a non-empty array of \"pagerank\" / \"wcc\"");
  }
  for (const auto& k : j.at("kernels")) {
    Kernel kernel;
    if (!ParseKernel(k.get<std::string>(), &kernel)) {
      SpecError(source, "kernels", "unknown kernel \"" + k.get<std::string>() + "\"");
    }
    spec->kernels.push_back(kernel);
  }
}

// Whether some dataset of the spec can offer `layout`: every prepared file has vertex order, a
// prepared "graph" may have any layout, the others have the one their entry asks for.
bool SomeDatasetHas(const SweepSpec& spec, datasets::EdgeLayout layout) {
  return layout == datasets::EdgeLayout::kVertex ||
         std::ranges::any_of(spec.datasets, [layout](const DatasetSpec& d) {
           return !d.graph.empty() || d.layout == layout;
         });
}

// "SYSTEM:*": every row of SYSTEM (in-tree in table order, then external) for a kernel the spec
// runs, reading a layout one of its datasets has. Throws when nothing matches.
std::vector<std::string> ExpandSystem(const std::string& pattern, const SweepSpec& spec,
                                      const std::vector<ExternalSystem>& externals,
                                      const std::string& source) {
  const std::string system = pattern.substr(0, pattern.size() - 2);
  const auto runs = [&spec](Kernel k) { return std::ranges::count(spec.kernels, k) > 0; };
  std::vector<std::string> names;
  for (const Implementation& impl : Implementations()) {
    if (impl.system == system && runs(impl.kernel) && SomeDatasetHas(spec, impl.requires_layout)) {
      names.emplace_back(impl.name);
    }
  }
  for (const ExternalSystem& e : externals) {
    if (e.system == system && runs(e.kernel)) names.push_back(e.name);
  }
  if (names.empty()) {
    SpecError(source, "implementations",
              "\"" + pattern + "\" matches no implementation of the spec's kernels and layouts");
  }
  return names;
}

// "systems" (manifests, loaded to know their names) and "implementations" (names, or "SYSTEM:*").
void ParseImplementations(const nlohmann::json& j, const std::string& source,
                          const std::string& base_dir, SweepSpec* spec) {
  for (const std::string& path : j.value("systems", std::vector<std::string>{})) {
    spec->systems.push_back(Resolve(base_dir, path));
  }
  const std::vector<ExternalSystem> externals = LoadSpecSystems(*spec);
  for (const std::string& name : j.value("implementations", std::vector<std::string>{})) {
    if (name.ends_with(":*")) {
      for (std::string& n : ExpandSystem(name, *spec, externals, source)) {
        if (std::ranges::count(spec->implementations, n) == 0) spec->implementations.push_back(n);
      }
      continue;
    }
    spec->implementations.push_back(name);
    if (!FindImplementation(name) && !FindExternalSystem(externals, name)) {
      SpecError(source, "implementations",
                "unknown implementation \"" + name + "\" (see `cost systems`)");
    }
  }
}

// "threads": a list of counts, or "1..N" / "1..nproc" (1, 2, ..., N; nproc: this machine's
// logical CPUs when the sweep reads the spec).
std::vector<int> ParseThreads(const nlohmann::json& threads, const std::string& source) {
  if (!threads.is_string()) return threads.get<std::vector<int>>();
  const std::string text = threads.get<std::string>();
  if (!text.starts_with("1..")) {
    SpecError(source, "threads",
              "a list of counts, \"1..N\" or \"1..nproc\", not \"" + text + "\"");
  }
  const std::string upper = text.substr(3);
  if (upper == "nproc")
    return ThreadsUpTo(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  int n = 0;
  const auto [end, error] = std::from_chars(upper.data(), upper.data() + upper.size(), n);
  if (error != std::errc() || end != upper.data() + upper.size() || n < 1 || n > 4096) {
    SpecError(source, "threads", "\"" + text + "\": N must be a count from 1 to 4096 or nproc");
  }
  return ThreadsUpTo(n);
}

// "threads", "procs" and "hostfile": the configurations each row runs at.
void ParseConfigurations(const nlohmann::json& j, const std::string& source,
                         const std::string& base_dir, SweepSpec* spec) {
  if (j.contains("threads")) spec->threads = ParseThreads(j.at("threads"), source);
  for (int t : spec->threads) {
    if (t < 1) SpecError(source, "threads", "thread counts must be >= 1");
  }
  spec->procs = j.value("procs", spec->procs);
  for (int p : spec->procs) {
    if (p < 1) SpecError(source, "procs", "process counts must be >= 1");
  }
  if (j.contains("hostfile")) {
    spec->hostfile = Resolve(base_dir, j.at("hostfile").get<std::string>());
  }
}

// "storage": one mode or a list of distinct ones.
void ParseStorage(const nlohmann::json& j, const std::string& source, SweepSpec* spec) {
  if (!j.contains("storage")) return;
  const nlohmann::json& storage = j.at("storage");
  spec->storage = storage.is_string() ? std::vector<std::string>{storage.get<std::string>()}
                                      : storage.get<std::vector<std::string>>();
  if (spec->storage.empty()) SpecError(source, "storage", "must name ram or disk");
  for (size_t i = 0; i < spec->storage.size(); ++i) {
    const std::string& mode = spec->storage[i];
    if (mode != "ram" && mode != "disk") {
      SpecError(source, "storage", "unknown mode \"" + mode + "\" (ram or disk)");
    }
    if (std::find(spec->storage.begin(), spec->storage.begin() + i, mode) !=
        spec->storage.begin() + i) {
      SpecError(source, "storage", "\"" + mode + "\" named twice");
    }
  }
}

// How each row is measured and where graphs are cached.
void ParseRowSettings(const nlohmann::json& j, const std::string& source,
                      const std::string& base_dir, SweepSpec* spec) {
  spec->repetitions = j.value("repetitions", spec->repetitions);
  if (spec->repetitions < 1) SpecError(source, "repetitions", "must be >= 1");
  spec->iterations = j.value("iterations", spec->iterations);
  if (spec->iterations < 0) SpecError(source, "iterations", "must be >= 0");
  spec->timeout_seconds = j.value("timeout_seconds", spec->timeout_seconds);
  if (spec->timeout_seconds <= 0) SpecError(source, "timeout_seconds", "must be > 0");
  if (j.contains("memory_cap")) {
    const nlohmann::json& cap = j.at("memory_cap");
    try {
      spec->memory_cap_bytes =
          cap.is_number_unsigned() ? cap.get<uint64_t>() : ParseByteSize(cap.get<std::string>());
    } catch (const std::invalid_argument& e) {
      SpecError(source, "memory_cap", e.what());
    }
  }
  spec->cache_dir = Resolve(base_dir, j.value("cache_dir", spec->cache_dir));
  ParseStorage(j, source, spec);
}

}  // namespace

std::vector<ExternalSystem> LoadSpecSystems(const SweepSpec& spec) {
  std::vector<ExternalSystem> externals;
  for (const std::string& path : spec.systems) {
    for (ExternalSystem& e : LoadExternalSystems(path)) externals.push_back(std::move(e));
  }
  return externals;
}

DatasetSpec KroneckerDataset(int scale) {
  DatasetSpec dataset;
  dataset.name = "kron-" + std::to_string(scale);
  dataset.kronecker = datasets::KroneckerOptions{.scale = scale};
  dataset.symmetrize = true;
  return dataset;
}

std::vector<int> ThreadsUpTo(int max_threads) {
  std::vector<int> threads;
  for (int t = 1; t <= max_threads; ++t) threads.push_back(t);
  return threads;
}

SweepSpec ParseSweepSpec(const nlohmann::json& j, const std::string& source,
                         const std::string& base_dir) {
  if (!j.is_object()) SpecError(source, "(top level)", "must be a JSON object");
  SweepSpec spec;
  try {
    spec.name = j.value("name", fs::path(source).stem().string());
    ParseDatasets(j, source, base_dir, &spec);
    ParseKernels(j, source, &spec);
    ParseImplementations(j, source, base_dir, &spec);
    ParseConfigurations(j, source, base_dir, &spec);
    ParseRowSettings(j, source, base_dir, &spec);
  } catch (const nlohmann::json::exception& e) {
    // A field of the wrong type: nlohmann names the type problem, we name the file.
    throw std::runtime_error(source + ": " + e.what());
  }
  return spec;
}

SweepSpec ReadSweepSpec(const std::string& path) {
  if (fs::is_directory(path)) throw std::runtime_error(path + ": is a directory");
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": " + std::strerror(errno));
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for a
    // number too large for a double (found by the sweep_spec fuzzer)
    throw std::runtime_error(path + ": not valid JSON: " + e.what());
  }
  const fs::path parent = fs::path(path).parent_path();
  return ParseSweepSpec(j, path, parent.empty() ? "." : parent.string());
}

}  // namespace cost::harness
