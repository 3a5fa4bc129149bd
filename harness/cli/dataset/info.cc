// `cost dataset info FILE [--json]`: describe a prepared graph file.
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "harness/cli/dataset/subcommands.h"
#include "harness/core/format.h"

namespace cost::harness {

void PrintGraphFileInfo(const std::string& path, const datasets::GraphFileInfo& info, bool json) {
  nlohmann::json meta = nlohmann::json::parse(info.metadata, nullptr, false);
  if (meta.is_discarded()) meta = info.metadata;
  const std::string checksum = Hex16(info.checksum);
  if (json) {
    nlohmann::json j = {{"path", path},
                        {"version", info.version},
                        {"num_vertices", info.num_vertices},
                        {"num_edges", info.num_edges},
                        {"symmetric", info.symmetric},
                        {"checksum", checksum},
                        {"file_bytes", info.file_bytes},
                        {"hilbert", info.has_hilbert},
                        {"hilbert_compressed_bytes", info.hilbert_compressed_bytes},
                        {"metadata", meta}};
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::printf(
      "%s\n  format version  %u\n  vertices        %llu\n  edges (arcs)    %llu\n"
      "  symmetric       %s\n  hilbert arrays  %s\n  hilbert stream  %llu bytes\n  checksum        "
      "%s (XXH64)\n  file size       %llu bytes\n"
      "  metadata        %s\n",
      path.c_str(), info.version, static_cast<unsigned long long>(info.num_vertices),
      static_cast<unsigned long long>(info.num_edges), info.symmetric ? "yes" : "no",
      info.has_hilbert ? "yes" : "no",
      static_cast<unsigned long long>(info.hilbert_compressed_bytes), checksum.c_str(),
      static_cast<unsigned long long>(info.file_bytes), meta.dump().c_str());
}

void AddDatasetInfo(CLI::App& dataset) {
  struct Options {
    std::string file;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "info", "Describe a prepared graph file: counts, checksum and how it was made");
  cmd->add_option("file", o->file, "Prepared .cgraph file")->required();
  cmd->add_flag("--json", o->json, "Print JSON");
  cmd->callback(
      [o] { PrintGraphFileInfo(o->file, datasets::ReadGraphFileInfo(o->file), o->json); });
}

}  // namespace cost::harness
