// A sweep's datasets prepared under its memory cap: the preparation runs as a child process
// (`cost dataset generate|convert`) whose address space is capped (RLIMIT_AS) at the spec's
// "memory_cap", with a memory budget below the cap, so the cap bounds the preparation as it
// bounds each row: a preparation that would exceed it fails in the child, never the machine.
#ifndef COST_HARNESS_SWEEP_CAPPED_PREPARATION_H_
#define COST_HARNESS_SWEEP_CAPPED_PREPARATION_H_

#include <cstdint>
#include <string>
#include <vector>

#include "harness/prepare/graph_recipe.h"

namespace cost::harness {

// The budget a preparation capped at `cap` bytes gets: the cap less a headroom for what the
// budget does not cover (code, thread stacks, malloc's per-thread arenas, which RLIMIT_AS counts
// as reserved address space): max(cap / 4, 256 MiB), or half the cap when that leaves less; and
// never more than datasets::DefaultMemoryBudget().
uint64_t BudgetUnderCap(uint64_t cap);

// The `cost` arguments (after the program) that prepare `recipe` into `path` with `budget`.
std::vector<std::string> PreparationCommand(const GraphRecipe& recipe, const std::string& path,
                                            uint64_t budget);

// Runs PreparationCommand with `cost_binary` ("": this executable, SetProgram) under RLIMIT_AS =
// cap, in this process group (a Ctrl-C reaches it and it removes its temp folder). Its output
// goes to PATH.log, removed once it succeeds. Throws DatasetError naming the dataset, the cap and
// the child's last output when it fails.
void PrepareUnderCap(const GraphRecipe& recipe, const std::string& path, uint64_t cap,
                     const std::string& cost_binary);

}  // namespace cost::harness

#endif  // COST_HARNESS_SWEEP_CAPPED_PREPARATION_H_
