// Format names, detection and dispatch; see graph_formats.h.
#include "datasets/graph_formats.h"

#include <cstring>
#include <filesystem>
#include <optional>
#include <string>

#include "datasets/binary_edge_formats.h"
#include "datasets/dataset_error.h"
#include "datasets/graph_file.h"
#include "datasets/graph_writers.h"
#include "datasets/hilbert_layout.h"
#include "datasets/inputs/byte_source.h"
#include "datasets/ldbc_loader.h"
#include "datasets/matrix_market.h"
#include "datasets/text_loader.h"

namespace cost::datasets {
namespace {

struct FormatNameEntry {
  const char* name;
  GraphFormat format;
};
// Canonical names first, then aliases.
constexpr FormatNameEntry kFormatNames[] = {
    {"snap", GraphFormat::kSnap},
    {"mtx", GraphFormat::kMatrixMarket},
    {"evlp", GraphFormat::kEvlp},
    {"raw", GraphFormat::kRaw},
    {"cost-vertex", GraphFormat::kCostVertex},
    {"cgraph", GraphFormat::kCgraph},
    {"edgelist", GraphFormat::kSnap},
    {"text", GraphFormat::kSnap},
    {"ldbc", GraphFormat::kEvlp},
    {"matrix-market", GraphFormat::kMatrixMarket},
};

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::optional<GraphFormat> GraphFormatFromName(const std::string& path) {
  if (EndsWith(path, ".properties")) return GraphFormat::kEvlp;
  if (EndsWith(path, ".cgraph")) return GraphFormat::kCgraph;
  if (EndsWith(path, ".nodes") || EndsWith(path, ".edges")) return GraphFormat::kCostVertex;
  return std::nullopt;
}

namespace {

// The rest, from the first (gunzipped) bytes.
GraphFormat FormatFromHead(const std::string& path, std::string_view head) {
  // A .cgraph with a damaged magic is still one: say "bad magic", not "non-numeric token".
  if (head.starts_with("COSTGRPH")) return GraphFormat::kCgraph;
  if (EndsWith(path, ".raw") || EndsWith(path, ".bin")) return GraphFormat::kRaw;
  if (HasMatrixMarketBanner(head)) return GraphFormat::kMatrixMarket;
  if (EndsWith(path, ".mtx") || EndsWith(path, ".mtx.gz")) {
    throw DatasetError(path +
                       ": named .mtx but has no '%%MatrixMarket' banner; for a headerless "
                       "'i j' edge list use --format snap");
  }
  return GraphFormat::kSnap;
}

// Copies a prepared graph's arcs back into an edge list (for re-preparing with new sections),
// from whichever edge section the file has.
EdgeList EdgesOf(const Graph& g) {
  EdgeList edges;
  edges.num_vertices = g.num_vertices();
  edges.original_ids.assign(g.original_ids.begin(), g.original_ids.end());
  if (!g.out.targets.empty()) {
    edges.src.resize(g.num_edges());
    edges.dst.assign(g.out.targets.begin(), g.out.targets.end());
    for (uint64_t u = 0; u < g.num_vertices(); ++u) {
      std::fill(edges.src.begin() + g.out.offsets[u], edges.src.begin() + g.out.offsets[u + 1],
                static_cast<VertexId>(u));
    }
  } else if (!g.hilbert_src.empty()) {
    edges.src.assign(g.hilbert_src.begin(), g.hilbert_src.end());
    edges.dst.assign(g.hilbert_dst.begin(), g.hilbert_dst.end());
  } else {
    DecodeHilbertCompressed(g.hilbert_compressed, g.num_edges(), &edges.src, &edges.dst);
  }
  return edges;
}

// The formats a ByteSource is read from.
LoadedGraph LoadFromSource(ByteSource* source, GraphFormat format) {
  LoadedGraph loaded;
  loaded.format = format;
  if (format == GraphFormat::kSnap) {
    loaded.edges = LoadTextEdgeList(source);
  } else if (format == GraphFormat::kMatrixMarket) {
    MatrixMarketGraph mtx = LoadMatrixMarket(source);
    loaded.edges = std::move(mtx.edges);
    loaded.undirected = mtx.symmetric;
  } else {
    loaded.edges = LoadRawPairs(source);
  }
  return loaded;
}

}  // namespace

const char* FormatName(GraphFormat format) {
  for (const FormatNameEntry& entry : kFormatNames) {
    if (entry.format == format) return entry.name;
  }
  return "unknown";
}

GraphFormat ParseFormatName(std::string_view name) {
  for (const FormatNameEntry& entry : kFormatNames) {
    if (name == entry.name) return entry.format;
  }
  throw DatasetError("unknown format '" + std::string(name) +
                     "' (snap, mtx, evlp, raw, cost-vertex, cgraph)");
}

GraphFormat DetectGraphFormat(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw DatasetError(path + ": is a directory");
  if (const std::optional<GraphFormat> named = GraphFormatFromName(path)) return *named;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw DatasetError(path +
                       ": not a regular file: its format cannot be detected without "
                       "reading bytes only its loader may read; name the format");
  }
  ByteSource source(path);
  return FormatFromHead(path, source.Peek(64));
}

GraphFormat DetectGraphFormat(ByteSource* source) {
  if (const std::optional<GraphFormat> named = GraphFormatFromName(source->path())) return *named;
  return FormatFromHead(source->path(), source->Peek(64));
}

LoadedGraph LoadGraphInput(const std::string& path) {
  if (const std::optional<GraphFormat> named = GraphFormatFromName(path)) {
    return LoadGraphInput(path, *named);
  }
  ByteSource source(path);
  return LoadFromSource(&source, FormatFromHead(path, source.Peek(64)));
}

LoadedGraph LoadGraphInput(const std::string& path, GraphFormat format) {
  LoadedGraph loaded;
  loaded.format = format;
  switch (format) {
    case GraphFormat::kSnap:
    case GraphFormat::kMatrixMarket:
    case GraphFormat::kRaw: {
      ByteSource source(path);
      return LoadFromSource(&source, format);
    }
    case GraphFormat::kEvlp: {
      LdbcGraph ldbc = LoadLdbcGraph(path);
      loaded.edges = std::move(ldbc.edges);
      loaded.undirected = !ldbc.directed;
      break;
    }
    case GraphFormat::kCostVertex:
      loaded.edges = LoadCostVertexLayout(path);
      break;
    case GraphFormat::kCgraph: {
      const Graph graph = LoadGraphFile(path);
      loaded.edges = EdgesOf(graph);
      loaded.undirected = graph.symmetric;
      break;
    }
  }
  return loaded;
}

void WriteGraphAs(const Graph& graph, GraphFormat format, const std::string& path) {
  switch (format) {
    case GraphFormat::kSnap:
      return WriteSnapEdgeList(graph, path);
    case GraphFormat::kMatrixMarket:
      return WriteMatrixMarket(graph, path);
    case GraphFormat::kEvlp:
      return WriteEvlp(graph, path);
    case GraphFormat::kRaw:
      return WriteRawPairs(graph, path);
    case GraphFormat::kCostVertex:
      return WriteCostVertexLayout(graph, path);
    case GraphFormat::kCgraph:
      throw DatasetError(path + ": write prepared graphs with `cost dataset convert`");
  }
}

}  // namespace cost::datasets
