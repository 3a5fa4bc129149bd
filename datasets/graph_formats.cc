// Format names, detection and dispatch; see graph_formats.h.
#include "datasets/graph_formats.h"

#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <string>

#include "datasets/binary_edge_formats.h"
#include "datasets/dataset_error.h"
#include "datasets/graph_file.h"
#include "datasets/graph_writers.h"
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

// The first bytes of the file, gunzipped when it is gzip (gzread passes plain files through).
std::string Peek(const std::string& path, size_t bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw DatasetError(path + ": is a directory");
  gzFile gz = ::gzopen(path.c_str(), "rb");
  if (gz == nullptr) throw DatasetError(path + ": " + std::strerror(errno ? errno : ENOMEM));
  std::string head(bytes, '\0');
  const int n = ::gzread(gz, head.data(), static_cast<unsigned>(bytes));
  ::gzclose(gz);
  head.resize(n > 0 ? static_cast<size_t>(n) : 0);
  return head;
}

// Copies a prepared graph's arcs back into an edge list (for re-preparing with a new layout).
EdgeList EdgesOf(const Graph& g) {
  EdgeList edges;
  edges.num_vertices = g.num_vertices();
  edges.src.resize(g.num_edges());
  edges.dst.assign(g.out.targets.begin(), g.out.targets.end());
  for (uint64_t u = 0; u < g.num_vertices(); ++u) {
    std::fill(edges.src.begin() + g.out.offsets[u], edges.src.begin() + g.out.offsets[u + 1],
              static_cast<VertexId>(u));
  }
  edges.original_ids.assign(g.original_ids.begin(), g.original_ids.end());
  return edges;
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
  const std::string head = Peek(path, 64);
  if (EndsWith(path, ".properties")) return GraphFormat::kEvlp;
  // A .cgraph with a damaged magic is still one: say "bad magic", not "non-numeric token".
  if (head.rfind("COSTGRPH", 0) == 0 || EndsWith(path, ".cgraph")) return GraphFormat::kCgraph;
  if (EndsWith(path, ".nodes") || EndsWith(path, ".edges")) return GraphFormat::kCostVertex;
  if (EndsWith(path, ".raw") || EndsWith(path, ".bin")) return GraphFormat::kRaw;
  if (HasMatrixMarketBanner(head)) return GraphFormat::kMatrixMarket;
  if (EndsWith(path, ".mtx") || EndsWith(path, ".mtx.gz")) {
    throw DatasetError(path +
                       ": named .mtx but has no '%%MatrixMarket' banner; for a headerless "
                       "'i j' edge list use --format snap");
  }
  return GraphFormat::kSnap;
}

LoadedGraph LoadGraphInput(const std::string& path) {
  return LoadGraphInput(path, DetectGraphFormat(path));
}

LoadedGraph LoadGraphInput(const std::string& path, GraphFormat format) {
  LoadedGraph loaded;
  loaded.format = format;
  switch (format) {
    case GraphFormat::kSnap:
      loaded.edges = LoadTextEdgeList(path);
      break;
    case GraphFormat::kMatrixMarket: {
      MatrixMarketGraph mtx = LoadMatrixMarket(path);
      loaded.edges = std::move(mtx.edges);
      loaded.undirected = mtx.symmetric;
      break;
    }
    case GraphFormat::kEvlp: {
      LdbcGraph ldbc = LoadLdbcGraph(path);
      loaded.edges = std::move(ldbc.edges);
      loaded.undirected = !ldbc.directed;
      break;
    }
    case GraphFormat::kRaw:
      loaded.edges = LoadRawPairs(path);
      break;
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
