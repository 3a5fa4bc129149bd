// The block splitting of ParallelLineParser; see parallel_lines.h.
#include "datasets/inputs/parallel_lines.h"

#include <algorithm>

namespace cost::datasets {

std::vector<std::string_view> ParallelLineParser::Split(std::string_view block) const {
  // Piece p starts after the first '\n' at or after block.size() * p / parts; a small block is
  // one piece (a thread per few lines would cost more than it saves).
  const int parts = block.size() < (uint64_t{1} << 16) ? 1 : static_cast<int>(pieces_.size());
  std::vector<size_t> cut(parts + 1, block.size());
  cut[0] = 0;
  for (int p = 1; p < parts; ++p) {
    const size_t newline = block.find('\n', block.size() * p / parts);
    cut[p] = std::max(cut[p - 1], newline == std::string_view::npos ? block.size() : newline + 1);
  }
  std::vector<std::string_view> texts;
  for (int p = 0; p < parts; ++p) texts.push_back(block.substr(cut[p], cut[p + 1] - cut[p]));
  return texts;
}

uint64_t ParallelLineParser::CountLines(std::string_view text) {
  return static_cast<uint64_t>(std::count(text.begin(), text.end(), '\n'));
}

uint64_t ParallelLineParser::bytes() const {
  uint64_t bytes = 0;
  for (const ParsedPiece& piece : pieces_) bytes += piece.pairs.capacity() * sizeof(RawPair);
  return bytes;
}

}  // namespace cost::datasets
