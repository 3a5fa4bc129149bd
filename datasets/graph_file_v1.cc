// Version-1 prepared files, read only: a 192-byte header naming nine sections by position and
// one XXH64 of every byte after the header. The last three sections (the Hilbert layouts) are
// optional (offset and size 0). A symmetric file's in sections point at its out sections.
#include <cstring>
#include <string>

#include "datasets/graph_file_format.h"
#include "datasets/graph_file_header.h"

namespace cost::datasets {
namespace {

struct Version1Section {
  uint64_t offset;
  uint64_t bytes;
};

struct Version1Header {
  FileHeaderPrefix prefix;
  uint64_t checksum;  // XXH64, seed 0, of bytes [192, file_bytes)
  Version1Section sections[9];
};
static_assert(sizeof(Version1Header) == 192, "the version-1 header layout");

// The sections by position in the header.
constexpr SectionKind kVersion1Kinds[9] = {
    SectionKind::kOutOffsets, SectionKind::kOutTargets,  SectionKind::kInOffsets,
    SectionKind::kInSources,  SectionKind::kOriginalIds, SectionKind::kMetadata,
    SectionKind::kHilbertSrc, SectionKind::kHilbertDst,  SectionKind::kHilbertVarint};
constexpr int kFirstOptional = 6;
constexpr uint64_t kVersion1Alignment = 64;

// The size section s must have; the metadata and the compressed stream have any size.
uint64_t ExpectedBytes(const Version1Header& h, int s) {
  const SectionKind kind = kVersion1Kinds[s];
  if (kind == SectionKind::kHilbertSrc || kind == SectionKind::kHilbertDst) {
    return h.sections[6].bytes != 0 ? 4 * h.prefix.num_edges : 0;
  }
  if (kind == SectionKind::kMetadata || kind == SectionKind::kHilbertVarint) {
    return h.sections[s].bytes;
  }
  return ExpectedSectionBytes(kind, h.prefix.num_vertices, h.prefix.num_edges);
}

}  // namespace

GraphFileInfo ParseVersion1Header(std::span<const char> head, uint64_t file_size,
                                  const std::string& path) {
  if (head.size() < sizeof(Version1Header)) {
    FailGraphFile(path, "truncated: file has " + std::to_string(file_size) +
                            " bytes, less than the " + std::to_string(sizeof(Version1Header)) +
                            "-byte header");
  }
  Version1Header h;
  std::memcpy(&h, head.data(), sizeof h);
  GraphFileInfo info = InfoFromPrefix(h.prefix, file_size, path);
  info.checksum = info.content_checksum = h.checksum;
  for (int s = 0; s < 9; ++s) {
    const Version1Section& section = h.sections[s];
    const uint64_t expected = ExpectedBytes(h, s);
    const std::string name = std::string("section '") + SectionKindName(kVersion1Kinds[s]) + "'";
    if (s >= kFirstOptional && section.offset == 0 && section.bytes == 0 && expected == 0) {
      continue;  // absent
    }
    if (kVersion1Kinds[s] == SectionKind::kHilbertVarint) FailRetiredVarintStream(path);
    if (section.bytes != expected) {
      FailGraphFile(path, name + " has " + std::to_string(section.bytes) + " bytes, expected " +
                              std::to_string(expected));
    }
    if (section.offset % kVersion1Alignment != 0 || section.offset < sizeof h ||
        section.offset > file_size || section.bytes > file_size - section.offset) {
      FailGraphFile(path, name + " at offset " + std::to_string(section.offset) + " (" +
                              std::to_string(section.bytes) +
                              " bytes) is misaligned or outside the file");
    }
    info.sections.push_back(
        {.kind = kVersion1Kinds[s], .offset = section.offset, .bytes = section.bytes});
  }
  DeriveSectionSummary(&info);
  return info;
}

}  // namespace cost::datasets
