// Writers for the exchange formats; see graph_writers.h.
#include "datasets/graph_writers.h"

#include <charconv>
#include <filesystem>
#include <string>

#include "datasets/binary_edge_formats.h"
#include "datasets/dataset_error.h"
#include "datasets/output_file.h"

namespace cost::datasets {
namespace {

// Appends "a<sep>b\n" to the file through a small stack buffer.
void WritePairLine(OutputFile& out, uint64_t a, uint64_t b, char sep) {
  char line[48];
  char* p = std::to_chars(line, line + 20, a).ptr;
  *p++ = sep;
  p = std::to_chars(p, p + 20, b).ptr;
  *p++ = '\n';
  out.Write(std::string_view(line, p - line));
}

uint64_t OriginalId(const Graph& g, VertexId v) {
  return g.original_ids.empty() ? v : g.original_ids[v];
}

// Calls fn(u, v) once per arc, or once per undirected edge (u >= v) when `once` is set.
template <typename Fn>
void ForEachArc(const Graph& g, bool once, Fn fn) {
  for (uint64_t u = 0; u < g.num_vertices(); ++u) {
    for (const VertexId v : g.out.Neighbors(static_cast<VertexId>(u))) {
      if (!once || u >= v) fn(static_cast<VertexId>(u), v);
    }
  }
}

uint64_t ArcsWritten(const Graph& g, bool once) {
  uint64_t count = 0;
  ForEachArc(g, once, [&](VertexId, VertexId) { ++count; });
  return count;
}

}  // namespace

void WriteSnapEdgeList(const Graph& graph, const std::string& path) {
  OutputFile out(path);
  out.Write("# Written by cost dataset export\n# Nodes: " + std::to_string(graph.num_vertices()) +
            " Edges: " + std::to_string(graph.num_edges()) + "\n# FromNodeId\tToNodeId\n");
  ForEachArc(graph, false, [&](VertexId u, VertexId v) {
    WritePairLine(out, OriginalId(graph, u), OriginalId(graph, v), '\t');
  });
  out.Commit();
}

void WriteMatrixMarket(const Graph& graph, const std::string& path) {
  OutputFile out(path);
  const bool once = graph.symmetric;
  out.Write(std::string("%%MatrixMarket matrix coordinate pattern ") +
            (once ? "symmetric" : "general") + "\n% Written by cost dataset export\n");
  out.Write(std::to_string(graph.num_vertices()) + " " + std::to_string(graph.num_vertices()) +
            " " + std::to_string(ArcsWritten(graph, once)) + "\n");
  ForEachArc(graph, once, [&](VertexId u, VertexId v) {
    WritePairLine(out, uint64_t{u} + 1, uint64_t{v} + 1, ' ');
  });
  out.Commit();
}

void WriteEvlp(const Graph& graph, const std::string& path) {
  std::filesystem::path base(path);
  if (base.extension() == ".properties") base.replace_extension();
  const std::string name = base.filename().string();
  if (name.empty()) throw DatasetError(path + ": EVLP output needs a file name");
  const bool once = graph.symmetric;
  OutputFile vertices(base.string() + ".v");
  for (uint64_t v = 0; v < graph.num_vertices(); ++v) {
    vertices.Write(std::to_string(OriginalId(graph, static_cast<VertexId>(v))) + "\n");
  }
  OutputFile edges(base.string() + ".e");
  ForEachArc(graph, once, [&](VertexId u, VertexId v) {
    WritePairLine(edges, OriginalId(graph, u), OriginalId(graph, v), ' ');
  });
  OutputFile properties(base.string() + ".properties");
  const std::string key = "graph." + name + ".";
  properties.Write("# Written by cost dataset export (LDBC Graphalytics EVLP)\n" + key +
                   "vertex-file = " + name + ".v\n" + key + "edge-file = " + name + ".e\n" + key +
                   "meta.vertices = " + std::to_string(graph.num_vertices()) + "\n" + key +
                   "meta.edges = " + std::to_string(ArcsWritten(graph, once)) + "\n" + key +
                   "directed = " + (once ? "false" : "true") + "\n");
  // All or none; the properties file last: it names the others, so it only appears once they
  // exist.
  CommitTogether({&vertices, &edges, &properties});
}

// Raw pairs hold dense 32-bit ids: a graph whose original ids need 64 bits would lose them
// without a word, so it is refused (SNAP and EVLP keep them).
static void RequireThirtyTwoBitIds(const Graph& graph, const std::string& path) {
  for (const uint64_t id : graph.original_ids) {
    if (id <= UINT32_MAX) continue;
    throw DatasetError(path + ": raw pairs hold 32-bit ids, and this graph has original id " +
                       std::to_string(id) + ": export it as snap or evlp, which keep them");
  }
}

void WriteRawPairs(const Graph& graph, const std::string& path) {
  RequireThirtyTwoBitIds(graph, path);
  OutputFile out(path);
  ForEachArc(graph, false, [&](VertexId u, VertexId v) {
    const uint32_t pair[2] = {u, v};
    out.WritePod(pair);
  });
  out.Commit();
}

void WriteCostVertexLayout(const Graph& graph, const std::string& path) {
  const std::string base = CostVertexBaseName(path);
  OutputFile nodes(base + ".nodes");
  OutputFile edges(base + ".edges");
  for (uint64_t u = 0; u < graph.num_vertices(); ++u) {
    const auto targets = graph.out.Neighbors(static_cast<VertexId>(u));
    if (targets.empty()) continue;
    const uint32_t record[2] = {static_cast<uint32_t>(u), static_cast<uint32_t>(targets.size())};
    nodes.WritePod(record);
    edges.Write(
        std::string_view(reinterpret_cast<const char*>(targets.data()), targets.size_bytes()));
  }
  CommitTogether({&edges, &nodes});
}

}  // namespace cost::datasets
