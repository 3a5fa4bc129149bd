// `cost dataset generate kronecker|uniform|grid ... -o FILE`: a generated graph as a prepared
// file.
#include <memory>

#include "harness/cli/dataset/subcommands.h"
#include "harness/prepare/graph_preparation.h"
#include "harness/prepare/graph_recipe.h"

namespace cost::harness {
namespace {

struct GenerateOptions {
  std::string kind, out;
  PreparationFlags preparation;
  datasets::UniformOptions uniform;
  datasets::GridOptions grid;
  int scale = 0;
  int edge_factor = 16;
  uint64_t seed = 1;
  bool directed = false;
};

// The size and shape options of the three generators.
void AddGeneratorOptions(CLI::App& cmd, GenerateOptions* o) {
  cmd.add_option("--scale", o->scale, "2^SCALE vertices (kronecker, uniform)")
      ->check(CLI::Range(1, 31));
  cmd.add_option("--edge-factor", o->edge_factor,
                 "EDGE_FACTOR * 2^SCALE generated edges (default 16)")
      ->check(CLI::PositiveNumber);
  cmd.add_option("--vertices", o->uniform.num_vertices, "uniform: number of vertices")
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 32));
  cmd.add_option("--edges", o->uniform.num_edges, "uniform: number of generated edges")
      ->check(CLI::PositiveNumber);
  cmd.add_option("--rows", o->grid.rows, "grid: rows (default 256)")->check(CLI::PositiveNumber);
  cmd.add_option("--cols", o->grid.cols, "grid: columns (default 256)")->check(CLI::PositiveNumber);
  cmd.add_option("--drop", o->grid.drop_probability,
                 "grid: probability of removing each grid edge (default 0)")
      ->check(CLI::Range(0.0, 0.999999));
  cmd.add_option("--seed", o->seed, "Random seed (default 1)");
}

// The generator the options name. Throws CLI::RequiredError when its size is not given.
GraphSource GeneratorOf(const GenerateOptions& o, const CLI::App& cmd) {
  if (o.kind == "kronecker") {
    if (o.scale == 0) throw CLI::RequiredError("--scale (for kronecker)");
    return datasets::KroneckerOptions{
        .scale = o.scale, .edge_factor = o.edge_factor, .seed = o.seed};
  }
  if (o.kind == "uniform") {
    datasets::UniformOptions uniform = o.uniform;
    if (o.scale != 0) {
      uniform.num_vertices = uint64_t{1} << o.scale;
      uniform.num_edges = static_cast<uint64_t>(o.edge_factor) << o.scale;
    } else if (cmd.count("--vertices") == 0 || cmd.count("--edges") == 0) {
      throw CLI::RequiredError("--scale, or --vertices and --edges (for uniform)");
    }
    uniform.seed = o.seed;
    return uniform;
  }
  datasets::GridOptions grid = o.grid;
  grid.seed = o.seed;
  return grid;
}

}  // namespace

void AddDatasetGenerate(CLI::App& dataset) {
  auto o = std::make_shared<GenerateOptions>();
  CLI::App* cmd = dataset.add_subcommand(
      "generate",
      "Generate a graph and write it as a prepared .cgraph file, in bounded memory "
      "(--memory-budget). The same seed gives the same file at any budget and thread count.");
  cmd->add_option("kind", o->kind,
                  "kronecker (Graph500 R-MAT, A=0.57 B=C=0.19; --scale), uniform (G(n, m); "
                  "--vertices and --edges, or --scale), grid (road-like 2D grid; --rows, --cols, "
                  "--drop)")
      ->required()
      ->check(CLI::IsMember({"kronecker", "uniform", "grid"}));
  AddGeneratorOptions(*cmd, o.get());
  cmd->add_flag("--directed", o->directed,
                "Keep edges as generated instead of storing both directions (the generated "
                "graphs are undirected by default)");
  AddPreparationOptions(*cmd, &o->preparation);
  cmd->add_option("-o,--output", o->out, "Prepared graph file to write")->required();
  cmd->callback([o, cmd] {
    const PrepareOptions options = PreparationOf(o->preparation, o->kind);
    const GraphRecipe recipe{.name = o->kind,
                             .source = GeneratorOf(*o, *cmd),
                             .symmetrize = !o->directed,
                             .sections = SectionsOf(options)};
    PrintGraphFileInfo(o->out, PrepareGraphFile(recipe, o->out, options), false,
                       "written now (every section checksummed as written)");
  });
}

}  // namespace cost::harness
