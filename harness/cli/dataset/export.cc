// `cost dataset export FILE --format F -o OUT`: a prepared file in another format.
#include <memory>

#include "datasets/graph_formats.h"
#include "harness/cli/dataset/subcommands.h"

namespace cost::harness {

void AddDatasetExport(CLI::App& dataset) {
  struct Options {
    std::string in, out, format;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "export", "Write a prepared .cgraph file in another format (atomically)");
  cmd->add_option("input", o->in, "Prepared .cgraph file")->required();
  AddFormatOption(*cmd, &o->format,
                  "Output format: snap (.gz: gzip), mtx, evlp (writes NAME.properties, .v, .e), "
                  "raw, cost-vertex (writes NAME.nodes, NAME.edges)")
      ->required();
  cmd->add_option("-o,--output", o->out, "File (or NAME for multi-file formats) to write")
      ->required();
  cmd->callback([o] {
    const datasets::Graph graph = datasets::LoadGraphFile(o->in);
    datasets::WriteGraphAs(graph, datasets::ParseFormatName(o->format), o->out);
  });
}

}  // namespace cost::harness
