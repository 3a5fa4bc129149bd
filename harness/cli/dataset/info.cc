// `cost dataset info FILE [--json] [--no-verify]`: describe a prepared graph file, section by
// section, after checking every section's checksum (the header's and the table's are checked by
// any read of the file).
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "datasets/dataset_error.h"
#include "harness/cli/dataset/subcommands.h"
#include "harness/core/format.h"

namespace cost::harness {
namespace {

nlohmann::json SectionsJson(const datasets::GraphFileInfo& info) {
  nlohmann::json sections = nlohmann::json::array();
  for (const datasets::GraphFileSectionInfo& s : info.sections) {
    sections.push_back({{"name", s.name()},
                        {"bytes", s.bytes},
                        {"bytes_per_edge", s.bytes_per_edge},
                        {"checksum", Hex16(s.checksum)}});
  }
  return sections;
}

void PrintSections(const datasets::GraphFileInfo& info) {
  std::printf("  sections (%s)\n", datasets::PreparedSectionsName(info.prepared).c_str());
  for (const datasets::GraphFileSectionInfo& s : info.sections) {
    std::printf("    %-18s %15llu bytes %8.3f bytes/edge\n", s.name(),
                static_cast<unsigned long long>(s.bytes), s.bytes_per_edge);
  }
}

// Reads every section of the file once and checks its checksum. Throws DatasetError("PATH: ...
// (the file is corrupt)") naming the first section that does not match.
void VerifyEverySection(const std::string& path) {
  const datasets::GraphFileReader reader(path);
  for (const datasets::GraphFileSectionInfo& s : reader.info().sections) {
    try {
      reader.VerifySection(s.kind);
    } catch (const datasets::DatasetError& e) {
      throw datasets::DatasetError(std::string(e.what()) + " (the file is corrupt)");
    }
    if (reader.info().version < 2) break;  // one checksum covers a version-1 file's payload
  }
}

}  // namespace

void PrintGraphFileInfo(const std::string& path, const datasets::GraphFileInfo& info, bool json,
                        const std::string& verified) {
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
                        {"sections", SectionsJson(info)},
                        {"verified", verified},
                        {"metadata", meta}};
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::printf(
      "%s\n  format version  %u\n  vertices        %llu\n  edges (arcs)    %llu\n"
      "  symmetric       %s\n  checksum        %s (XXH64)\n  verified        %s\n"
      "  file size       %llu bytes\n",
      path.c_str(), info.version, static_cast<unsigned long long>(info.num_vertices),
      static_cast<unsigned long long>(info.num_edges), info.symmetric ? "yes" : "no",
      checksum.c_str(), verified.c_str(), static_cast<unsigned long long>(info.file_bytes));
  PrintSections(info);
  std::printf("  metadata        %s\n", meta.dump().c_str());
}

void AddDatasetInfo(CLI::App& dataset) {
  struct Options {
    std::string file;
    bool json = false;
    bool verify = true;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "info",
      "Describe a prepared graph file: counts, every section with its bytes and bytes per edge, "
      "the checksum and how it was made. Reads every section once to check its checksum "
      "(--no-verify: only the header's and the table's); a corrupt file exits 1");
  cmd->add_option("file", o->file, "Prepared .cgraph file")->required();
  cmd->add_flag("--json", o->json, "Print JSON");
  cmd->add_flag("--verify,!--no-verify", o->verify,
                "Check every section's checksum (default; --no-verify skips them)");
  cmd->callback([o] {
    const datasets::GraphFileInfo info = datasets::ReadGraphFileInfo(o->file);
    if (o->verify) VerifyEverySection(o->file);
    PrintGraphFileInfo(o->file, info, o->json,
                       o->verify ? "yes (header, table and every section)"
                                 : "header and table only; sections not verified (use --verify)");
  });
}

}  // namespace cost::harness
