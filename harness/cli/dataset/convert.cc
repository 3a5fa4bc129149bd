// `cost dataset convert IN -o OUT`: any input format as a prepared file.
#include <memory>

#include "harness/cli/dataset/subcommands.h"
#include "harness/prepare/graph_preparation.h"

namespace cost::harness {

void AddDatasetConvert(CLI::App& dataset) {
  struct Options {
    std::string in, out, format;
    bool symmetrize = false;
    PreparationFlags preparation;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "convert",
      "Convert a graph file to a prepared .cgraph file, in bounded memory (--memory-budget). The "
      "input may be plain or .gz, a file, a FIFO or a pipe (/dev/stdin, <(...)), read once. Its "
      "format is detected (extension, magic bytes, Matrix Market banner) unless --format names "
      "it. Self-loops and duplicate edges are dropped; sparse ids are relabelled densely. An "
      "output that is the input (also through a link) is refused.");
  cmd->add_option("input", o->in, "Input graph file")->required();
  cmd->add_option("-o,--output", o->out, "Prepared graph file to write")->required();
  AddFormatOption(*cmd, &o->format, std::string("Input format: ") + kInputFormatsHelp);
  cmd->add_flag("--symmetrize", o->symmetrize,
                "Store both directions of every edge (undirected graph); inputs that say they "
                "are undirected (mtx symmetric, LDBC directed = false) always are");
  AddPreparationOptions(*cmd, &o->preparation);
  cmd->callback([o] {
    PrepareOptions options = PreparationOf(o->preparation, o->in);
    options.symmetrize = o->symmetrize;
    std::optional<datasets::GraphFormat> format;
    if (!o->format.empty()) format = datasets::ParseFormatName(o->format);
    PrintGraphFileInfo(o->out, ConvertToGraphFile(o->in, format, options, o->out), false,
                       "written now (every section checksummed as written)");
  });
}

}  // namespace cost::harness
