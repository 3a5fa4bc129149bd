// Writing a prepared Graph in other formats, for other systems and for round-trip checks.
// Every writer is atomic (temp file + rename, see output_file.h): on error no output is left.
// Ids: SNAP and EVLP write original ids; Matrix Market writes dense id + 1; the binary formats
// write dense ids. A symmetric graph is written once per undirected edge where the format can
// say "undirected" (Matrix Market `symmetric`, EVLP `directed = false`), as every arc otherwise.
#ifndef COST_DATASETS_GRAPH_WRITERS_H_
#define COST_DATASETS_GRAPH_WRITERS_H_

#include <string>

#include "datasets/graph.h"

namespace cost::datasets {

// "# Nodes: N Edges: M" then "src<TAB>dst" lines; gzip when the path ends in ".gz".
void WriteSnapEdgeList(const Graph& graph, const std::string& path);

// "%%MatrixMarket matrix coordinate pattern general|symmetric" (symmetric: lower triangle).
void WriteMatrixMarket(const Graph& graph, const std::string& path);

// LDBC Graphalytics EVLP: PATH is "DIR/NAME" or "DIR/NAME.properties"; writes NAME.properties,
// NAME.v (every vertex, isolated ones included) and NAME.e.
void WriteEvlp(const Graph& graph, const std::string& path);

// (u32 src, u32 dst) little-endian per arc.
void WriteRawPairs(const Graph& graph, const std::string& path);

// NAME.nodes and NAME.edges (PATH is NAME, NAME.nodes or NAME.edges).
void WriteCostVertexLayout(const Graph& graph, const std::string& path);

}  // namespace cost::datasets

#endif  // COST_DATASETS_GRAPH_WRITERS_H_
