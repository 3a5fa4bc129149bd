// `cost dataset export FILE --format F -o OUT`: a prepared file in another format.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "datasets/binary_edge_formats.h"
#include "datasets/graph_formats.h"
#include "harness/cli/dataset/subcommands.h"
#include "harness/core/same_file.h"

namespace cost::harness {
namespace {

// The files an export to `out` writes: one, or the set of a multi-file format.
std::vector<std::string> FilesWritten(datasets::GraphFormat format, const std::string& out) {
  if (format == datasets::GraphFormat::kEvlp) {
    std::filesystem::path base(out);
    if (base.extension() == ".properties") base.replace_extension();
    return {base.string() + ".v", base.string() + ".e", base.string() + ".properties"};
  }
  if (format == datasets::GraphFormat::kCostVertex) {
    const std::string base = datasets::CostVertexBaseName(out);
    return {base + ".nodes", base + ".edges"};
  }
  return {out};
}

}  // namespace

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
    const datasets::GraphFormat format = datasets::ParseFormatName(o->format);
    RequireOutputsAreNotInputs(FilesWritten(format, o->out), {o->in});  // before anything is read
    const datasets::Graph graph = datasets::LoadGraphFile(o->in);
    datasets::WriteGraphAs(graph, format, o->out);
  });
}

}  // namespace cost::harness
