// `cost dataset prepare NAME`: a catalog dataset into the dataset cache, once.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "harness/cli/dataset/subcommands.h"
#include "harness/core/format.h"
#include "harness/prepare/catalog_datasets.h"

namespace cost::harness {

void AddDatasetPrepare(CLI::App& dataset) {
  struct Options {
    std::string name;
    PreparationFlags preparation;
    CacheOptions cache;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "prepare",
      "Prepare a named dataset (see `cost dataset list`) into the cache once and print its path. "
      "The file is named by the XXH64 of the source file (of the parameters, for generated "
      "graphs) and the preparation options, as sweeps name theirs; an existing readable one is "
      "reused, an unreadable one prepared again.");
  cmd->add_option("name", o->name, "Dataset name")->required();
  AddPreparationOptions(*cmd, &o->preparation);
  AddCacheOption(*cmd, &o->cache.cache_dir);
  AddSharedOption(*cmd, &o->cache.shared_dir);
  cmd->add_option("--file", o->cache.file,
                  "Source file (required for bring-your-own datasets such as twitter_rv)");
  cmd->add_flag("--json", o->json, "Print JSON: path, reused, counts");
  cmd->callback([o] {
    o->cache.resources = PreparationOf(o->preparation, o->name);
    o->cache.layout = o->cache.resources.layout;
    o->cache.sections = o->cache.resources.sections;
    const datasets::CatalogEntry& entry = datasets::FindDataset(o->name);
    const PreparedDataset prepared = PrepareCatalogDataset(entry, o->cache);
    if (!o->json) {
      std::cout << prepared.path << "\n";
      return;
    }
    const nlohmann::json j = {{"name", entry.name},
                              {"path", prepared.path},
                              {"reused", prepared.reused},
                              {"source_hash", Hex16(prepared.source_hash)},
                              {"num_vertices", prepared.info.num_vertices},
                              {"num_edges", prepared.info.num_edges},
                              {"expected_vertices", entry.expected_vertices},
                              {"expected_edges", entry.expected_edges}};
    std::cout << j.dump(2) << "\n";
  });
}

}  // namespace cost::harness
