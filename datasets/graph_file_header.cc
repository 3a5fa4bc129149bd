// Opening a prepared file and checking its header and table; see graph_file_header.h.
#include "datasets/graph_file_header.h"

#include <sys/stat.h>
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "datasets/dataset_error.h"
#include "datasets/graph_file_format.h"

namespace cost::datasets {
namespace {

constexpr uint64_t kHeadBytes = sizeof(FileHeaderV2) + kMaxSectionEntries * sizeof(SectionEntryV2);
static_assert(kHeadBytes >= 192, "the head read must hold a version-1 header");

std::string Bytes(uint64_t n) { return std::to_string(n) + " bytes"; }

// One table entry: a known kind, after the previous one, inside the file, of the right size.
void CheckEntry(const FileHeaderV2& h, const SectionEntryV2& e, uint32_t previous_kind,
                uint64_t file_size, const std::string& path) {
  if (e.kind < kFirstSectionKind || e.kind > kLastSectionKind) {
    FailGraphFile(path, "section table names unknown kind " + std::to_string(e.kind));
  }
  const SectionKind kind = static_cast<SectionKind>(e.kind);
  const std::string name = std::string("section '") + SectionKindName(kind) + "'";
  if (kind == SectionKind::kHilbertVarint) FailRetiredVarintStream(path);
  if (e.kind <= previous_kind) FailGraphFile(path, name + " is listed twice or out of order");
  const uint64_t expected = ExpectedSectionBytes(kind, h.prefix.num_vertices, h.prefix.num_edges);
  const bool any_size = kind == SectionKind::kHilbertCompressed || kind == SectionKind::kMetadata;
  if (!any_size && e.bytes != expected) {
    FailGraphFile(path, name + " has " + Bytes(e.bytes) + ", expected " + std::to_string(expected));
  }
  if (e.offset % kSectionAlignment != 0 || e.offset < kHeadBytes || e.offset > file_size ||
      e.bytes > file_size - e.offset) {
    FailGraphFile(path, name + " at offset " + std::to_string(e.offset) + " (" + Bytes(e.bytes) +
                            ") is misaligned or outside the file");
  }
}

// Sections that only make sense together, and the ones every file has.
void CheckGroups(const GraphFileInfo& info, const std::string& path) {
  const auto has = [&](SectionKind kind) { return info.Find(kind) != nullptr; };
  for (const SectionKind kind :
       {SectionKind::kOriginalIds, SectionKind::kOutDegrees, SectionKind::kMetadata}) {
    if (!has(kind)) FailGraphFile(path, std::string("no '") + SectionKindName(kind) + "' section");
  }
  const std::pair<SectionKind, SectionKind> pairs[] = {
      {SectionKind::kOutOffsets, SectionKind::kOutTargets},
      {SectionKind::kInOffsets, SectionKind::kInSources},
      {SectionKind::kHilbertSrc, SectionKind::kHilbertDst}};
  for (const auto& [a, b] : pairs) {
    if (has(a) != has(b)) {
      FailGraphFile(path, std::string("section '") + SectionKindName(has(a) ? a : b) +
                              "' without '" + SectionKindName(has(a) ? b : a) + "'");
    }
  }
  if (info.symmetric && has(SectionKind::kInOffsets)) {
    FailGraphFile(path, "a symmetric graph with a transpose section");
  }
}

GraphFileInfo ParseVersion2Header(std::span<const char> head, uint64_t file_size,
                                  const std::string& path) {
  FileHeaderV2 h;
  if (head.size() < sizeof h) {
    FailGraphFile(path, "truncated: file has " + Bytes(file_size) + ", less than the " +
                            std::to_string(sizeof h) + "-byte header");
  }
  std::memcpy(&h, head.data(), sizeof h);
  if (h.section_count > kMaxSectionEntries ||
      head.size() < sizeof h + h.section_count * sizeof(SectionEntryV2)) {
    FailGraphFile(path, "section table of " + std::to_string(h.section_count) +
                            " entries does not fit the file's first " + Bytes(head.size()));
  }
  std::vector<SectionEntryV2> table(h.section_count);
  // An empty table has no storage to copy into (memcpy to null is undefined even for 0 bytes);
  // such a file is refused below for the sections it lacks.
  if (!table.empty()) {
    std::memcpy(table.data(), head.data() + sizeof h, table.size() * sizeof(SectionEntryV2));
  }
  const uint64_t header_checksum = HeaderChecksum(h, table);
  if (header_checksum != h.header_checksum) {
    FailGraphFile(path, "header checksum mismatch: header says " +
                            std::to_string(h.header_checksum) + ", header and table give " +
                            std::to_string(header_checksum));
  }
  GraphFileInfo info = InfoFromPrefix(h.prefix, file_size, path);
  if (ContentChecksum(h, table) != h.content_checksum) {
    FailGraphFile(path, "content checksum does not match the section table");
  }
  info.checksum = info.content_checksum = h.content_checksum;
  uint32_t previous = 0;
  for (const SectionEntryV2& e : table) {
    CheckEntry(h, e, previous, file_size, path);
    previous = e.kind;
    info.sections.push_back({.kind = static_cast<SectionKind>(e.kind),
                             .offset = e.offset,
                             .bytes = e.bytes,
                             .checksum = e.checksum});
  }
  std::sort(info.sections.begin(), info.sections.end(),
            [](const auto& a, const auto& b) { return a.offset < b.offset; });
  CheckGroups(info, path);
  DeriveSectionSummary(&info);
  return info;
}

}  // namespace

[[noreturn]] void FailGraphFile(const std::string& path, const std::string& reason) {
  throw DatasetError(path + ": " + reason);
}

[[noreturn]] void FailRetiredVarintStream(const std::string& path) {
  FailGraphFile(path,
                "holds the varint-delta Hilbert stream of an older cost, which this version no "
                "longer reads; prepare the file again (cost dataset ... --sections ...,compressed "
                "writes the tile-run stream)");
}

GraphFileInfo InfoFromPrefix(const FileHeaderPrefix& h, uint64_t file_size,
                             const std::string& path) {
  if (h.file_bytes != file_size) {
    FailGraphFile(path, std::string(file_size < h.file_bytes ? "truncated" : "size mismatch") +
                            ": header says " + Bytes(h.file_bytes) + ", file has " +
                            std::to_string(file_size));
  }
  if (h.num_vertices > (uint64_t{1} << 32) || h.num_edges > file_size) {
    FailGraphFile(path, "implausible counts: " + std::to_string(h.num_vertices) + " vertices, " +
                            std::to_string(h.num_edges) + " edges in " + Bytes(file_size));
  }
  GraphFileInfo info;
  info.version = h.version;
  info.num_vertices = h.num_vertices;
  info.num_edges = h.num_edges;
  info.symmetric = (h.flags & kGraphFileFlagSymmetric) != 0;
  info.file_bytes = h.file_bytes;
  return info;
}

const GraphFileSectionInfo* GraphFileInfo::Find(SectionKind kind) const {
  for (const GraphFileSectionInfo& s : sections) {
    if (s.kind == kind) return &s;
  }
  return nullptr;
}

void DeriveSectionSummary(GraphFileInfo* info) {
  const auto has = [&](SectionKind kind) { return info->Find(kind) != nullptr; };
  info->prepared.csr = has(SectionKind::kOutOffsets);
  info->prepared.transpose =
      has(SectionKind::kInOffsets) || (info->symmetric && info->prepared.csr);
  info->prepared.hilbert = info->has_hilbert = has(SectionKind::kHilbertSrc);
  const GraphFileSectionInfo* compressed = info->Find(SectionKind::kHilbertCompressed);
  info->hilbert_compressed_bytes = compressed ? compressed->bytes : 0;
  info->prepared.compressed = compressed != nullptr;
  for (GraphFileSectionInfo& s : info->sections) {
    s.bytes_per_edge = info->num_edges == 0 ? 0.0 : static_cast<double>(s.bytes) / info->num_edges;
  }
}

OpenedGraphFile OpenGraphFile(const std::string& path) {
  OpenedGraphFile file;
  file.fd = OpenForReading(path);
  struct stat st;
  if (::fstat(file.fd.get(), &st) != 0) FailGraphFile(path, std::strerror(errno));
  if (S_ISDIR(st.st_mode)) FailGraphFile(path, "is a directory");
  if (!S_ISREG(st.st_mode)) FailGraphFile(path, "not a regular file");
  file.size = static_cast<uint64_t>(st.st_size);
  std::vector<char> head(kHeadBytes);
  head.resize(PreadUpTo(file.fd.get(), head.data(), head.size(), 0, path));
  if (head.size() < sizeof kGraphFileMagic ||
      std::memcmp(head.data(), kGraphFileMagic, sizeof kGraphFileMagic) != 0) {
    FailGraphFile(path, "not a cost graph file (bad magic)");
  }
  uint32_t version = 0;
  if (head.size() >= 12) std::memcpy(&version, head.data() + 8, sizeof version);
  if (version == 1) {
    file.info = ParseVersion1Header(head, file.size, path);
  } else if (version == 2) {
    file.info = ParseVersion2Header(head, file.size, path);
  } else if (head.size() < 12) {
    FailGraphFile(path, "truncated: file has " + Bytes(file.size) + ", less than a header");
  } else {
    FailGraphFile(path, "unsupported version " + std::to_string(version) + ", expected 1 or 2");
  }
  return file;
}

std::string ReadMetadata(const OpenedGraphFile& file, const std::string& path) {
  const GraphFileSectionInfo* meta = file.info.Find(SectionKind::kMetadata);
  std::string metadata(meta->bytes, '\0');
  PreadExactly(file.fd.get(), metadata.data(), meta->bytes, meta->offset, path);
  const uint64_t actual = XXH64(metadata.data(), metadata.size(), 0);
  if (file.info.version >= 2 && actual != meta->checksum) {
    FailGraphFile(path, "section 'metadata' checksum mismatch: table says " +
                            std::to_string(meta->checksum) + ", contents give " +
                            std::to_string(actual));
  }
  return metadata;
}

}  // namespace cost::datasets
