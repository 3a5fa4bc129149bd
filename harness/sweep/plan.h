// A sweep's plan: every (dataset, kernel, implementation, configuration) row it will measure,
// in a fixed order, from the spec and the prepared files.
#ifndef COST_HARNESS_SWEEP_PLAN_H_
#define COST_HARNESS_SWEEP_PLAN_H_

#include <string>
#include <vector>

#include "datasets/graph_file.h"
#include "harness/core/kernel.h"
#include "harness/run/external_system.h"
#include "harness/sweep/spec.h"

namespace cost::harness {

// One planned row: what a measurement will be keyed by in the results file.
struct SweepRow {
  std::string dataset, graph_path, implementation;
  Kernel kernel = Kernel::kPageRank;
  int threads = 1;
  // Recorded even when the row's process fails.
  std::string system, algorithm;
  Kind kind = Kind::kSingleThreaded;
  int procs = 1;        // MPI processes (multiprocess rows only)
  std::string storage;  // "ram" | "disk" (in-process rows of a spec with "storage"); empty: none
};

// Every (dataset, kernel, implementation, threads, procs) row, in-tree implementations first,
// then external systems; single-threaded ones at 1 thread only. graphs[i] is the prepared file
// of spec.datasets[i]. Rows needing an edge layout their dataset was not prepared with are left
// out (a note on stderr says so unless quiet).
std::vector<SweepRow> PlanRows(const SweepSpec& spec, const std::vector<std::string>& graphs,
                               const std::vector<ExternalSystem>& externals, bool quiet);
// The same from what the files hold (infos[i] describes graphs[i]): for a plan made before the
// files exist (`cost reproduce --paper-scale --dry-run`).
std::vector<SweepRow> PlanRows(const SweepSpec& spec, const std::vector<std::string>& graphs,
                               const std::vector<datasets::GraphFileInfo>& infos,
                               const std::vector<ExternalSystem>& externals, bool quiet);

}  // namespace cost::harness

#endif  // COST_HARNESS_SWEEP_PLAN_H_
