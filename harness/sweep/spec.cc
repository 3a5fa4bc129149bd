#include "harness/sweep/spec.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

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

DatasetSpec ParseDataset(const nlohmann::json& j, const std::string& source,
                         const std::string& base_dir, size_t index) {
  const std::string field = "datasets[" + std::to_string(index) + "]";
  if (!j.is_object()) SpecError(source, field, "must be an object");
  DatasetSpec d;
  d.name = j.value("name", "");
  if (d.name.empty()) SpecError(source, field + ".name", "missing");
  const int kinds = j.contains("graph") + j.contains("edges") + j.contains("kronecker");
  if (kinds != 1)
    SpecError(source, field, "give exactly one of \"graph\", \"edges\", \"kronecker\"");
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

// "systems" (manifests, loaded to know their names) and "implementations".
void ParseImplementations(const nlohmann::json& j, const std::string& source,
                          const std::string& base_dir, SweepSpec* spec) {
  for (const std::string& path : j.value("systems", std::vector<std::string>{})) {
    spec->systems.push_back(Resolve(base_dir, path));
  }
  const std::vector<ExternalSystem> externals = LoadSpecSystems(*spec);
  spec->implementations = j.value("implementations", std::vector<std::string>{});
  for (const std::string& name : spec->implementations) {
    if (!FindImplementation(name) && !FindExternalSystem(externals, name)) {
      SpecError(source, "implementations",
                "unknown implementation \"" + name + "\" (see `cost systems`)");
    }
  }
}

// "threads", "procs", "rank_threads" and "hostfile": the configurations each row runs at.
void ParseConfigurations(const nlohmann::json& j, const std::string& source,
                         const std::string& base_dir, SweepSpec* spec) {
  spec->threads = j.value("threads", spec->threads);
  for (int t : spec->threads) {
    if (t < 1) SpecError(source, "threads", "thread counts must be >= 1");
  }
  spec->procs = j.value("procs", spec->procs);
  for (int p : spec->procs) {
    if (p < 1) SpecError(source, "procs", "process counts must be >= 1");
  }
  spec->rank_threads = j.value("rank_threads", spec->rank_threads);
  for (int t : spec->rank_threads) {
    if (t < 1) SpecError(source, "rank_threads", "thread counts must be >= 1");
  }
  if (j.contains("hostfile")) {
    spec->hostfile = Resolve(base_dir, j.at("hostfile").get<std::string>());
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
