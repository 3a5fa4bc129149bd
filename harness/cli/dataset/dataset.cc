// `cost dataset`: the group of subcommands making and inspecting prepared graph files and the
// named datasets of the catalog.
#include "harness/cli/commands.h"
#include "harness/cli/dataset/subcommands.h"

namespace cost::harness {

void AddDatasetCommand(CLI::App& app, int*) {
  CLI::App* dataset = app.add_subcommand(
      "dataset", "Generate, convert, export, inspect, list, prepare and fetch graphs");
  dataset->require_subcommand(1);
  AddDatasetGenerate(*dataset);
  AddDatasetConvert(*dataset);
  AddDatasetExport(*dataset);
  AddDatasetInfo(*dataset);
  AddDatasetList(*dataset);
  AddDatasetPrepare(*dataset);
  AddDatasetFetch(*dataset);
}

}  // namespace cost::harness
