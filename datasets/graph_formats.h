// Every input and output format by name, detection from the file, and one call to load or write
// any of them.
//
// Detection, in order: ".properties" -> evlp; ".cgraph" -> cgraph; ".nodes"/".edges" ->
// cost-vertex (the name decides these); then from the first bytes (after gunzip): magic
// "COSTGRPH" -> cgraph; ".raw"/".bin" -> raw; a "%%MatrixMarket" banner -> mtx; ".mtx" without
// one -> error (read headerless lists with --format snap); anything else -> snap. A pipe's first
// bytes are peeked at through the source that then parses them, so it is still read exactly once.
#ifndef COST_DATASETS_GRAPH_FORMATS_H_
#define COST_DATASETS_GRAPH_FORMATS_H_

#include <optional>
#include <string>
#include <string_view>

#include "datasets/graph.h"

namespace cost::datasets {

enum class GraphFormat {
  kSnap,          // text edge list, plain or gzip ("snap"; also "edgelist", "text")
  kMatrixMarket,  // "mtx"
  kEvlp,          // LDBC Graphalytics .properties + .v + .e ("evlp"; also "ldbc")
  kRaw,           // (u32, u32) pairs ("raw")
  kCostVertex,    // .nodes + .edges ("cost-vertex")
  kCgraph,        // our prepared file ("cgraph"; input only)
};

// Canonical name: "snap", "mtx", "evlp", "raw", "cost-vertex", "cgraph".
const char* FormatName(GraphFormat format);

// Accepts the canonical names and aliases above. Throws DatasetError listing them otherwise.
GraphFormat ParseFormatName(std::string_view name);

class ByteSource;

// Throws DatasetError("PATH: reason") when the file cannot be read or is a banner-less .mtx, and
// for a pipe whose name does not decide (its bytes are for its loader: use LoadGraphInput(path)
// or PrepareFromInput, which detect through the source they read).
GraphFormat DetectGraphFormat(const std::string& path);
// The formats the name alone decides (.properties, .cgraph, .nodes/.edges).
std::optional<GraphFormat> GraphFormatFromName(const std::string& path);
// From the name, or the source's first bytes, which stay unread for its loader.
GraphFormat DetectGraphFormat(ByteSource* source);

// An input graph as its file gives it.
struct LoadedGraph {
  EdgeList edges;
  GraphFormat format = GraphFormat::kSnap;
  // The file says its edges are undirected (mtx symmetric, LDBC directed = false, a symmetric
  // cgraph): preparation should symmetrise.
  bool undirected = false;
};

// Loads with the given format (or the detected one), reading a pipe once. Every malformed input
// throws DatasetError naming the file, the line or byte offset, and the reason.
LoadedGraph LoadGraphInput(const std::string& path, GraphFormat format);
LoadedGraph LoadGraphInput(const std::string& path);

// Writes in `format` (not kCgraph: use WriteGraphFile). Atomic.
void WriteGraphAs(const Graph& graph, GraphFormat format, const std::string& path);

}  // namespace cost::datasets

#endif  // COST_DATASETS_GRAPH_FORMATS_H_
