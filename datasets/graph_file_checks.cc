// Structure checks of a loaded prepared file; see graph_file_checks.h.
#include "datasets/graph_file_checks.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "datasets/dataset_error.h"
#include "datasets/hilbert_layout.h"

namespace cost::datasets {
namespace {

[[noreturn]] void Fail(const std::string& path, const std::string& reason) {
  throw DatasetError(path + ": " + reason);
}

void CheckEnds(const Csr& csr, const char* which, const std::string& path) {
  if (csr.offsets.empty()) return;
  const uint64_t first = csr.offsets.front(), last = csr.offsets.back();
  if (first != 0 || last != csr.num_edges()) {
    Fail(path, std::string(which) + " offsets run from " + std::to_string(first) + " to " +
                   std::to_string(last) + ", expected 0 to " + std::to_string(csr.num_edges()));
  }
}

void CheckMonotone(const Csr& csr, const char* which, const std::string& path) {
  for (uint64_t v = 0; v + 1 < csr.offsets.size(); ++v) {
    if (csr.offsets[v] > csr.offsets[v + 1]) {
      Fail(path, std::string(which) + " offsets decrease after vertex " + std::to_string(v));
    }
  }
}

// Ids beyond n in an array of vertex ids: kernels index by them unchecked.
void CheckVertexIds(std::span<const VertexId> ids, uint64_t n, const char* which,
                    const std::string& path) {
  VertexId largest = 0;
  for (const VertexId v : ids) largest = std::max(largest, v);  // vectorises; find is rare
  if (ids.empty() || largest < n) return;
  const auto bad = std::find_if(ids.begin(), ids.end(), [n](VertexId v) { return v >= n; });
  Fail(path, std::string(which) + ": entry " + std::to_string(bad - ids.begin()) +
                 " names vertex " + std::to_string(*bad) + ", beyond the " + std::to_string(n) +
                 " vertices");
}

void CheckDegrees(const Graph& g, uint64_t num_edges, const std::string& path) {
  const std::span<const uint32_t> degrees = g.out_degrees;
  if (degrees.empty()) return;
  if (!g.out.offsets.empty()) {
    for (uint64_t v = 0; v < degrees.size(); ++v) {
      if (degrees[v] != g.out.offsets[v + 1] - g.out.offsets[v]) {
        Fail(path, "out degree of vertex " + std::to_string(v) + " is " +
                       std::to_string(degrees[v]) + ", its row has " +
                       std::to_string(g.out.offsets[v + 1] - g.out.offsets[v]) + " arcs");
      }
    }
    return;
  }
  uint64_t sum = 0;
  for (const uint32_t d : degrees) sum += d;
  if (sum != num_edges) {
    Fail(path, "out degrees add up to " + std::to_string(sum) + ", expected " +
                   std::to_string(num_edges));
  }
}

void CheckCompressed(std::span<const uint8_t> stream, uint64_t n, uint64_t num_edges,
                     const std::string& path) {
  if (stream.empty()) return;
  uint64_t beyond = 0;
  try {
    const uint64_t arcs = ForEachCompressedEdge(
        stream, [&](VertexId u, VertexId v) { beyond += (u >= n) | (v >= n); });
    if (arcs != num_edges) {
      Fail(path, "hilbert compressed stream holds " + std::to_string(arcs) + " arcs, expected " +
                     std::to_string(num_edges));
    }
  } catch (const DatasetError& e) {
    if (std::string_view(e.what()).starts_with(path)) throw;
    Fail(path, std::string("hilbert compressed stream: ") + e.what());
  }
  if (beyond != 0) {
    Fail(path, "hilbert compressed stream: " + std::to_string(beyond) +
                   " arcs name vertices beyond the " + std::to_string(n) + " vertices");
  }
}

}  // namespace

void CheckOffsetEnds(const Graph& graph, const std::string& path) {
  CheckEnds(graph.out, "out", path);
  CheckEnds(graph.in, "in", path);
}

void CheckGraphStructure(const Graph& g, uint64_t num_edges, const std::string& path) {
  const uint64_t n = g.num_vertices();
  CheckOffsetEnds(g, path);
  for (const auto& [csr, which] : {std::pair{&g.out, "out"}, std::pair{&g.in, "in"}}) {
    CheckMonotone(*csr, which, path);
    CheckVertexIds(csr->targets, n, csr == &g.out ? "out targets" : "in sources", path);
  }
  CheckVertexIds(g.hilbert_src, n, "hilbert src", path);
  CheckVertexIds(g.hilbert_dst, n, "hilbert dst", path);
  CheckDegrees(g, num_edges, path);
  CheckCompressed(g.hilbert_compressed, n, num_edges, path);
}

}  // namespace cost::datasets
