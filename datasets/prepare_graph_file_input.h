// A prepared file as the input of a preparation (new sections for a graph prepared before):
// its arcs are read back with pread from whichever edge section it has (the CSR, else the
// Hilbert arrays, else the compressed stream), verified as they are, never mapped whole.
#ifndef COST_DATASETS_PREPARE_GRAPH_FILE_INPUT_H_
#define COST_DATASETS_PREPARE_GRAPH_FILE_INPUT_H_

#include <string>

#include "datasets/prepare_graph.h"

namespace cost::datasets {

PreparationReport PrepareFromGraphFile(const std::string& input, const PreparationOptions& options,
                                       const std::string& output);

}  // namespace cost::datasets

#endif  // COST_DATASETS_PREPARE_GRAPH_FILE_INPUT_H_
