// Systems we do not build, declared by a JSON manifest: a command template the harness runs, the
// input format it wants, and how its time is read. Their output is validated like any other row,
// so a user can compare their own code, the GAP Benchmark Suite or a cluster framework under the
// same rules. docs/external-systems.md has a complete example; harness/manifests/ holds manifests
// to copy.
//
//   {
//     "name": "gapbs:pr",                 // SYSTEM:ALGORITHM, what --impl takes
//     "kernel": "pagerank",               // pagerank | wcc | bfs
//     "kind": "threaded",                 // single-threaded | threaded | multiprocess
//     "description": "GAP Benchmark Suite pr, built by the user",
//     "input_format": "edge-list",        // cgraph (our prepared file) | edge-list ("src dst"
//                                         // lines in original ids, written and cached for it)
//     "command": "OMP_NUM_THREADS={threads} ~/gapbs/pr -f {graph} -i {iterations} -n 1",
//     "time": {"regex": "Trial Time:\\s+([0-9.]+)", "scale": 1}
//   }
// "time" is {"regex": R} (the last match's first group, times "scale", in seconds),
// {"json_field": F} (field F of the last line of output that is a JSON object), or
// "process-wall" (the whole process's wall time, start-up included: flagged in the results).
// Placeholders: {graph} {format} {threads} {procs} {iterations} {damping} {source} {values}
// {kernel} {manifest_dir} {prepared} {rounds}. Optional fields: "prepare" (a command run once per
// graph and manifest, its output cached: external_prepare.h; in it {graph} is the input and
// {prepared} the path it writes, which the command then reads as {prepared}), "threads_env" (the
// environment variable that sets the system's thread count, e.g. OMP_NUM_THREADS or
// PARLAY_NUM_THREADS, exported as {threads}), and "per_round": true in "time" (one run of the
// command does every warm-up and repetition, told their count as {rounds}; each regex match is
// one round's time, the warm-ups' first). When the command writes {values} ("original-id value"
// lines), they are validated; otherwise the row says it was not validated.
#ifndef COST_HARNESS_RUN_SYSTEM_MANIFEST_H_
#define COST_HARNESS_RUN_SYSTEM_MANIFEST_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/kernel.h"

namespace cost::harness {

struct ExternalSystem {
  std::string name, system, algorithm, description;
  Kernel kernel = Kernel::kPageRank;
  Kind kind = Kind::kSingleThreaded;
  std::string input_format = "cgraph";
  std::string command;
  std::string time_regex;  // one of these two, or neither for process-wall
  std::string time_json_field;
  double time_scale = 1;
  bool per_round = false;   // one run prints every round's time
  std::string prepare;      // the system's own converter; empty: none
  std::string threads_env;  // e.g. OMP_NUM_THREADS; empty: none
  std::string manifest;     // the file it was declared in
};

// Throws std::runtime_error("MANIFEST: field: reason").
ExternalSystem ParseExternalSystem(const nlohmann::json& j, const std::string& manifest);
// A manifest file (one object or an array of them) or a folder of *.json manifests.
std::vector<ExternalSystem> LoadExternalSystems(const std::string& path);
const ExternalSystem* FindExternalSystem(const std::vector<ExternalSystem>& systems,
                                         std::string_view name);

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_SYSTEM_MANIFEST_H_
