// Making prepared graph files: generate or load, build the CSR and its transpose, write the
// .cgraph file with a metadata record of where it came from and how long preparation took.
// Used by `cost dataset`, sweeps and the demo.
#ifndef COST_HARNESS_PREPARE_H_
#define COST_HARNESS_PREPARE_H_

#include <string>

#include "datasets/graph_file.h"
#include "datasets/kronecker.h"

namespace cost::harness {

// Graph500 graphs are undirected: symmetrize = true stores both directions of every edge.
datasets::GraphFileInfo GenerateKroneckerFile(const datasets::KroneckerOptions& options,
                                              bool symmetrize, const std::string& path);

// Converts a text edge list, or an LDBC graph given by its .properties file (then symmetrised
// when the graph is undirected, whatever `symmetrize` says).
datasets::GraphFileInfo ConvertToGraphFile(const std::string& input, bool symmetrize,
                                           const std::string& path);

// A cache file name that encodes every generator option, e.g. "kron-s18-ef16-seed1-sym.cgraph".
std::string KroneckerCacheName(const datasets::KroneckerOptions& options, bool symmetrize);

}  // namespace cost::harness

#endif  // COST_HARNESS_PREPARE_H_
