// The options several `cost dataset` subcommands take, spelled and checked once.
#include "datasets/dataset_error.h"
#include "datasets/graph_formats.h"
#include "harness/cli/dataset/subcommands.h"

namespace cost::harness {

const char* const kInputFormatsHelp =
    "snap (text edge list, plain or .gz), mtx (Matrix Market coordinate), evlp (LDBC "
    ".properties), raw ((u32,u32) pairs), cost-vertex (.nodes + .edges), cgraph";

CLI::Option* AddFormatOption(CLI::App& cmd, std::string* format, const std::string& help) {
  const CLI::Validator known(
      [](std::string& name) -> std::string {
        try {
          datasets::ParseFormatName(name);
        } catch (const datasets::DatasetError& e) {
          return e.what();
        }
        return {};
      },
      "FORMAT");
  return cmd.add_option("--format", *format, help)->check(known);
}

void AddCacheOption(CLI::App& cmd, std::string* cache_dir) {
  cmd.add_option("--cache", *cache_dir, "Cache folder of prepared graphs (default ./cost-data)");
}

void AddSharedOption(CLI::App& cmd, std::string* shared_dir) {
  cmd.add_option("--shared", *shared_dir,
                 "Folder holding datasets-real (default: $COST_SHARED_DIR, else the one compiled "
                 "in)");
}

}  // namespace cost::harness
