// Text edge lists (SNAP style): one "src dst [ignored...]" pair per line, separated by spaces or
// tabs; lines starting with '#' or '%' are comments; LF or CRLF line endings; ids are unsigned
// integers, any value up to 2^64-1, sparse allowed. Gzip files (magic 1f 8b) are decompressed.
// Ids are relabelled densely in ascending order of original id, so the relabelling does not
// depend on edge order; the original ids are kept in EdgeList::original_ids.
#ifndef COST_DATASETS_TEXT_LOADER_H_
#define COST_DATASETS_TEXT_LOADER_H_

#include <string>

#include "datasets/graph.h"

namespace cost::datasets {

// Reads the whole file (a pipe exactly once). Throws DatasetError("PATH:LINE: reason") on a
// malformed line (a non-numeric or negative token, a missing column, a line longer than 1 MiB),
// on an empty file (no edges), on a directory, a device or an unreadable path, when more than
// 2^32-1 distinct ids appear, and ("PATH: needs N bytes, M available") when the edge list would
// not fit the memory available.
EdgeList LoadTextEdgeList(const std::string& path);
class ByteSource;
// The same from a source opened already (its format detected from bytes it keeps).
EdgeList LoadTextEdgeList(ByteSource* source);

// Same as above on a buffer; `name` is used in error messages in place of the path.
EdgeList ParseTextEdgeList(std::string_view text, const std::string& name);

}  // namespace cost::datasets

#endif  // COST_DATASETS_TEXT_LOADER_H_
