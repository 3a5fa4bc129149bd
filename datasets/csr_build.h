// From an edge list to a prepared Graph: out-CSR by source and its transpose.
#ifndef COST_DATASETS_CSR_BUILD_H_
#define COST_DATASETS_CSR_BUILD_H_

#include <cstdint>

#include "datasets/graph.h"

namespace cost::datasets {

struct BuildOptions {
  bool symmetrize = false;  // add (v,u) for every (u,v): the graph becomes undirected
};

// What construction removed, for `cost dataset info` and the results file.
struct BuildStats {
  uint64_t input_edges = 0;
  uint64_t self_loops_dropped = 0;
  uint64_t duplicates_removed = 0;
};

// Drops self-loops, removes duplicate edges, optionally symmetrises, sorts each row, and builds
// the transpose. Keeps edges.original_ids (identity ids are materialised). Runs with OpenMP
// where it helps; the result does not depend on the thread count.
Graph BuildGraph(const EdgeList& edges, const BuildOptions& options, BuildStats* stats = nullptr);

}  // namespace cost::datasets

#endif  // COST_DATASETS_CSR_BUILD_H_
