#include "harness/prepare/graph_preparation.h"

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "datasets/csr_build.h"
#include "datasets/text_file_build.h"
#include "harness/machine/machine_info.h"

namespace cost::harness {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Adds the layout, records the timings in the metadata, writes the file and reads back its
// header.
datasets::GraphFileInfo LayoutAndWrite(datasets::Graph graph, const datasets::BuildStats& stats,
                                       const PrepareOptions& options, nlohmann::json metadata,
                                       double source_seconds, double build_seconds,
                                       const std::string& path) {
  auto start = std::chrono::steady_clock::now();
  datasets::HilbertStats hilbert;
  graph = datasets::WithHilbertLayout(graph, options.layout, &hilbert);
  const double hilbert_seconds =
      options.layout == datasets::EdgeLayout::kVertex ? 0.0 : SecondsSince(start);
  metadata["symmetrized"] = options.symmetrize;
  metadata["input_edges"] = stats.input_edges;
  metadata["self_loops_dropped"] = stats.self_loops_dropped;
  metadata["duplicates_removed"] = stats.duplicates_removed;
  metadata["source_seconds"] = source_seconds;  // generating or parsing
  metadata["build_seconds"] = build_seconds;    // CSR + transpose
  metadata["layout"] = datasets::EdgeLayoutName(options.layout);
  if (options.layout != datasets::EdgeLayout::kVertex) {
    metadata["hilbert_seconds"] = hilbert_seconds;  // encode + sort + arrays or stream
    metadata["hilbert_encode_seconds"] = hilbert.encode_seconds;
    metadata["hilbert_sort_seconds"] = hilbert.sort_seconds;
    metadata["hilbert_output_seconds"] = hilbert.output_seconds;
  }
  if (options.layout == datasets::EdgeLayout::kCompressed) {
    metadata["hilbert_compressed_bytes"] = hilbert.compressed_bytes;
    metadata["hilbert_bytes_per_edge"] =
        graph.num_edges() == 0 ? 0.0
                               : static_cast<double>(hilbert.compressed_bytes) / graph.num_edges();
  }
  metadata["preparation_seconds"] = source_seconds + build_seconds + hilbert_seconds;
  metadata["created"] = UtcNow();
  datasets::WriteGraphFile(graph, metadata.dump(), path);
  return datasets::ReadGraphFileInfo(path);
}

// Builds the CSR and its transpose, then LayoutAndWrite.
datasets::GraphFileInfo BuildAndWrite(const datasets::EdgeList& edges,
                                      const PrepareOptions& options, nlohmann::json metadata,
                                      double source_seconds, const std::string& path) {
  const auto start = std::chrono::steady_clock::now();
  datasets::BuildStats stats;
  datasets::Graph graph = datasets::BuildGraph(edges, {.symmetrize = options.symmetrize}, &stats);
  return LayoutAndWrite(std::move(graph), stats, options, std::move(metadata), source_seconds,
                        SecondsSince(start), path);
}

}  // namespace

datasets::GraphFileInfo GenerateKroneckerFile(const datasets::KroneckerOptions& options,
                                              const PrepareOptions& prepare,
                                              const std::string& path) {
  const auto start = std::chrono::steady_clock::now();
  const datasets::EdgeList edges = datasets::GenerateKronecker(options);
  nlohmann::json metadata = {
      {"source", "kronecker"}, {"scale", options.scale}, {"edge_factor", options.edge_factor},
      {"seed", options.seed},  {"a", options.a},         {"b", options.b},
      {"c", options.c}};
  return BuildAndWrite(edges, prepare, metadata, SecondsSince(start), path);
}

datasets::GraphFileInfo GenerateUniformFile(const datasets::UniformOptions& options,
                                            const PrepareOptions& prepare,
                                            const std::string& path) {
  const auto start = std::chrono::steady_clock::now();
  const datasets::EdgeList edges = datasets::GenerateUniform(options);
  nlohmann::json metadata = {{"source", "uniform"},
                             {"vertices", options.num_vertices},
                             {"edges", options.num_edges},
                             {"seed", options.seed}};
  return BuildAndWrite(edges, prepare, metadata, SecondsSince(start), path);
}

datasets::GraphFileInfo GenerateGridFile(const datasets::GridOptions& options,
                                         const PrepareOptions& prepare, const std::string& path) {
  const auto start = std::chrono::steady_clock::now();
  const datasets::EdgeList edges = datasets::GenerateGrid(options);
  nlohmann::json metadata = {{"source", "grid"},
                             {"rows", options.rows},
                             {"cols", options.cols},
                             {"drop_probability", options.drop_probability},
                             {"seed", options.seed}};
  return BuildAndWrite(edges, prepare, metadata, SecondsSince(start), path);
}

datasets::GraphFileInfo ConvertToGraphFile(const std::string& input, const ConvertOptions& options,
                                           const std::string& path) {
  const auto start = std::chrono::steady_clock::now();
  const datasets::GraphFormat format =
      options.format ? *options.format : datasets::DetectGraphFormat(input);
  if (format == datasets::GraphFormat::kSnap && datasets::CanBuildFromTextFile(input)) {
    // Streamed: the edge list is never held, so memory stays near the output's size. Parsing
    // and building interleave; their time is recorded as build_seconds.
    const nlohmann::json metadata = {{"source", std::filesystem::absolute(input).string()},
                                     {"format", datasets::FormatName(format)},
                                     {"input_undirected", false},
                                     {"streamed", true}};
    const PrepareOptions prepare{.symmetrize = options.symmetrize, .layout = options.layout};
    datasets::BuildStats stats;
    datasets::Graph graph =
        datasets::BuildGraphFromTextFile(input, {.symmetrize = options.symmetrize}, &stats);
    return LayoutAndWrite(std::move(graph), stats, prepare, metadata, 0.0, SecondsSince(start),
                          path);
  }
  datasets::LoadedGraph loaded = datasets::LoadGraphInput(input, format);
  nlohmann::json metadata = {{"source", std::filesystem::absolute(input).string()},
                             {"format", datasets::FormatName(format)},
                             {"input_undirected", loaded.undirected}};
  const PrepareOptions prepare{.symmetrize = options.symmetrize || loaded.undirected,
                               .layout = options.layout};
  return BuildAndWrite(loaded.edges, prepare, metadata, SecondsSince(start), path);
}

datasets::GraphFileInfo ConvertToGraphFile(const std::string& input, bool symmetrize,
                                           const std::string& path) {
  ConvertOptions options;
  options.symmetrize = symmetrize;
  return ConvertToGraphFile(input, options, path);
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
  return ConvertToGraphFile(
      file.path,
      {.symmetrize = prepare.symmetrize, .format = file.format, .layout = prepare.layout}, path);
}

}  // namespace

datasets::GraphFileInfo PrepareGraphFile(const GraphRecipe& recipe, const std::string& path) {
  const PrepareOptions prepare{.symmetrize = recipe.symmetrize, .layout = recipe.layout};
  return std::visit([&](const auto& source) { return PrepareFrom(source, prepare, path); },
                    recipe.source);
}

}  // namespace cost::harness
