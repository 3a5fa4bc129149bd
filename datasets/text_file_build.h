// A prepared Graph straight from a text edge list file (SNAP style, see text_loader.h), without
// holding the edge list: peak memory is the output arrays (4 bytes per arc of `out`, and of
// `in` unless symmetrised) plus per-vertex arrays and one chunk of text, where loading the edge
// list first (LoadTextEdgeList + BuildGraph) needs several times the text's size.
//
// Three passes over the file, each reading it in chunks whose lines are parsed in parallel:
//   1. ids: the distinct ids, kept as a bitmap (ids below about half the file size, so that
//      dense ids cost 1 bit each) and a sorted vector (the sparse rest); ranks follow from them.
//   2. degrees: arcs per row of `out` (and `in`), so the offsets are known.
//   3. fill: each arc is written at its row's cursor; then every row is sorted, deduplicated
//      and compacted in place.
// The result, the dense ids (ascending original id) and BuildStats are the same as
// BuildGraph(LoadTextEdgeList(path), options) gives, and so are the error messages.
#ifndef COST_DATASETS_TEXT_FILE_BUILD_H_
#define COST_DATASETS_TEXT_FILE_BUILD_H_

#include <cstdint>
#include <string>

#include "datasets/csr_build.h"
#include "datasets/graph.h"

namespace cost::datasets {

inline constexpr uint64_t kDefaultTextChunkBytes = uint64_t{16} << 20;  // as kDefaultTextChunk

// Whether BuildGraphFromTextFile can read `path`: a regular file that is not gzip-compressed
// (a pipe cannot be read three times; gzip files go through LoadTextEdgeList).
bool CanBuildFromTextFile(const std::string& path);

// Throws DatasetError("PATH:LINE: reason") for a malformed line, "PATH: no edges" for a file
// without edges, and the errors of LoadTextEdgeList for unreadable files and too many ids.
// chunk_bytes is how much text is read at a time (tests make it tiny to cut lines anywhere).
Graph BuildGraphFromTextFile(const std::string& path, const BuildOptions& options,
                             BuildStats* stats = nullptr,
                             uint64_t chunk_bytes = kDefaultTextChunkBytes);

}  // namespace cost::datasets

#endif  // COST_DATASETS_TEXT_FILE_BUILD_H_
