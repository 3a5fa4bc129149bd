// The structure kernels rely on without bounds checks, checked on a Graph viewing a prepared
// file: offsets that start at 0, never decrease and end at the arc count, vertex ids below n in
// every layout, out-degrees that agree with the offsets (or sum to the arc count), a compressed
// stream that decodes to exactly the arcs. A file can match its checksums and still break these
// when another tool wrote it or it was crafted.
#ifndef COST_DATASETS_GRAPH_FILE_CHECKS_H_
#define COST_DATASETS_GRAPH_FILE_CHECKS_H_

#include <string>

#include "datasets/graph.h"

namespace cost::datasets {

// The cheap part, run on every load: the ends of each mapped offsets array, so that Neighbors()
// stays inside its targets array.
void CheckOffsetEnds(const Graph& graph, const std::string& path);

// Everything above for the spans that are mapped (empty spans are skipped). Reads every byte.
void CheckGraphStructure(const Graph& graph, uint64_t num_edges, const std::string& path);

}  // namespace cost::datasets

#endif  // COST_DATASETS_GRAPH_FILE_CHECKS_H_
