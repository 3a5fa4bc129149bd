// Single-threaded PageRank baselines.
#ifndef COST_BASELINES_PAGERANK_H_
#define COST_BASELINES_PAGERANK_H_

#include <vector>

#include "datasets/graph.h"
#include "datasets/kernel_definitions.h"

namespace cost::baselines {

// PageRank as defined in datasets/kernel_definitions.h, pulling over the transpose (graph.in):
// each vertex sums its in-neighbours' rank/outdeg. Returns one rank per vertex.
std::vector<double> PageRankPull(const datasets::Graph& graph,
                                 const datasets::PageRankOptions& options);

// The same definition, pushing over the out-edges (graph.out) in stored order: each vertex adds
// rank/outdeg to its out-neighbours. No transpose needed; scattered stores instead of gathers.
std::vector<double> PageRankPush(const datasets::Graph& graph,
                                 const datasets::PageRankOptions& options);

// The same push over the arcs in Hilbert-curve order: graph.hilbert_src/dst (`--layout hilbert`),
// or the compressed stream graph.hilbert_compressed decoded every iteration
// (`--layout compressed`). Throws std::invalid_argument when the graph lacks that layout.
std::vector<double> PageRankPushHilbert(const datasets::Graph& graph,
                                        const datasets::PageRankOptions& options);
std::vector<double> PageRankPushHilbertCompressed(const datasets::Graph& graph,
                                                  const datasets::PageRankOptions& options);

// The Hilbert-order push with float shares and sums (ranks stay double between iterations and
// on output): half the gathered bytes. Throws std::invalid_argument without `--layout hilbert`.
std::vector<double> PageRankPushHilbertFloat(const datasets::Graph& graph,
                                             const datasets::PageRankOptions& options);

}  // namespace cost::baselines

#endif  // COST_BASELINES_PAGERANK_H_
