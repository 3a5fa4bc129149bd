// The igraph rows' runners (baselines/igraph/): each builds igraph's own structure from our graph
// (the row's system preparation) and runs one igraph kernel over it. Declared only where igraph
// was found (COST_HAVE_IGRAPH); implementations/igraph.cc lists the rows.
#ifndef COST_HARNESS_RUN_IGRAPH_ROWS_H_
#define COST_HARNESS_RUN_IGRAPH_ROWS_H_

#include <memory>

#include "harness/run/implementations.h"

namespace cost::harness {

#if COST_HAVE_IGRAPH
std::unique_ptr<PreparedGraph> PrepareIgraphPageRank(const datasets::Graph& graph);
std::unique_ptr<PreparedGraph> PrepareIgraphComponents(const datasets::Graph& graph);
std::unique_ptr<PreparedGraph> PrepareIgraphBfs(const datasets::Graph& graph);
#endif

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_IGRAPH_ROWS_H_
