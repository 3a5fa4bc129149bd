// The edge formats of one file or two as pairs of original ids, each input read once, front to
// back, a bounded chunk at a time: text edge lists (text_loader.h's format), raw (u32, u32)
// records, and the COST vertex layout (binary_edge_formats.h). Errors name the file and the
// line or byte offset; for a regular file the size checks come before any pair.
#ifndef COST_DATASETS_INPUTS_PAIR_READERS_H_
#define COST_DATASETS_INPUTS_PAIR_READERS_H_

#include <cstdint>
#include <string>

#include "datasets/inputs/byte_source.h"
#include "datasets/inputs/edge_pairs.h"

namespace cost::datasets {

// Throws DatasetError("NAME:LINE: reason") for a malformed line or one longer than
// kMaxLineBytes.
void ReadSnapPairs(ByteSource* source, uint64_t chunk_bytes, const PairChunkFn& fn);

// Throws DatasetError("NAME: N bytes is not a whole number of (u32 src, u32 dst) records: K
// trailing bytes at byte offset W") and "NAME: no edges".
void ReadRawPairs(ByteSource* source, uint64_t chunk_bytes, const PairChunkFn& fn);

// NAME.nodes (u32 id, u32 degree) and NAME.edges (u32 targets) read in step; `path` names
// either file or NAME. Throws DatasetError naming the file and byte offset for a partial
// record, a degree that runs past the targets, degrees that do not add up to them, no edges.
void ReadCostVertexPairs(const std::string& path, uint64_t chunk_bytes, const PairChunkFn& fn);

}  // namespace cost::datasets

#endif  // COST_DATASETS_INPUTS_PAIR_READERS_H_
