// Reading and checking the header and section table of a prepared file of either version, for
// graph_file.cc and graph_file_part.cc. The checks make every later read through the table stay
// inside the file and every section have the size its kind needs.
#ifndef COST_DATASETS_GRAPH_FILE_HEADER_H_
#define COST_DATASETS_GRAPH_FILE_HEADER_H_

#include <cstdint>
#include <span>
#include <string>

#include "datasets/graph_file.h"
#include "datasets/posix_io.h"

namespace cost::datasets {

// An open prepared file whose header and table passed the checks; info.metadata is empty.
struct OpenedGraphFile {
  UniqueFd fd;
  uint64_t size = 0;
  GraphFileInfo info;
};

// Throws DatasetError("PATH: reason") for a missing file, a directory, something not a regular
// file, a bad magic, an unknown version, a damaged header or table, or sizes that disagree.
OpenedGraphFile OpenGraphFile(const std::string& path);

// The metadata section's text.
std::string ReadMetadata(const OpenedGraphFile& file, const std::string& path);

struct FileHeaderPrefix;

// The counts and flags both versions start with: the file's size must be the header's, the
// counts plausible for it. Returns the info they give (no sections yet).
GraphFileInfo InfoFromPrefix(const FileHeaderPrefix& prefix, uint64_t file_size,
                             const std::string& path);

// Version 1, from the first bytes of the file (`head`, at most 192 of them).
GraphFileInfo ParseVersion1Header(std::span<const char> head, uint64_t file_size,
                                  const std::string& path);

// Fills the derived fields of `info` (prepared, has_hilbert, hilbert_compressed_bytes, bytes
// per edge) from its sections.
void DeriveSectionSummary(GraphFileInfo* info);

[[noreturn]] void FailGraphFile(const std::string& path, const std::string& reason);
// For a file that holds the varint-delta Hilbert stream of older versions (section kind 9),
// which this version neither reads nor writes: it says how to prepare the file again.
[[noreturn]] void FailRetiredVarintStream(const std::string& path);

}  // namespace cost::datasets

#endif  // COST_DATASETS_GRAPH_FILE_HEADER_H_
