#include "harness/sweep/capped_preparation.h"

#include <algorithm>
#include <filesystem>

#include "datasets/dataset_error.h"
#include "datasets/external/memory_budget.h"
#include "harness/core/child_process.h"
#include "harness/core/format.h"

namespace cost::harness {
namespace {

using Args = std::vector<std::string>;

Args SourceArgs(const datasets::KroneckerOptions& o) {
  return {"generate",      "kronecker",
          "--scale",       std::to_string(o.scale),
          "--edge-factor", std::to_string(o.edge_factor),
          "--seed",        std::to_string(o.seed)};
}
Args SourceArgs(const datasets::UniformOptions& o) {
  return {"generate",   "uniform",
          "--vertices", std::to_string(o.num_vertices),
          "--edges",    std::to_string(o.num_edges),
          "--seed",     std::to_string(o.seed)};
}
Args SourceArgs(const datasets::GridOptions& o) {
  return {"generate", "grid",
          "--rows",   std::to_string(o.rows),
          "--cols",   std::to_string(o.cols),
          "--drop",   Printf("%.17g", o.drop_probability),
          "--seed",   std::to_string(o.seed)};
}
Args SourceArgs(const SourceFile& file) {
  Args args = {"convert", file.path};
  if (file.format) args.insert(args.end(), {"--format", datasets::FormatName(*file.format)});
  return args;
}

}  // namespace

uint64_t BudgetUnderCap(uint64_t cap) {
  const uint64_t headroom = std::max<uint64_t>(cap / 4, uint64_t{256} << 20);
  const uint64_t budget = cap > 2 * headroom ? cap - headroom : cap / 2;
  return std::min(budget, datasets::DefaultMemoryBudget());
}

std::vector<std::string> PreparationCommand(const GraphRecipe& recipe, const std::string& path,
                                            uint64_t budget) {
  Args args = {"dataset"};
  const Args source = std::visit([](const auto& s) { return SourceArgs(s); }, recipe.source);
  args.insert(args.end(), source.begin(), source.end());
  const bool generated = !std::holds_alternative<SourceFile>(recipe.source);
  // Generators symmetrise unless told --directed; convert only when told --symmetrize.
  if (generated && !recipe.symmetrize) args.push_back("--directed");
  if (!generated && recipe.symmetrize) args.push_back("--symmetrize");
  args.insert(args.end(), {"--sections", datasets::PreparedSectionsName(SectionsOf(recipe)),
                           "--memory-budget", std::to_string(budget), "-o", path});
  return args;
}

void PrepareUnderCap(const GraphRecipe& recipe, const std::string& path, uint64_t cap,
                     const std::string& cost_binary) {
  ChildOptions child;
  SetProgram(&child, cost_binary);
  const Args args = PreparationCommand(recipe, path, BudgetUnderCap(cap));
  child.argv.insert(child.argv.end(), args.begin(), args.end());
  child.log_path = path + ".log";
  child.memory_cap_bytes = cap;
  child.own_process_group = false;
  const ChildResult result = RunChild(child);
  if (result.status == ChildResult::Status::kExited && result.exit_code == 0) {
    std::error_code ignored;
    std::filesystem::remove(child.log_path, ignored);
    return;
  }
  const std::string how = result.status == ChildResult::Status::kExited
                              ? "exit status " + std::to_string(result.exit_code)
                          : result.status == ChildResult::Status::kSignaled
                              ? DescribeSignal(result.signal)
                              : "it could not start";
  throw datasets::DatasetError(recipe.name + ": preparing " + path + " under the memory cap of " +
                               std::to_string(cap) + " bytes failed (" + how + "; log " +
                               child.log_path + "): " + result.log_tail);
}

}  // namespace cost::harness
