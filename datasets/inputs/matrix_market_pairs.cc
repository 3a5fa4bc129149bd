// Streaming Matrix Market entries; see matrix_market_pairs.h.
#include "datasets/inputs/matrix_market_pairs.h"

#include <string>
#include <vector>

#include "datasets/dataset_error.h"
#include "datasets/inputs/line_blocks.h"
#include "datasets/inputs/parallel_lines.h"

namespace cost::datasets {
namespace {

bool IsBlankOrComment(std::string_view line) {
  for (const char c : line) {
    if (c == ' ' || c == '\t' || c == '\r') continue;
    return c == '%';
  }
  return true;
}

// Reads the banner, the comments and the size line, line by line; leaves in *rest the part of
// the block after the size line and in *rest_line its first line's number.
MatrixMarketHeader ReadHeader(LineBlockReader* reader, const std::string& name,
                              std::string_view* rest, uint64_t* rest_line) {
  MatrixMarketHeader header;
  bool have_banner = false, have_size = false;
  std::string_view block;
  uint64_t first = 0;
  while (!have_size && reader->Next(&block, &first)) {
    ForEachLineOf(block, first, [&](std::string_view line, uint64_t number) {
      if (!have_banner) {
        header = ParseMatrixMarketBanner(line, name);
        have_banner = true;
      } else if (!IsBlankOrComment(line)) {
        ParseMatrixMarketSizeLine(line, number, name, &header);
        have_size = true;
        const size_t end = static_cast<size_t>(line.data() + line.size() - block.data());
        *rest = block.substr(std::min(block.size(), end + 1));
        *rest_line = number + 1;
        return false;
      }
      return true;
    });
  }
  if (!have_banner) ParseMatrixMarketBanner("", name);  // an empty file: "no banner"
  if (!have_size) {
    throw DatasetError(name + ":" + std::to_string(reader->lines()) +
                       ": missing size line 'rows cols entries'");
  }
  return header;
}

// Hands on a block's pairs, with the reverse of each off-diagonal one when symmetric.
PairChunkFn Emitter(const MatrixMarketHeader& header, const PairChunkFn& fn,
                    std::vector<RawPair>* both) {
  if (!header.symmetric) return fn;
  return [&fn, both](std::span<const RawPair> pairs) {
    both->clear();
    for (const RawPair& p : pairs) {
      both->push_back(p);
      if (p.src != p.dst) both->push_back({p.dst, p.src});
    }
    fn(*both);
  };
}

}  // namespace

MatrixMarketHeader ReadMatrixMarketPairs(ByteSource* source, uint64_t chunk_bytes,
                                         const PairChunkFn& fn) {
  const std::string& name = source->path();
  LineBlockReader reader(source, chunk_bytes);
  std::string_view block;
  uint64_t first = 0;
  const MatrixMarketHeader header = ReadHeader(&reader, name, &block, &first);
  const auto parse = [&header](std::string_view line, RawPair* pair, std::string* reason) {
    return ParseMatrixMarketEntry(line, header, &pair->src, &pair->dst, reason);
  };
  const auto too_many = [&](uint64_t line) { ThrowMoreMatrixMarketEntries(name, line, header); };
  std::vector<RawPair> both;
  const PairChunkFn emit = Emitter(header, fn, &both);
  ParallelLineParser parser;
  do {
    parser.ParseBlock(block, first, name, parse, emit, header.entries, too_many);
  } while (reader.Next(&block, &first));
  if (parser.entries() != header.entries) {
    ThrowFewerMatrixMarketEntries(name, reader.lines(), parser.entries(), header);
  }
  return header;
}

}  // namespace cost::datasets
