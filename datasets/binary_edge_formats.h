// Binary edge files, little-endian, u32 ids, relabelled densely as every format's ids are
// (ascending id; the original id is the u32 in the file), so a file naming ids 0 and 4e9 has
// two vertices, not 4e9:
//   raw pairs:        (u32 src, u32 dst) per edge, nothing else.
//   COST vertex layout (McSherry's COST code): `NAME.nodes` = (u32 id, u32 degree) per source
//                     with edges, `NAME.edges` = the u32 targets of those sources, concatenated
//                     in the order of the .nodes records.
#ifndef COST_DATASETS_BINARY_EDGE_FORMATS_H_
#define COST_DATASETS_BINARY_EDGE_FORMATS_H_

#include <string>

#include "datasets/graph.h"

namespace cost::datasets {

// Read once (a pipe too). Throws DatasetError("PATH: reason") for an unreadable or empty file,
// or a size that is not a whole number of pairs (naming the byte offset of the trailing bytes).
EdgeList LoadRawPairs(const std::string& path);
class ByteSource;
EdgeList LoadRawPairs(ByteSource* source);

// `path` may name NAME.nodes, NAME.edges or NAME. Throws DatasetError naming the file and byte
// offset when a file is not a whole number of records, or the degrees in .nodes do not add up to
// the targets in .edges.
EdgeList LoadCostVertexLayout(const std::string& path);

// NAME for a path that names NAME.nodes, NAME.edges or NAME.
std::string CostVertexBaseName(const std::string& path);

}  // namespace cost::datasets

#endif  // COST_DATASETS_BINARY_EDGE_FORMATS_H_
