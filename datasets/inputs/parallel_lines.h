// Parsing a block of whole lines in parallel, one piece per thread, with the results handed on in
// file order and the first bad line reported as the sequential parse would: "NAME:LINE: reason".
// The line parser is a template parameter so that it inlines in the loop.
//
// A parse function classifies a line (without its '\n'): kSkip (blank, comment), kEdge (one
// pair), kError (*reason set). Every non-skip line is an "entry" (Matrix Market counts them
// against its size line, malformed ones included).
#ifndef COST_DATASETS_INPUTS_PARALLEL_LINES_H_
#define COST_DATASETS_INPUTS_PARALLEL_LINES_H_

#include <omp.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "datasets/dataset_error.h"
#include "datasets/inputs/edge_pairs.h"
#include "datasets/text_edge_line.h"

namespace cost::datasets {

// One piece of a block, parsed by one thread.
struct ParsedPiece {
  std::vector<RawPair> pairs;
  uint64_t first_line = 0;
  uint64_t lines = 0;       // lines it holds (up to its error when it has one)
  uint64_t entries = 0;     // non-skip lines, the erroneous one included
  uint64_t error_line = 0;  // absolute; 0: none
  std::string reason;
};

// Calls fn(line, line_number) for each line of `text` (whole lines; the last may lack its '\n')
// until fn returns false.
template <typename Fn>
void ForEachLineOf(std::string_view text, uint64_t first_line, Fn fn) {
  const char* p = text.data();
  const char* const end = p + text.size();
  for (uint64_t number = first_line; p < end; ++number) {
    const char* eol = static_cast<const char*>(std::memchr(p, '\n', end - p));
    if (eol == nullptr) eol = end;
    if (!fn(std::string_view(p, eol - p), number)) return;
    p = eol + 1;
  }
}

template <typename Parse>
void ParsePiece(std::string_view text, uint64_t first_line, const Parse& parse,
                ParsedPiece* piece) {
  piece->pairs.clear();
  piece->first_line = first_line;
  piece->lines = piece->entries = piece->error_line = 0;
  ForEachLineOf(text, first_line, [&](std::string_view line, uint64_t number) {
    ++piece->lines;
    RawPair pair;
    switch (parse(line, &pair, &piece->reason)) {
      case LineKind::kEdge:
        ++piece->entries;
        piece->pairs.push_back(pair);
        return true;
      case LineKind::kSkip:
        return true;
      case LineKind::kError:
        ++piece->entries;
        piece->error_line = number;
        return false;
    }
    return true;
  });
}

// The line of a piece's k-th entry (1-based), found by parsing it again in order.
template <typename Parse>
uint64_t LineOfEntry(std::string_view text, uint64_t first_line, const Parse& parse, uint64_t k) {
  uint64_t found = 0;
  ForEachLineOf(text, first_line, [&](std::string_view line, uint64_t number) {
    RawPair pair;
    std::string reason;
    if (parse(line, &pair, &reason) != LineKind::kSkip && --k == 0) {
      found = number;
      return false;
    }
    return true;
  });
  return found;
}

class ParallelLineParser {
 public:
  // Called with the line of the first entry beyond max_entries; must throw.
  using TooManyEntries = std::function<void(uint64_t line)>;

  ParallelLineParser() : pieces_(std::max(1, omp_get_max_threads())) {}

  // Parses `block` (first line numbered first_line) and hands each piece's pairs to fn, in
  // order. Throws for the first bad line, or calls too_many for the first entry past
  // max_entries (counted over every block so far).
  template <typename Parse>
  void ParseBlock(std::string_view block, uint64_t first_line, const std::string& name,
                  const Parse& parse, const PairChunkFn& fn,
                  uint64_t max_entries = std::numeric_limits<uint64_t>::max(),
                  const TooManyEntries& too_many = {}) {
    const std::vector<std::string_view> texts = Split(block);
    const int parts = static_cast<int>(texts.size());
    std::vector<uint64_t> starts(parts, first_line);
    for (int p = 1; p < parts; ++p) {
      starts[p] = starts[p - 1] + CountLines(texts[p - 1]);
    }
#pragma omp parallel for schedule(static, 1) if (parts > 1)
    for (int p = 0; p < parts; ++p) ParsePiece(texts[p], starts[p], parse, &pieces_[p]);
    for (int p = 0; p < parts; ++p) {
      const ParsedPiece& piece = pieces_[p];
      if (entries_ + piece.entries > max_entries) {
        too_many(LineOfEntry(texts[p], starts[p], parse, max_entries - entries_ + 1));
      }
      entries_ += piece.entries;
      if (piece.error_line != 0) {
        throw DatasetError(name + ":" + std::to_string(piece.error_line) + ": " + piece.reason);
      }
    }
    for (int p = 0; p < parts; ++p) fn(pieces_[p].pairs);
  }

  uint64_t entries() const { return entries_; }
  // The pieces' pair vectors.
  uint64_t bytes() const;

 private:
  std::vector<std::string_view> Split(std::string_view block) const;
  static uint64_t CountLines(std::string_view text);

  std::vector<ParsedPiece> pieces_;
  uint64_t entries_ = 0;
};

}  // namespace cost::datasets

#endif  // COST_DATASETS_INPUTS_PARALLEL_LINES_H_
