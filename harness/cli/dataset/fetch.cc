// `cost dataset fetch NAME`: download a catalog dataset's source file with curl.
#include <iostream>
#include <memory>

#include "harness/cli/dataset/subcommands.h"
#include "harness/prepare/dataset_fetch.h"

namespace cost::harness {

void AddDatasetFetch(CLI::App& dataset) {
  struct Options {
    std::string name;
    FetchOptions fetch;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "fetch",
      "Download a named dataset's source file into CACHE/downloads/NAME/ with curl and print its "
      "path. The download goes to FILE.part, which a failed or interrupted fetch keeps and the "
      "next one resumes; it is renamed into place only when its XXH64 matches the checksum "
      "(--xxh64, else the catalog's; with neither it is not verified and its XXH64 is "
      "printed).");
  cmd->add_option("name", o->name, "Dataset name")->required();
  AddCacheOption(*cmd, &o->fetch.cache_dir);
  cmd->add_option("--url", o->fetch.url,
                  "Download from this URL instead of the catalog's (a mirror; any URL curl "
                  "reads, file:// included)");
  cmd->add_option("--xxh64", o->fetch.xxh64,
                  "Expected XXH64 of the file in hex, instead of the catalog's");
  cmd->callback([o] {
    const datasets::CatalogEntry& entry = datasets::FindDataset(o->name);
    const FetchedFile fetched = FetchCatalogDataset(entry, o->fetch, &std::cerr);
    std::cout << fetched.path << "\n";
  });
}

}  // namespace cost::harness
