// `cost dataset list [--json]`: the catalog's named datasets and what is prepared of each.
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "harness/cli/dataset/subcommands.h"
#include "harness/prepare/catalog_datasets.h"

namespace cost::harness {
namespace {

// The prepared layouts of a listing row, "vertex,hilbert", or why there are none.
std::string PreparedColumn(const nlohmann::json& row) {
  std::string prepared;
  for (const auto& [layout, path] : row["prepared"].items()) {
    prepared += (prepared.empty() ? "" : ",") + layout;
  }
  if (!prepared.empty()) return prepared;
  return row["source_available"].get<bool>() ? "-" : "- (no source file)";
}

void PrintListing(const nlohmann::json& rows) {
  std::printf("%-17s %-14s %13s %15s  %s\n", "name", "source", "vertices", "edges",
              "prepared (cache)");
  for (const auto& row : rows) {
    std::printf("%-17s %-14s %13llu %15llu  %s\n", row["name"].get<std::string>().c_str(),
                row["source"].get<std::string>().c_str(),
                static_cast<unsigned long long>(row["expected_vertices"].get<uint64_t>()),
                static_cast<unsigned long long>(row["expected_edges"].get<uint64_t>()),
                PreparedColumn(row).c_str());
  }
}

}  // namespace

void AddDatasetList(CLI::App& dataset) {
  struct Options {
    CacheOptions cache;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "list",
      "List the named datasets of the catalog, their published counts, and which layouts are "
      "already prepared in the cache");
  cmd->add_flag("--json", o->json, "Print JSON");
  AddCacheOption(*cmd, &o->cache.cache_dir);
  AddSharedOption(*cmd, &o->cache.shared_dir);
  cmd->callback([o] {
    const nlohmann::json rows = ListCatalog(o->cache);
    if (o->json) {
      std::cout << rows.dump(2) << "\n";
    } else {
      PrintListing(rows);
    }
  });
}

}  // namespace cost::harness
