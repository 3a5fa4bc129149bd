// The bytes of a version-2 prepared-graph file, for the reader and the writer only (callers use
// graph_file.h). Little-endian, written as these structs on a little-endian machine:
//
//   header (64 bytes)   magic "COSTGRPH", version 2, flags (bit 0: symmetric), num_vertices,
//                       num_edges, file_bytes, section_count, content checksum, header checksum
//   table               section_count entries (32 bytes each): kind, offset, bytes, XXH64 of
//                       the section's bytes; ordered by kind
//   sections            each at a multiple of 4096 bytes (so that each maps on its own pages),
//                       zero padding between them, in the order they were written
//
// header checksum: XXH64 (seed 0) of the header with that field zero, then the table: a flipped
// bit in either is found before any offset is trusted.
// content checksum: XXH64 of (num_vertices, num_edges, flags) and of (kind, bytes, checksum) for
// every section but the metadata: it names the graph's bytes whatever the metadata says (the
// timings of its preparation differ run to run), so two preparations of the same input with the
// same sections have the same content checksum.
#ifndef COST_DATASETS_GRAPH_FILE_FORMAT_H_
#define COST_DATASETS_GRAPH_FILE_FORMAT_H_

#include <bit>
#include <cstdint>
#include <span>

namespace cost::datasets {

static_assert(std::endian::native == std::endian::little,
              "the graph file is little-endian; a big-endian port must byte-swap");

inline constexpr char kGraphFileMagic[8] = {'C', 'O', 'S', 'T', 'G', 'R', 'P', 'H'};
inline constexpr uint32_t kGraphFileFlagSymmetric = 1;
inline constexpr uint64_t kSectionAlignment = 4096;
inline constexpr uint32_t kMaxSectionEntries = 16;

// The first 40 bytes, the same in both versions.
struct FileHeaderPrefix {
  char magic[8];
  uint32_t version;
  uint32_t flags;  // bit 0: symmetric
  uint64_t num_vertices;
  uint64_t num_edges;
  uint64_t file_bytes;
};
static_assert(sizeof(FileHeaderPrefix) == 40);

struct FileHeaderV2 {
  FileHeaderPrefix prefix;
  uint32_t section_count;
  uint32_t reserved;
  uint64_t content_checksum;
  uint64_t header_checksum;
};
static_assert(sizeof(FileHeaderV2) == 64, "the header layout is part of the file format");

struct SectionEntryV2 {
  uint32_t kind;  // a SectionKind
  uint32_t reserved;
  uint64_t offset;
  uint64_t bytes;
  uint64_t checksum;
};
static_assert(sizeof(SectionEntryV2) == 32, "the table layout is part of the file format");

inline uint64_t AlignToSection(uint64_t x) {
  return (x + kSectionAlignment - 1) / kSectionAlignment * kSectionAlignment;
}

// The two checksums defined above.
uint64_t ContentChecksum(const FileHeaderV2& header, std::span<const SectionEntryV2> table);
uint64_t HeaderChecksum(const FileHeaderV2& header, std::span<const SectionEntryV2> table);

}  // namespace cost::datasets

#endif  // COST_DATASETS_GRAPH_FILE_FORMAT_H_
