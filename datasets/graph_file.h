// The binary prepared-graph file (".cgraph"): written once, loaded with mmap by every
// measurement so that a sweep does not re-parse text in each child process.
//
// Layout (little-endian, every section 64-byte aligned):
//   header: magic "COSTGRPH", format version, num_vertices, num_edges, flags (bit 0: symmetric),
//           section offsets and sizes, metadata length, XXH64 checksum of everything after the
//           header
//   sections: out offsets (u64 x n+1), out targets (u32 x m), in offsets, in sources,
//             original ids (u64 x n), metadata (UTF-8 JSON text), and optionally (offset and
//             size 0 when absent) the Hilbert layouts: hilbert src and dst (u32 x m each) and
//             the compressed Hilbert stream (bytes); see hilbert_layout.h
// The optional sections live in header bytes that the first version-1 files kept zero, so
// those files load unchanged and the version stays 1.
#ifndef COST_DATASETS_GRAPH_FILE_H_
#define COST_DATASETS_GRAPH_FILE_H_

#include <cstdint>
#include <string>

#include "datasets/graph.h"

namespace cost::datasets {

inline constexpr uint32_t kGraphFileVersion = 1;

// Summary of a prepared file, readable without loading the edges.
struct GraphFileInfo {
  uint32_t version = 0;
  uint64_t num_vertices = 0;
  uint64_t num_edges = 0;
  bool symmetric = false;
  uint64_t checksum = 0;  // XXH64 of the payload, as stored
  uint64_t file_bytes = 0;
  bool has_hilbert = false;               // hilbert src/dst sections present
  uint64_t hilbert_compressed_bytes = 0;  // 0: no compressed stream
  std::string metadata;  // JSON text: source, generator options, preparation seconds, ...
};

// Writes atomically (temp file in the same folder, fsync, rename): a failure leaves no file.
// Throws DatasetError naming the path on I/O failure.
void WriteGraphFile(const Graph& graph, const std::string& metadata_json, const std::string& path);

// Maps the file and returns a Graph viewing it. Throws DatasetError("PATH: reason") for a
// missing file, a directory, a wrong magic, an unknown version, counts that do not match the
// file size, or (when verify_checksum, which reads every byte anyway) a checksum mismatch or a
// structure kernels cannot index safely (decreasing offsets, a vertex id beyond n).
Graph LoadGraphFile(const std::string& path, GraphFileInfo* info = nullptr,
                    bool verify_checksum = true);

// Where one array of a prepared file lies: bytes from the start of the file, and its length.
struct GraphFileSection {
  uint64_t offset = 0;
  uint64_t bytes = 0;
};

// The section table of a prepared file, for readers that map only part of it (an MPI rank maps
// the rows it owns: datasets/graph_file_part.h). The header is checked as LoadGraphFile checks
// it; the checksum is not (verifying it would read the whole file).
struct GraphFileSections {
  GraphFileSection out_offsets, out_targets, in_offsets, in_sources, original_ids;
};
GraphFileSections ReadGraphFileSections(const std::string& path, GraphFileInfo* info = nullptr);

// Reads and checks only the header and metadata.
GraphFileInfo ReadGraphFileInfo(const std::string& path);

}  // namespace cost::datasets

#endif  // COST_DATASETS_GRAPH_FILE_H_
