// Streaming EVLP vertex and edge files; see ldbc_pairs.h.
#include "datasets/inputs/ldbc_pairs.h"

#include <string>

#include "datasets/dataset_error.h"
#include "datasets/inputs/byte_source.h"
#include "datasets/inputs/line_blocks.h"
#include "datasets/inputs/parallel_lines.h"
#include "datasets/ldbc_loader.h"

namespace cost::datasets {
namespace {

[[noreturn]] void FailAt(const std::string& path, uint64_t line, const std::string& reason) {
  throw DatasetError(path + ":" + std::to_string(line) + ": " + reason);
}

}  // namespace

void ReadLdbcVertexIds(const std::string& vertex_path, uint64_t chunk_bytes, DistinctIds* ids) {
  ByteSource source(vertex_path);
  LineBlockReader reader(&source, chunk_bytes);
  std::string_view block;
  uint64_t first = 0, last = 0;
  bool any = false;
  std::string reason;
  while (reader.Next(&block, &first)) {
    ForEachLineOf(block, first, [&](std::string_view line, uint64_t number) {
      uint64_t id = 0;
      switch (ParseLdbcVertexLine(line, &id, &reason)) {
        case LineKind::kSkip:
          return true;
        case LineKind::kError:
          FailAt(vertex_path, number, reason);
        case LineKind::kEdge:
          break;
      }
      // LDBC files are sorted: a repeat is then the line before, and is named by its line.
      if (any && id == last)
        FailAt(vertex_path, number, "vertex " + std::to_string(id) + " listed twice");
      if (!ids->AddOne(id)) {
        throw DatasetError(vertex_path + ": vertex " + std::to_string(id) + " listed twice");
      }
      any = true;
      last = id;
      return true;
    });
  }
  ids->Finish(vertex_path);
  if (ids->repeated()) {
    throw DatasetError(vertex_path + ": vertex " + std::to_string(ids->repeated_id()) +
                       " listed twice");
  }
}

void ReadLdbcEdgePairs(const std::string& edge_path, uint64_t chunk_bytes, const DistinctIds& ids,
                       const PairChunkFn& fn) {
  ByteSource source(edge_path);
  LineBlockReader reader(&source, chunk_bytes);
  ParallelLineParser parser;
  const auto parse = [&ids](std::string_view line, RawPair* pair, std::string* reason) {
    const LineKind kind = ParseLdbcEdgeLine(line, &pair->src, &pair->dst, reason);
    if (kind != LineKind::kEdge) return kind;
    for (const uint64_t id : {pair->src, pair->dst}) {
      if (!ids.Contains(id)) {
        *reason = "edge endpoint " + std::to_string(id) + " is not in the vertex file";
        return LineKind::kError;
      }
    }
    return LineKind::kEdge;
  };
  std::string_view block;
  uint64_t first = 0;
  while (reader.Next(&block, &first)) parser.ParseBlock(block, first, edge_path, parse, fn);
}

}  // namespace cost::datasets
