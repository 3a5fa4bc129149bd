// `cost dataset SUBCOMMAND`: one file per subcommand in this folder, each adding its subcommand
// to the `dataset` group (dataset.cc), and the options and printing several of them share.
#ifndef COST_HARNESS_CLI_DATASET_SUBCOMMANDS_H_
#define COST_HARNESS_CLI_DATASET_SUBCOMMANDS_H_

#include <CLI/CLI.hpp>
#include <string>

#include "datasets/graph_file.h"
#include "harness/prepare/graph_preparation.h"

namespace cost::harness {

void AddDatasetGenerate(CLI::App& dataset);
void AddDatasetConvert(CLI::App& dataset);
void AddDatasetExport(CLI::App& dataset);
void AddDatasetInfo(CLI::App& dataset);
void AddDatasetList(CLI::App& dataset);
void AddDatasetPrepare(CLI::App& dataset);
void AddDatasetFetch(CLI::App& dataset);

// What generate, convert and prepare take to prepare a graph: --sections (or its shorthand
// --layout), --memory-budget, --tmp-dir, --threads, --progress. Empty strings: not given.
struct PreparationFlags {
  std::string layout, sections, memory_budget, tmp_dir;
  int threads = 0;
  bool progress = false;
};
void AddPreparationOptions(CLI::App& cmd, PreparationFlags* flags);
// The options the flags ask for (symmetrize left unset); progress lines name `what`. Throws
// std::invalid_argument or DatasetError naming the option for a value that means nothing.
PrepareOptions PreparationOf(const PreparationFlags& flags, const std::string& what);
// --format, checked against the format names; `help` says what it is for.
CLI::Option* AddFormatOption(CLI::App& cmd, std::string* format, const std::string& help);
// The input formats, for --format's help.
extern const char* const kInputFormatsHelp;
// --cache (list, prepare, fetch) and --shared (list, prepare).
void AddCacheOption(CLI::App& cmd, std::string* cache_dir);
void AddSharedOption(CLI::App& cmd, std::string* shared_dir);

// A prepared file's counts, checksum and metadata, as a table or JSON: what `cost dataset info`
// prints, and generate and convert print for the file they wrote.
// `verified` says what of the file was checked.
void PrintGraphFileInfo(const std::string& path, const datasets::GraphFileInfo& info, bool json,
                        const std::string& verified);

}  // namespace cost::harness

#endif  // COST_HARNESS_CLI_DATASET_SUBCOMMANDS_H_
