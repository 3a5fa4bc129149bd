// Raw u32 pairs and the COST paper's vertex layout; see binary_edge_formats.h. Both are read
// through the streaming readers (inputs/pair_readers.h), collected and relabelled in memory.
#include "datasets/binary_edge_formats.h"

#include <cstring>
#include <string>

#include "datasets/inputs/byte_source.h"
#include "datasets/inputs/collected_pairs.h"
#include "datasets/inputs/line_blocks.h"
#include "datasets/inputs/pair_readers.h"

namespace cost::datasets {
namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

EdgeList LoadRawPairs(ByteSource* source) {
  CollectedPairs pairs(source->path());
  ReadRawPairs(source, kDefaultTextChunk,
               [&](std::span<const RawPair> chunk) { pairs.Add(chunk); });
  return pairs.Relabel();
}

EdgeList LoadRawPairs(const std::string& path) {
  ByteSource source(path);
  return LoadRawPairs(&source);
}

std::string CostVertexBaseName(const std::string& path) {
  for (const char* ext : {".nodes", ".edges"}) {
    if (EndsWith(path, ext)) return path.substr(0, path.size() - std::strlen(ext));
  }
  return path;
}

EdgeList LoadCostVertexLayout(const std::string& path) {
  CollectedPairs pairs(CostVertexBaseName(path) + ".edges");
  ReadCostVertexPairs(path, kDefaultTextChunk,
                      [&](std::span<const RawPair> chunk) { pairs.Add(chunk); });
  return pairs.Relabel();
}

}  // namespace cost::datasets
