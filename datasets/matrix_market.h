// Matrix Market coordinate files (https://math.nist.gov/MatrixMarket/formats.html) as graphs.
//
// Banner "%%MatrixMarket matrix coordinate FIELD SYMMETRY" with FIELD pattern, integer or real
// (values are checked and ignored) and SYMMETRY general or symmetric; then '%' comments, the
// size line "rows cols entries" (rows == cols), then exactly `entries` lines "i j [value]" with
// 1-based indices. Entry (i, j) is the edge i -> j; a symmetric file also gives j -> i.
// The indices are relabelled densely as every format's ids are (ascending index; the original
// id is the 1-based index), so the per-vertex arrays are sized by the rows the entries name, not
// by the size line: rows no entry names are not vertices of the graph.
// Files without the banner (e.g. a bare "i j" list named .mtx) are rejected with a hint to read
// them as an edge list instead (`--format snap`).
#ifndef COST_DATASETS_MATRIX_MARKET_H_
#define COST_DATASETS_MATRIX_MARKET_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "datasets/graph.h"
#include "datasets/text_edge_line.h"

namespace cost::datasets {

struct MatrixMarketGraph {
  EdgeList edges;
  bool symmetric = false;  // the banner said symmetric: edges hold both directions
};

// Throws DatasetError("NAME:LINE: reason") on a missing or unsupported banner, a bad size line,
// a malformed entry, an index out of range, an entry count that disagrees with the size line, or
// no entries ("NAME: no edges").
MatrixMarketGraph ParseMatrixMarket(std::string_view text, const std::string& name);

// Reads the file (gzip allowed, a pipe read once) and parses it.
MatrixMarketGraph LoadMatrixMarket(const std::string& path);
class ByteSource;
MatrixMarketGraph LoadMatrixMarket(ByteSource* source);

// True when the text starts with the "%%MatrixMarket" banner (any case).
bool HasMatrixMarketBanner(std::string_view text);

// The parts of the format the streaming reader (inputs/matrix_market_pairs.h) parses line by
// line.
struct MatrixMarketHeader {
  enum class Field { kPattern, kInteger, kReal };
  Field field = Field::kPattern;
  std::string field_name;
  bool symmetric = false;
  uint64_t rows = 0, cols = 0, entries = 0;
  uint64_t size_line = 0;  // the size line's number
};

// Line 1. Throws DatasetError("NAME:1: reason").
MatrixMarketHeader ParseMatrixMarketBanner(std::string_view line, const std::string& name);
// The size line, numbered `number`, into header->rows, cols, entries, size_line.
void ParseMatrixMarketSizeLine(std::string_view line, uint64_t number, const std::string& name,
                               MatrixMarketHeader* header);
// A line after the size line: kSkip (blank, '%' comment), kEdge with the 1-based *i, *j, or
// kError with *reason.
LineKind ParseMatrixMarketEntry(std::string_view line, const MatrixMarketHeader& header,
                                uint64_t* i, uint64_t* j, std::string* reason);
[[noreturn]] void ThrowMoreMatrixMarketEntries(const std::string& name, uint64_t line,
                                               const MatrixMarketHeader& header);
[[noreturn]] void ThrowFewerMatrixMarketEntries(const std::string& name, uint64_t line,
                                                uint64_t seen, const MatrixMarketHeader& header);

}  // namespace cost::datasets

#endif  // COST_DATASETS_MATRIX_MARKET_H_
