// The binary prepared-graph file (".cgraph"): written once, loaded by every measurement so that a
// sweep does not re-parse text in each child process.
//
// Version 2 (written; layout in graph_file_format.h): a header and a table of sections, each
// section with its own XXH64, the header and table with theirs. Sections are present only when
// asked for at preparation (graph_sections.h): `csr` (out offsets, out targets), `transpose` (in
// offsets, in sources; never for a symmetric graph, whose in-CSR is its out-CSR), `hilbert` (arcs
// in Hilbert order as src and dst arrays), `compressed` (the tile-run Hilbert stream); always
// the original ids, the out-degrees and the metadata. A kernel maps only the sections it reads.
//
// Version 1 (read only): a fixed 192-byte header naming nine sections and one XXH64 over every
// byte after the header. Such files load as before: all their sections, verified as a whole.
//
// Verification: LoadGraphFile checks each section's XXH64 the first time this process maps it,
// and the structure kernels index without bounds checks (offsets, vertex ids). It does not trust
// a cache of earlier verifications keyed by inode, size and times: those survive `cp -p`,
// `touch -r`, rsync and media errors, while hashing what is mapped costs one sequential read of
// bytes the run is about to read anyway, and never touches the sections it does not map.
#ifndef COST_DATASETS_GRAPH_FILE_H_
#define COST_DATASETS_GRAPH_FILE_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "datasets/graph.h"
#include "datasets/graph_sections.h"
#include "datasets/posix_io.h"

namespace cost::datasets {

inline constexpr uint32_t kGraphFileVersion = 2;  // the version WriteGraphFile writes

// One section of a prepared file, as its table gives it.
struct GraphFileSectionInfo {
  SectionKind kind = SectionKind::kMetadata;
  uint64_t offset = 0;  // from the start of the file
  uint64_t bytes = 0;
  uint64_t checksum = 0;  // XXH64 of its bytes; 0 in a version-1 file
  double bytes_per_edge = 0;

  const char* name() const { return SectionKindName(kind); }
};

// Summary of a prepared file, readable without reading any section but the metadata.
struct GraphFileInfo {
  uint32_t version = 0;
  uint64_t num_vertices = 0;
  uint64_t num_edges = 0;
  bool symmetric = false;
  // What identifies the graph in results: the content checksum in a version-2 file, the stored
  // XXH64 of the whole payload (metadata included) in a version-1 file.
  uint64_t checksum = 0;
  // Version 2: XXH64 over the counts, the flags and every section's (kind, bytes, checksum) but
  // the metadata's, so the same graph with the same sections gives the same value whatever its
  // preparation took. Version 1: equal to `checksum`.
  uint64_t content_checksum = 0;
  uint64_t file_bytes = 0;
  bool has_hilbert = false;               // hilbert src/dst sections present
  uint64_t hilbert_compressed_bytes = 0;  // 0: no compressed stream
  PreparedSections prepared;  // the groups present (transpose: true for a symmetric csr file)
  std::vector<GraphFileSectionInfo> sections;  // in file order; v1 in sections alias out ones
  std::string metadata;  // JSON text: source, generator options, preparation seconds, ...

  const GraphFileSectionInfo* Find(SectionKind kind) const;
};

// Writes atomically (temp file in the same folder, fsync, rename): a failure leaves no file.
// `sections` names the groups to store; each must be present in `graph` (the Hilbert spans, the
// transpose of a directed graph). The first form stores every group `graph` has. Throws
// DatasetError naming the path on I/O failure or a missing group.
void WriteGraphFile(const Graph& graph, const std::string& metadata_json, const std::string& path);
void WriteGraphFile(const Graph& graph, const PreparedSections& sections,
                    const std::string& metadata_json, const std::string& path);

// Maps the sections `sections` asks for (plus original ids and out-degrees) and returns a Graph
// viewing them; a symmetric graph's `in` is its `out`. Throws DatasetError("PATH: reason") for a
// missing file, a directory, a wrong magic, an unknown version, a damaged header or table,
// counts that do not match the file size, a section the file does not have, or (verify) a
// section whose checksum or structure is wrong. A version-1 file is mapped whole.
Graph LoadGraphFile(const std::string& path, const PreparedSections& sections,
                    GraphFileInfo* info = nullptr, bool verify = true);
// Maps every section the file has.
Graph LoadGraphFile(const std::string& path, GraphFileInfo* info = nullptr,
                    bool verify_checksum = true);

// Reads and checks only the header, the table and the metadata.
GraphFileInfo ReadGraphFileInfo(const std::string& path);

// The bytes LoadGraphFile(path, sections) maps of the file `info` describes (the original ids,
// the out-degrees and the chosen groups' sections; a version-1 file whole): what a measurement
// that maps them holds in memory, for its admission.
uint64_t MappedSectionBytes(const GraphFileInfo& info, const PreparedSections& sections);

// Reads one section with pread, for kernels that stream their edges from the file on every pass
// instead of mapping them. Opened once; every read is bounds-checked against the section.
class GraphFileReader {
 public:
  // Reads and checks the header and table (not the sections). Throws as LoadGraphFile.
  explicit GraphFileReader(const std::string& path);
  ~GraphFileReader();
  GraphFileReader(const GraphFileReader&) = delete;
  GraphFileReader& operator=(const GraphFileReader&) = delete;

  const GraphFileInfo& info() const { return info_; }
  // Copies bytes [offset, offset + out.size()) of the section into out. Throws DatasetError
  // when the file has no such section or the range leaves it.
  void Read(SectionKind kind, uint64_t offset, std::span<uint8_t> out) const;
  // Reads the whole section once, in chunks of chunk_bytes, and checks its XXH64 (in a
  // version-1 file, the whole payload's). Throws DatasetError naming the section on a mismatch.
  void VerifySection(SectionKind kind, uint64_t chunk_bytes = uint64_t{1} << 22) const;

 private:
  std::string path_;
  UniqueFd fd_;
  GraphFileInfo info_;
};

// Where one array of a prepared file lies: bytes from the start of the file, and its length
// (both 0 when the file lacks it).
struct GraphFileSection {
  uint64_t offset = 0;
  uint64_t bytes = 0;
};

// The CSR sections of a prepared file, for readers that map only part of it (an MPI rank maps
// the rows it owns: datasets/graph_file_part.h). The header is checked as LoadGraphFile checks
// it; the sections are not (verifying them would read them whole). In a symmetric file the in
// sections are the out sections.
struct GraphFileSections {
  GraphFileSection out_offsets, out_targets, in_offsets, in_sources, original_ids;
};
GraphFileSections ReadGraphFileSections(const std::string& path, GraphFileInfo* info = nullptr);

}  // namespace cost::datasets

#endif  // COST_DATASETS_GRAPH_FILE_H_
