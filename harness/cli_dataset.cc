// `cost dataset generate | convert | info`: making and inspecting prepared graph files.
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "datasets/graph_file.h"
#include "harness/cli.h"
#include "harness/prepare.h"

namespace cost::harness {
namespace {

void PrintInfo(const std::string& path, const datasets::GraphFileInfo& info, bool json) {
  nlohmann::json meta = nlohmann::json::parse(info.metadata, nullptr, false);
  if (meta.is_discarded()) meta = info.metadata;
  char checksum[17];
  std::snprintf(checksum, sizeof checksum, "%016llx",
                static_cast<unsigned long long>(info.checksum));
  if (json) {
    nlohmann::json j = {{"path", path},
                        {"version", info.version},
                        {"num_vertices", info.num_vertices},
                        {"num_edges", info.num_edges},
                        {"symmetric", info.symmetric},
                        {"checksum", checksum},
                        {"file_bytes", info.file_bytes},
                        {"metadata", meta}};
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::printf(
      "%s\n  format version  %u\n  vertices        %llu\n  edges (arcs)    %llu\n"
      "  symmetric       %s\n  checksum        %s (XXH64)\n  file size       %llu bytes\n"
      "  metadata        %s\n",
      path.c_str(), info.version, static_cast<unsigned long long>(info.num_vertices),
      static_cast<unsigned long long>(info.num_edges), info.symmetric ? "yes" : "no", checksum,
      static_cast<unsigned long long>(info.file_bytes), meta.dump().c_str());
}

void AddGenerate(CLI::App& dataset) {
  struct Options {
    std::string kind, out;
    datasets::KroneckerOptions kronecker;
    bool directed = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "generate", "Generate a graph and write it as a prepared .cgraph file");
  cmd->add_option("kind", o->kind, "Generator: kronecker (Graph500 R-MAT, A=0.57 B=C=0.19)")
      ->required()
      ->check(CLI::IsMember({"kronecker"}));
  cmd->add_option("--scale", o->kronecker.scale, "2^SCALE vertices")
      ->required()
      ->check(CLI::Range(1, 31));
  cmd->add_option("--edge-factor", o->kronecker.edge_factor,
                  "EDGE_FACTOR * 2^SCALE generated edges (default 16)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seed", o->kronecker.seed,
                  "Random seed; the same seed gives the same graph "
                  "at any thread count (default 1)");
  cmd->add_flag("--directed", o->directed,
                "Keep edges as generated instead of storing both "
                "directions (Graph500 graphs are undirected)");
  cmd->add_option("-o,--output", o->out, "Prepared graph file to write")->required();
  cmd->callback([o] {
    const auto info = GenerateKroneckerFile(o->kronecker, !o->directed, o->out);
    PrintInfo(o->out, info, false);
  });
}

void AddConvert(CLI::App& dataset) {
  struct Options {
    std::string in, out;
    bool symmetrize = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "convert",
      "Convert a text edge list (SNAP style: 'src dst' lines, # or % comments, CRLF "
      "ok, sparse ids) or an LDBC graph (its .properties file) to a prepared .cgraph "
      "file. Self-loops and duplicate edges are dropped.");
  cmd->add_option("input", o->in, "Edge list or LDBC .properties file")->required();
  cmd->add_option("-o,--output", o->out, "Prepared graph file to write")->required();
  cmd->add_flag("--symmetrize", o->symmetrize,
                "Store both directions of every edge (undirected "
                "graph); LDBC undirected graphs always are");
  cmd->callback([o] {
    const auto info = ConvertToGraphFile(o->in, o->symmetrize, o->out);
    PrintInfo(o->out, info, false);
  });
}

void AddInfo(CLI::App& dataset) {
  struct Options {
    std::string file;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "info", "Describe a prepared graph file: counts, checksum and how it was made");
  cmd->add_option("file", o->file, "Prepared .cgraph file")->required();
  cmd->add_flag("--json", o->json, "Print JSON");
  cmd->callback([o] { PrintInfo(o->file, datasets::ReadGraphFileInfo(o->file), o->json); });
}

}  // namespace

void AddDatasetCommand(CLI::App& app, int*) {
  CLI::App* dataset = app.add_subcommand("dataset", "Generate, convert and inspect graphs");
  dataset->require_subcommand(1);
  AddGenerate(*dataset);
  AddConvert(*dataset);
  AddInfo(*dataset);
}

}  // namespace cost::harness
