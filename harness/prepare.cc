#include "harness/prepare.h"

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "datasets/csr_build.h"
#include "datasets/ldbc_loader.h"
#include "datasets/text_loader.h"
#include "harness/machine_info.h"

namespace cost::harness {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Builds, records the timings in the metadata, writes the file and reads back its header.
datasets::GraphFileInfo BuildAndWrite(const datasets::EdgeList& edges, bool symmetrize,
                                      nlohmann::json metadata, double source_seconds,
                                      const std::string& path) {
  const auto start = std::chrono::steady_clock::now();
  datasets::BuildStats stats;
  const datasets::Graph graph = datasets::BuildGraph(edges, {.symmetrize = symmetrize}, &stats);
  const double build_seconds = SecondsSince(start);
  metadata["symmetrized"] = symmetrize;
  metadata["input_edges"] = stats.input_edges;
  metadata["self_loops_dropped"] = stats.self_loops_dropped;
  metadata["duplicates_removed"] = stats.duplicates_removed;
  metadata["source_seconds"] = source_seconds;  // generating or parsing
  metadata["build_seconds"] = build_seconds;    // CSR + transpose
  metadata["preparation_seconds"] = source_seconds + build_seconds;
  metadata["layout"] = "vertex";
  metadata["created"] = UtcNow();
  datasets::WriteGraphFile(graph, metadata.dump(), path);
  return datasets::ReadGraphFileInfo(path);
}

}  // namespace

datasets::GraphFileInfo GenerateKroneckerFile(const datasets::KroneckerOptions& options,
                                              bool symmetrize, const std::string& path) {
  const auto start = std::chrono::steady_clock::now();
  const datasets::EdgeList edges = datasets::GenerateKronecker(options);
  nlohmann::json metadata = {
      {"source", "kronecker"}, {"scale", options.scale}, {"edge_factor", options.edge_factor},
      {"seed", options.seed},  {"a", options.a},         {"b", options.b},
      {"c", options.c}};
  return BuildAndWrite(edges, symmetrize, metadata, SecondsSince(start), path);
}

datasets::GraphFileInfo ConvertToGraphFile(const std::string& input, bool symmetrize,
                                           const std::string& path) {
  const auto start = std::chrono::steady_clock::now();
  nlohmann::json metadata = {{"source", std::filesystem::absolute(input).string()}};
  if (std::filesystem::path(input).extension() == ".properties") {
    datasets::LdbcGraph ldbc = datasets::LoadLdbcGraph(input);
    metadata["format"] = "ldbc-evlp";
    metadata["directed"] = ldbc.directed;
    return BuildAndWrite(ldbc.edges, symmetrize || !ldbc.directed, metadata, SecondsSince(start),
                         path);
  }
  const datasets::EdgeList edges = datasets::LoadTextEdgeList(input);
  metadata["format"] = "text-edge-list";
  return BuildAndWrite(edges, symmetrize, metadata, SecondsSince(start), path);
}

std::string KroneckerCacheName(const datasets::KroneckerOptions& options, bool symmetrize) {
  return "kron-s" + std::to_string(options.scale) + "-ef" + std::to_string(options.edge_factor) +
         "-seed" + std::to_string(options.seed) + (symmetrize ? "-sym" : "-dir") + ".cgraph";
}

}  // namespace cost::harness
