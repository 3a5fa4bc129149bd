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
#include "harness/core/json_fields.h"
#include "harness/run/implementations.h"

namespace cost::harness {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kSpecKeys[] = {
    "name",      "datasets",    "kernels",      "implementations", "threads",    "procs",
    "hostfile",  "repetitions", "iterations",   "timeout_seconds", "memory_cap", "systems",
    "cache_dir", "storage",     "rank_threads", "warmups"};
constexpr std::string_view kDatasetKeys[] = {"name",       "graph",  "edges",  "kronecker",
                                             "symmetrize", "format", "layout", "catalog"};
constexpr std::string_view kKroneckerKeys[] = {"scale", "edge_factor", "seed"};

template <size_t N>
std::vector<std::string_view> Keys(const std::string_view (&keys)[N]) {
  return {std::begin(keys), std::end(keys)};
}

// A list of integers in [low, high], each named "FIELD[i]" when it is not one.
std::vector<int> IntegerList(const nlohmann::json& j, const std::string& field, int low, int high) {
  if (!j.is_array() || j.empty()) throw FieldError(field + ": must be a non-empty array");
  std::vector<int> values;
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string where = field + "[" + std::to_string(i) + "]";
    values.push_back(static_cast<int>(IntegerIn(j[i], where, low, high)));
    if (std::count(values.begin(), values.end(), values.back()) > 1) {
      throw FieldError(where + ": " + std::to_string(values.back()) + " is listed twice");
    }
  }
  return values;
}

// A list of strings without control characters.
std::vector<std::string> StringList(const nlohmann::json& j, const std::string& field) {
  if (!j.is_array()) throw FieldError(field + ": must be an array of strings");
  std::vector<std::string> values;
  for (size_t i = 0; i < j.size(); ++i) {
    values.push_back(PlainString(j[i], field + "[" + std::to_string(i) + "]"));
  }
  return values;
}

std::string Resolve(const std::string& base_dir, const std::string& path) {
  if (path.empty() || fs::path(path).is_absolute()) return path;
  return (fs::path(base_dir) / path).lexically_normal().string();
}

// "format" and "layout" of a dataset entry, as enums.
void ParsePreparationOptions(const nlohmann::json& j, const std::string& source,
                             const std::string& field, DatasetSpec* d) {
  if (j.contains("format")) {
    if (d->edges.empty())
      ThrowFieldError(source, field + ".format", "only an \"edges\" input has one");
    try {
      d->format = datasets::ParseFormatName(PlainString(j.at("format"), field + ".format"));
    } catch (const FieldError&) {
      throw;
    } catch (const std::exception& e) {
      ThrowFieldError(source, field + ".format", e.what());
    }
  }
  if (j.contains("layout")) {
    if (!d->graph.empty())
      ThrowFieldError(source, field + ".layout", "a prepared \"graph\" has its layout already");
    try {
      d->layout = datasets::ParseEdgeLayout(PlainString(j.at("layout"), field + ".layout"));
    } catch (const FieldError&) {
      throw;
    } catch (const std::exception& e) {
      ThrowFieldError(source, field + ".layout", e.what());
    }
  }
}

datasets::KroneckerOptions ParseKronecker(const nlohmann::json& k, const std::string& source,
                                          const std::string& field) {
  const std::string where = field + ".kronecker";
  if (!k.is_object()) ThrowFieldError(source, where, "must be an object");
  RequireKnownKeys(k, where, Keys(kKroneckerKeys));
  datasets::KroneckerOptions o;
  if (k.contains("scale")) o.scale = IntegerIn(k.at("scale"), where + ".scale", 1, 31);
  if (k.contains("edge_factor")) {
    o.edge_factor = IntegerIn(k.at("edge_factor"), where + ".edge_factor", 1, 1 << 20);
  }
  if (k.contains("seed")) o.seed = IntegerIn(k.at("seed"), where + ".seed", 0, INT64_MAX);
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
    ThrowFieldError(source, field + ".catalog", e.what());
  }
  d.symmetrize = entry->symmetrize;
  if (entry->source == datasets::DatasetSource::kKronecker) {
    d.kronecker = datasets::KroneckerOptions{
        .scale = entry->scale, .edge_factor = entry->edge_factor, .seed = entry->seed};
  } else if (entry->source == datasets::DatasetSource::kSharedFile) {
    d.edges = datasets::SourcePathOf(*entry, datasets::DefaultSharedDir());
    d.format = entry->format;
  } else {
    ThrowFieldError(source, field + ".catalog",
                    name + " is a " + datasets::DatasetSourceName(entry->source) +
                        " dataset; give its file as \"edges\" instead");
  }
  if (j.contains("layout")) {
    try {
      d.layout = datasets::ParseEdgeLayout(j.at("layout").get<std::string>());
    } catch (const std::exception& e) {
      ThrowFieldError(source, field + ".layout", e.what());
    }
  }
  return d;
}

DatasetSpec ParseDataset(const nlohmann::json& j, const std::string& source,
                         const std::string& base_dir, size_t index) {
  const std::string field = "datasets[" + std::to_string(index) + "]";
  if (!j.is_object()) ThrowFieldError(source, field, "must be an object");
  RequireKnownKeys(j, field, Keys(kDatasetKeys));
  DatasetSpec d;
  if (!j.contains("name")) ThrowFieldError(source, field + ".name", "missing");
  d.name = PlainString(j.at("name"), field + ".name");
  if (d.name.empty()) ThrowFieldError(source, field + ".name", "missing");
  const int kinds =
      j.contains("graph") + j.contains("edges") + j.contains("kronecker") + j.contains("catalog");
  if (kinds != 1) {
    ThrowFieldError(source, field,
                    "give exactly one of \"graph\", \"edges\", \"kronecker\", \"catalog\"");
  }
  if (j.contains("catalog")) return ParseCatalogDataset(j, source, field, std::move(d));
  if (j.contains("graph"))
    d.graph = Resolve(base_dir, PlainString(j.at("graph"), field + ".graph"));
  if (j.contains("edges"))
    d.edges = Resolve(base_dir, PlainString(j.at("edges"), field + ".edges"));
  if (j.contains("symmetrize")) {
    if (!j.at("symmetrize").is_boolean())
      ThrowFieldError(source, field + ".symmetrize", "must be true or false");
    d.symmetrize = j.at("symmetrize").get<bool>();
  }
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
    ThrowFieldError(source, "datasets", "must be a non-empty array");
  }
  for (size_t i = 0; i < j.at("datasets").size(); ++i) {
    spec->datasets.push_back(ParseDataset(j.at("datasets")[i], source, base_dir, i));
    for (size_t k = 0; k < i; ++k) {
      if (spec->datasets[k].name != spec->datasets[i].name) continue;
      // Rows are keyed by the dataset's name: a second one would be skipped as already measured.
      ThrowFieldError(source, "datasets[" + std::to_string(i) + "].name",
                      "\"" + spec->datasets[i].name + "\" is also the name of datasets[" +
                          std::to_string(k) + "]");
    }
  }
}

void ParseKernels(const nlohmann::json& j, const std::string& source, SweepSpec* spec) {
  if (!j.contains("kernels") || !j.at("kernels").is_array() || j.at("kernels").empty()) {
    ThrowFieldError(source, "kernels", "must be a non-empty array of \"pagerank\" / \"wcc\"");
  }
  for (const auto& k : j.at("kernels")) {
    Kernel kernel;
    const std::string name = PlainString(k, "kernels");
    if (!ParseKernel(name, &kernel)) {
      ThrowFieldError(source, "kernels", "unknown kernel \"" + name + "\"");
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
    ThrowFieldError(
        source, "implementations",
        "\"" + pattern + "\" matches no implementation of the spec's kernels and layouts");
  }
  return names;
}

// "systems" (manifests, loaded to know their names) and "implementations" (names, or "SYSTEM:*").
void ParseImplementations(const nlohmann::json& j, const std::string& source,
                          const std::string& base_dir, SweepSpec* spec) {
  const nlohmann::json none = nlohmann::json::array();
  for (const std::string& path : StringList(j.value("systems", none), "systems")) {
    spec->systems.push_back(Resolve(base_dir, path));
  }
  const std::vector<ExternalSystem> externals = LoadSpecSystems(*spec);
  const std::vector<std::string> listed =
      StringList(j.value("implementations", none), "implementations");
  if (j.contains("implementations") && listed.empty()) {
    // An empty list would run every implementation, the opposite of what it says.
    ThrowFieldError(source, "implementations",
                    "is empty; name at least one, or leave the field out for every implementation");
  }
  for (size_t i = 0; i < listed.size(); ++i) {
    if (std::count(listed.begin(), listed.begin() + i, listed[i]) > 0) {
      ThrowFieldError(source, "implementations[" + std::to_string(i) + "]",
                      "\"" + listed[i] + "\" is listed twice");
    }
  }
  for (const std::string& name : listed) {
    if (!name.ends_with(":*")) {
      spec->implementations.push_back(name);
      continue;
    }
    for (std::string& n : ExpandSystem(name, *spec, externals, source)) {
      if (std::ranges::count(spec->implementations, n) == 0) spec->implementations.push_back(n);
    }
  }
  for (const std::string& name : spec->implementations) {
    if (!FindImplementation(name) && !FindExternalSystem(externals, name)) {
      ThrowFieldError(source, "implementations",
                      "unknown implementation \"" + name + "\" (see `cost systems`)");
    }
  }
}

// "threads": a list of counts, or "1..N" / "1..nproc" (1, 2, ..., N; nproc: this machine's
// logical CPUs when the sweep reads the spec).
std::vector<int> ParseThreads(const nlohmann::json& threads, const std::string& source) {
  if (!threads.is_string()) return IntegerList(threads, "threads", 1, kMaxThreads);
  const std::string text = threads.get<std::string>();
  if (!text.starts_with("1..")) {
    ThrowFieldError(source, "threads",
                    "a list of counts, \"1..N\" or \"1..nproc\", not \"" + text + "\"");
  }
  const std::string upper = text.substr(3);
  if (upper == "nproc")
    return ThreadsUpTo(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  int n = 0;
  const auto [end, error] = std::from_chars(upper.data(), upper.data() + upper.size(), n);
  if (error != std::errc() || end != upper.data() + upper.size() || n < 1 || n > kMaxThreads) {
    ThrowFieldError(source, "threads",
                    "\"" + text + "\": N must be a count from 1 to " + std::to_string(kMaxThreads) +
                        " or nproc");
  }
  return ThreadsUpTo(n);
}

// "threads", "procs", "rank_threads" and "hostfile": the configurations each row runs at.
void ParseConfigurations(const nlohmann::json& j, const std::string& source,
                         const std::string& base_dir, SweepSpec* spec) {
  if (j.contains("threads")) spec->threads = ParseThreads(j.at("threads"), source);
  if (j.contains("procs")) spec->procs = IntegerList(j.at("procs"), "procs", 1, kMaxProcs);
  if (j.contains("rank_threads")) {
    spec->rank_threads = IntegerList(j.at("rank_threads"), "rank_threads", 1, kMaxThreads);
  }
  if (j.contains("hostfile")) {
    spec->hostfile = Resolve(base_dir, PlainString(j.at("hostfile"), "hostfile"));
  }
}

// "storage": one mode or a list of distinct ones.
void ParseStorage(const nlohmann::json& j, const std::string& source, SweepSpec* spec) {
  if (!j.contains("storage")) return;
  const nlohmann::json& storage = j.at("storage");
  spec->storage = storage.is_string() ? std::vector<std::string>{storage.get<std::string>()}
                                      : storage.get<std::vector<std::string>>();
  if (spec->storage.empty()) ThrowFieldError(source, "storage", "must name ram or disk");
  for (size_t i = 0; i < spec->storage.size(); ++i) {
    const std::string& mode = spec->storage[i];
    if (mode != "ram" && mode != "disk") {
      ThrowFieldError(source, "storage", "unknown mode \"" + mode + "\" (ram or disk)");
    }
    if (std::find(spec->storage.begin(), spec->storage.begin() + i, mode) !=
        spec->storage.begin() + i) {
      ThrowFieldError(source, "storage", "\"" + mode + "\" named twice");
    }
  }
}

// How each row is measured and where graphs are cached.
void ParseRowSettings(const nlohmann::json& j, const std::string& source,
                      const std::string& base_dir, SweepSpec* spec) {
  if (j.contains("repetitions")) {
    spec->repetitions =
        static_cast<int>(IntegerIn(j.at("repetitions"), "repetitions", 1, kMaxRepetitions));
  }
  if (j.contains("warmups")) {
    spec->warmups = static_cast<int>(IntegerIn(j.at("warmups"), "warmups", 0, kMaxRepetitions));
  }
  if (j.contains("iterations")) {
    spec->iterations =
        static_cast<int>(IntegerIn(j.at("iterations"), "iterations", 0, kMaxIterations));
  }
  if (j.contains("timeout_seconds")) {
    spec->timeout_seconds = NumberIn(j.at("timeout_seconds"), "timeout_seconds", 0, 365 * 86400.0);
    if (spec->timeout_seconds <= 0) ThrowFieldError(source, "timeout_seconds", "must be > 0");
  }
  if (j.contains("memory_cap")) {
    const nlohmann::json& cap = j.at("memory_cap");
    try {
      spec->memory_cap_bytes =
          cap.is_number_unsigned() ? cap.get<uint64_t>() : ParseByteSize(cap.get<std::string>());
    } catch (const std::invalid_argument& e) {
      ThrowFieldError(source, "memory_cap", e.what());
    }
  }
  if (j.contains("cache_dir")) spec->cache_dir = PlainString(j.at("cache_dir"), "cache_dir");
  spec->cache_dir = Resolve(base_dir, spec->cache_dir);
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
  if (!j.is_object()) ThrowFieldError(source, "(top level)", "must be a JSON object");
  SweepSpec spec;
  try {
    RequireKnownKeys(j, "", Keys(kSpecKeys));
    spec.name =
        j.contains("name") ? PlainString(j.at("name"), "name") : fs::path(source).stem().string();
    ParseDatasets(j, source, base_dir, &spec);
    ParseKernels(j, source, &spec);
    ParseImplementations(j, source, base_dir, &spec);
    ParseConfigurations(j, source, base_dir, &spec);
    ParseRowSettings(j, source, base_dir, &spec);
  } catch (const FieldError& e) {
    throw std::runtime_error(source + ": " + e.what());
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
