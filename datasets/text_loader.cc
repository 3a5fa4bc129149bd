// SNAP-style text edge lists; see text_loader.h for the format. Read once, a block of lines at a
// time, lines parsed in parallel (inputs/pair_readers.h), the pairs collected and relabelled in
// memory (inputs/collected_pairs.h): the dense order is the ascending order of original ids,
// whatever the edge order.
#include "datasets/text_loader.h"

#include <string>
#include <string_view>

#include "datasets/inputs/byte_source.h"
#include "datasets/inputs/collected_pairs.h"
#include "datasets/inputs/line_blocks.h"
#include "datasets/inputs/pair_readers.h"

namespace cost::datasets {
namespace {

EdgeList CollectText(ByteSource* source) {
  CollectedPairs pairs(source->path());
  ReadSnapPairs(source, kDefaultTextChunk,
                [&](std::span<const RawPair> chunk) { pairs.Add(chunk); });
  return pairs.Relabel();
}

}  // namespace

EdgeList ParseTextEdgeList(std::string_view text, const std::string& name) {
  ByteSource source(text, name);
  return CollectText(&source);
}

EdgeList LoadTextEdgeList(const std::string& path) {
  ByteSource source(path);
  return CollectText(&source);
}

EdgeList LoadTextEdgeList(ByteSource* source) { return CollectText(source); }

}  // namespace cost::datasets
