#include "harness/prepare/graph_preparation.h"

#include <omp.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "datasets/dataset_error.h"
#include "datasets/prepare_graph.h"
#include "harness/machine/machine_info.h"

namespace cost::harness {
namespace {

// The layout name of `sections` when they are exactly a layout's, for the metadata's "layout"
// (which reports group results by); "" otherwise.
std::string LayoutNameOf(const datasets::PreparedSections& sections) {
  for (const datasets::EdgeLayout layout :
       {datasets::EdgeLayout::kVertex, datasets::EdgeLayout::kHilbert,
        datasets::EdgeLayout::kCompressed}) {
    if (datasets::SectionsForLayout(layout) == sections) return datasets::EdgeLayoutName(layout);
  }
  return "";
}

// The metadata record: the source's parameters, the preparation report, and the fields
// measurements read (preparation_seconds; hilbert_seconds, the phases that made the Hilbert
// sections).
std::string MetadataOf(const nlohmann::json& source, const datasets::PreparedSections& asked,
                       const datasets::PreparationReport& report) {
  nlohmann::json metadata = nlohmann::json::parse(datasets::PreparationReportJson(report));
  for (const auto& [key, value] : source.items()) metadata[key] = value;
  double hilbert_seconds = 0;
  for (const datasets::PhaseReport& phase : report.phases) {
    if (phase.name.find("hilbert") != std::string::npos) hilbert_seconds += phase.seconds;
  }
  if (report.sections.hilbert || report.sections.compressed) {
    metadata["hilbert_seconds"] = hilbert_seconds;
  }
  const std::string layout = LayoutNameOf(asked);
  if (!layout.empty()) metadata["layout"] = layout;
  metadata["streamed"] = true;
  metadata["created"] = UtcNow();
  return metadata.dump();
}

datasets::PreparationOptions OptionsOf(const PrepareOptions& prepare, nlohmann::json source) {
  if (prepare.threads > 0) omp_set_num_threads(prepare.threads);
  datasets::PreparationOptions options;
  options.sections = SectionsOf(prepare);
  options.symmetrize = prepare.symmetrize;
  options.memory_budget = prepare.memory_budget;
  options.tmp_dir = prepare.tmp_dir;
  options.progress = prepare.progress;
  // Test hook: the free bytes the disk check sees, so that the refusal can be tested through the
  // CLI without filling a disk.
  if (const char* free_disk = std::getenv("COST_TEST_FREE_DISK_BYTES"); free_disk != nullptr) {
    options.free_disk_bytes = std::strtoull(free_disk, nullptr, 10);
  }
  options.metadata = [source = std::move(source),
                      asked = options.sections](const datasets::PreparationReport& report) {
    return MetadataOf(source, asked, report);
  };
  return options;
}

// Refuses an output that is the input: writing it would destroy the input before it is read.
void RefuseOutputIsInput(const std::string& input, const std::string& output) {
  struct stat in {
  }, out{};
  if (stat(input.c_str(), &in) != 0 || stat(output.c_str(), &out) != 0) return;
  if (in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
    throw datasets::DatasetError(output + ": is the input " + input +
                                 " (the same file); choose another output");
  }
}

}  // namespace

datasets::PreparedSections SectionsOf(const PrepareOptions& options) {
  return options.sections ? *options.sections : datasets::SectionsForLayout(options.layout);
}

datasets::GraphFileInfo GenerateKroneckerFile(const datasets::KroneckerOptions& options,
                                              const PrepareOptions& prepare,
                                              const std::string& path) {
  const nlohmann::json source = {
      {"source", "kronecker"}, {"scale", options.scale}, {"edge_factor", options.edge_factor},
      {"seed", options.seed},  {"a", options.a},         {"b", options.b},
      {"c", options.c}};
  return datasets::PrepareKronecker(options, OptionsOf(prepare, source), path).info;
}

datasets::GraphFileInfo GenerateUniformFile(const datasets::UniformOptions& options,
                                            const PrepareOptions& prepare,
                                            const std::string& path) {
  const nlohmann::json source = {{"source", "uniform"},
                                 {"vertices", options.num_vertices},
                                 {"edges", options.num_edges},
                                 {"seed", options.seed}};
  return datasets::PrepareUniform(options, OptionsOf(prepare, source), path).info;
}

datasets::GraphFileInfo GenerateGridFile(const datasets::GridOptions& options,
                                         const PrepareOptions& prepare, const std::string& path) {
  const nlohmann::json source = {{"source", "grid"},
                                 {"rows", options.rows},
                                 {"cols", options.cols},
                                 {"drop_probability", options.drop_probability},
                                 {"seed", options.seed}};
  return datasets::PrepareGrid(options, OptionsOf(prepare, source), path).info;
}

datasets::GraphFileInfo ConvertToGraphFile(const std::string& input,
                                           std::optional<datasets::GraphFormat> format,
                                           const PrepareOptions& prepare, const std::string& path) {
  RefuseOutputIsInput(input, path);
  std::error_code error;
  const std::filesystem::path absolute = std::filesystem::absolute(input, error);
  const nlohmann::json source = {{"source", error ? input : absolute.string()}};
  return datasets::PrepareFromInput(input, format, OptionsOf(prepare, source), path).info;
}

datasets::GraphFileInfo ConvertToGraphFile(const std::string& input, bool symmetrize,
                                           const std::string& path) {
  PrepareOptions prepare;
  prepare.symmetrize = symmetrize;
  return ConvertToGraphFile(input, std::nullopt, prepare, path);
}

namespace {

// PrepareGraphFile, one per kind of source.
datasets::GraphFileInfo PrepareFrom(const datasets::KroneckerOptions& kronecker,
                                    const PrepareOptions& prepare, const std::string& path) {
  return GenerateKroneckerFile(kronecker, prepare, path);
}
datasets::GraphFileInfo PrepareFrom(const datasets::UniformOptions& uniform,
                                    const PrepareOptions& prepare, const std::string& path) {
  return GenerateUniformFile(uniform, prepare, path);
}
datasets::GraphFileInfo PrepareFrom(const datasets::GridOptions& grid,
                                    const PrepareOptions& prepare, const std::string& path) {
  return GenerateGridFile(grid, prepare, path);
}
datasets::GraphFileInfo PrepareFrom(const SourceFile& file, const PrepareOptions& prepare,
                                    const std::string& path) {
  return ConvertToGraphFile(file.path, file.format, prepare, path);
}

}  // namespace

datasets::GraphFileInfo PrepareGraphFile(const GraphRecipe& recipe, const std::string& path,
                                         const PrepareOptions& resources) {
  PrepareOptions prepare = resources;
  prepare.symmetrize = recipe.symmetrize;
  prepare.sections = SectionsOf(recipe);
  return std::visit([&](const auto& source) { return PrepareFrom(source, prepare, path); },
                    recipe.source);
}

}  // namespace cost::harness
