// Raw u32 pairs and the COST paper's vertex layout; see binary_edge_formats.h.
#include "datasets/binary_edge_formats.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <string>

#include "datasets/dataset_error.h"
#include "datasets/output_file.h"

namespace cost::datasets {
namespace {

static_assert(std::endian::native == std::endian::little, "binary formats are little-endian");

[[noreturn]] void Fail(const std::string& path, const std::string& reason) {
  throw DatasetError(path + ": " + reason);
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Reads little-endian u32 words; the file must be a whole number of `record_bytes` records.
std::vector<uint32_t> ReadWords(const std::string& path, size_t record_bytes, const char* record) {
  const std::string bytes = ReadWholeInput(path);
  if (bytes.size() % record_bytes != 0) {
    const size_t whole = bytes.size() - bytes.size() % record_bytes;
    Fail(path, std::to_string(bytes.size()) + " bytes is not a whole number of " + record +
                   " records: " + std::to_string(bytes.size() - whole) +
                   " trailing bytes at byte offset " + std::to_string(whole));
  }
  std::vector<uint32_t> words(bytes.size() / 4);
  // An empty vector's data() may be null, which memcpy must not get even for 0 bytes.
  if (!bytes.empty()) std::memcpy(words.data(), bytes.data(), bytes.size());
  return words;
}

uint64_t VerticesFor(const EdgeList& edges) {
  uint64_t max_id = 0;
  for (uint64_t e = 0; e < edges.num_edges(); ++e) {
    max_id = std::max<uint64_t>({max_id, edges.src[e], edges.dst[e]});
  }
  return max_id + 1;
}

}  // namespace

EdgeList LoadRawPairs(const std::string& path) {
  const std::vector<uint32_t> words = ReadWords(path, 8, "(u32 src, u32 dst)");
  if (words.empty()) Fail(path, "no edges");
  EdgeList edges;
  const size_t m = words.size() / 2;
  edges.src.resize(m);
  edges.dst.resize(m);
  for (size_t e = 0; e < m; ++e) {
    edges.src[e] = words[2 * e];
    edges.dst[e] = words[2 * e + 1];
  }
  edges.num_vertices = VerticesFor(edges);
  return edges;
}

std::string CostVertexBaseName(const std::string& path) {
  for (const char* ext : {".nodes", ".edges"}) {
    if (EndsWith(path, ext)) return path.substr(0, path.size() - std::strlen(ext));
  }
  return path;
}

EdgeList LoadCostVertexLayout(const std::string& path) {
  const std::string base = CostVertexBaseName(path);
  const std::string nodes_path = base + ".nodes", edges_path = base + ".edges";
  const std::vector<uint32_t> nodes = ReadWords(nodes_path, 8, "(u32 id, u32 degree)");
  std::vector<uint32_t> targets = ReadWords(edges_path, 4, "u32 target");
  if (targets.empty()) Fail(edges_path, "no edges");
  EdgeList edges;
  edges.src.reserve(targets.size());
  for (size_t r = 0; r < nodes.size() / 2; ++r) {
    const uint32_t id = nodes[2 * r], degree = nodes[2 * r + 1];
    if (edges.src.size() + degree > targets.size()) {
      Fail(nodes_path, "byte offset " + std::to_string(8 * r) + ": degree " +
                           std::to_string(degree) + " of vertex " + std::to_string(id) +
                           " runs past the " + std::to_string(targets.size()) + " targets in " +
                           edges_path);
    }
    edges.src.insert(edges.src.end(), degree, id);
  }
  if (edges.src.size() != targets.size()) {
    Fail(nodes_path, "degrees add up to " + std::to_string(edges.src.size()) + " but " +
                         edges_path + " holds " + std::to_string(targets.size()) + " targets");
  }
  edges.dst = std::move(targets);
  edges.num_vertices = VerticesFor(edges);
  return edges;
}

}  // namespace cost::datasets
