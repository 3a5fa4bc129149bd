// `cost dataset convert IN -o OUT`: any input format as a prepared file.
#include <memory>

#include "harness/cli/dataset/subcommands.h"
#include "harness/prepare/graph_preparation.h"

namespace cost::harness {

void AddDatasetConvert(CLI::App& dataset) {
  struct Options {
    std::string in, out, format, layout = "vertex";
    bool symmetrize = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "convert",
      "Convert a graph file to a prepared .cgraph file. The input format is detected from the "
      "file (extension, magic bytes, Matrix Market banner) unless --format names it. "
      "Self-loops and duplicate edges are dropped.");
  cmd->add_option("input", o->in, "Input graph file")->required();
  cmd->add_option("-o,--output", o->out, "Prepared graph file to write")->required();
  AddFormatOption(*cmd, &o->format, std::string("Input format: ") + kInputFormatsHelp);
  cmd->add_flag("--symmetrize", o->symmetrize,
                "Store both directions of every edge (undirected graph); inputs that say they "
                "are undirected (mtx symmetric, LDBC directed = false) always are");
  AddLayoutOption(*cmd, &o->layout);
  cmd->callback([o] {
    ConvertOptions options;
    options.symmetrize = o->symmetrize;
    options.layout = datasets::ParseEdgeLayout(o->layout);
    if (!o->format.empty()) options.format = datasets::ParseFormatName(o->format);
    PrintGraphFileInfo(o->out, ConvertToGraphFile(o->in, options, o->out), false);
  });
}

}  // namespace cost::harness
