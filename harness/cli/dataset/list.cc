// `cost dataset list [--json]`: the catalog's named datasets and what is prepared of each.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "datasets/catalog.h"
#include "datasets/dataset_error.h"
#include "harness/cli/dataset/subcommands.h"
#include "harness/prepare/dataset_cache.h"

namespace cost::harness {
namespace {

// The layouts of `entry` already prepared in the cache. Generated and shipped entries are looked
// up by their exact key; bring-your-own entries (no file to hash) by any cached NAME-* file.
nlohmann::json PreparedLayouts(const datasets::CatalogEntry& entry, const CacheOptions& options,
                               bool* source_available) {
  nlohmann::json prepared = nlohmann::json::object();
  *source_available = false;
  const datasets::EdgeLayout layouts[] = {datasets::EdgeLayout::kVertex,
                                          datasets::EdgeLayout::kHilbert,
                                          datasets::EdgeLayout::kCompressed};
  if (entry.source == datasets::DatasetSource::kBringYourOwn) {
    std::error_code error;
    for (const auto& file : std::filesystem::directory_iterator(options.cache_dir, error)) {
      const std::string name = file.path().filename().string();
      if (name.rfind(std::string(entry.name) + "-", 0) != 0) continue;
      for (const auto layout : layouts) {
        if (name.find(std::string("-") + datasets::EdgeLayoutName(layout) + "-") !=
            std::string::npos) {
          prepared[datasets::EdgeLayoutName(layout)] = file.path().string();
        }
      }
    }
    return prepared;
  }
  CacheOptions each = options;
  uint64_t hash = 0;
  for (const auto layout : layouts) {
    each.layout = layout;
    std::string path;
    try {
      path = PreparedPathOf(entry, each, &hash);
    } catch (const datasets::DatasetError&) {
      return prepared;  // the source file is missing
    }
    *source_available = true;
    if (std::filesystem::exists(path)) prepared[datasets::EdgeLayoutName(layout)] = path;
  }
  return prepared;
}

// One row of `cost dataset list --json`.
nlohmann::json ListingRow(const datasets::CatalogEntry& entry, const CacheOptions& options) {
  bool available = false;
  nlohmann::json prepared = PreparedLayouts(entry, options, &available);
  nlohmann::json row = {{"name", entry.name},
                        {"source", datasets::DatasetSourceName(entry.source)},
                        {"description", entry.description},
                        {"symmetric", entry.symmetrize},
                        {"expected_vertices", entry.expected_vertices},
                        {"expected_edges", entry.expected_edges},
                        {"origin", entry.origin},
                        {"source_available", available},
                        {"prepared", prepared}};
  if (entry.source == datasets::DatasetSource::kSharedFile) {
    row["path"] = SourceFileOf(entry, options);
    row["format"] = datasets::FormatName(entry.format);
  }
  if (entry.source == datasets::DatasetSource::kBringYourOwn) {
    row["format"] = datasets::FormatName(entry.format);
  }
  if (entry.expected_bytes != 0) row["expected_bytes"] = entry.expected_bytes;
  if (entry.prepared_arcs != 0) row["prepared_arcs"] = entry.prepared_arcs;
  return row;
}

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
    nlohmann::json rows = nlohmann::json::array();
    for (const datasets::CatalogEntry& entry : datasets::Catalog()) {
      rows.push_back(ListingRow(entry, o->cache));
    }
    if (o->json) {
      std::cout << rows.dump(2) << "\n";
    } else {
      PrintListing(rows);
    }
  });
}

}  // namespace cost::harness
