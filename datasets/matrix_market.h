// Matrix Market coordinate files (https://math.nist.gov/MatrixMarket/formats.html) as graphs.
//
// Banner "%%MatrixMarket matrix coordinate FIELD SYMMETRY" with FIELD pattern, integer or real
// (values are checked and ignored) and SYMMETRY general or symmetric; then '%' comments, the
// size line "rows cols entries" (rows == cols), then exactly `entries` lines "i j [value]" with
// 1-based indices. Entry (i, j) is the edge i -> j; a symmetric file also gives j -> i.
// Dense id = index - 1, original id = the 1-based index, so isolated vertices are kept.
// Files without the banner (e.g. a bare "i j" list named .mtx) are rejected with a hint to read
// them as an edge list instead (`--format snap`).
#ifndef COST_DATASETS_MATRIX_MARKET_H_
#define COST_DATASETS_MATRIX_MARKET_H_

#include <string>
#include <string_view>

#include "datasets/graph.h"

namespace cost::datasets {

struct MatrixMarketGraph {
  EdgeList edges;
  bool symmetric = false;  // the banner said symmetric: edges hold both directions
};

// Throws DatasetError("NAME:LINE: reason") on a missing or unsupported banner, a bad size line,
// a malformed entry, an index out of range, or an entry count that disagrees with the size line.
MatrixMarketGraph ParseMatrixMarket(std::string_view text, const std::string& name);

// Reads the file (gzip allowed) and parses it.
MatrixMarketGraph LoadMatrixMarket(const std::string& path);

// True when the text starts with the "%%MatrixMarket" banner (any case).
bool HasMatrixMarketBanner(std::string_view text);

}  // namespace cost::datasets

#endif  // COST_DATASETS_MATRIX_MARKET_H_
