// The prepared-graph file; see graph_file.h for the layout.
//
// The header below is written as raw bytes, so the format is this struct on a little-endian
// machine (the static_asserts pin that down). Sections follow at 64-byte aligned offsets, zero
// padded; the checksum covers every byte after the header, padding included. When a Graph's `in`
// shares `out`'s arrays (a symmetrised build), the in sections point at the out sections' bytes
// instead of repeating them; readers need not care, they only follow the offsets.
#include "datasets/graph_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "datasets/dataset_error.h"
#include "datasets/hilbert_layout.h"
#include "datasets/output_file.h"

namespace cost::datasets {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the graph file is little-endian; a big-endian port must byte-swap");

constexpr char kMagic[8] = {'C', 'O', 'S', 'T', 'G', 'R', 'P', 'H'};
constexpr uint32_t kFlagSymmetric = 1;
constexpr uint64_t kAlignment = 64;

// The last three are optional (offset and size 0 when absent); they occupy what version 1 first
// reserved as zeros, so files without them are byte-identical to the original version 1.
enum SectionIndex {
  kOutOffsets,
  kOutTargets,
  kInOffsets,
  kInSources,
  kOriginalIds,
  kMetadata,
  kHilbertSrc,
  kHilbertDst,
  kHilbertCompressed
};
constexpr int kNumSections = 9;
constexpr int kFirstOptionalSection = kHilbertSrc;
constexpr const char* kSectionNames[kNumSections] = {
    "out offsets", "out targets", "in offsets",  "in sources",        "original ids",
    "metadata",    "hilbert src", "hilbert dst", "hilbert compressed"};

struct Section {
  uint64_t offset;  // from the start of the file, a multiple of 64
  uint64_t bytes;
};

struct FileHeader {
  char magic[8];  // "COSTGRPH", no terminator
  uint32_t version;
  uint32_t flags;  // bit 0: symmetric
  uint64_t num_vertices;
  uint64_t num_edges;
  uint64_t file_bytes;             // total size of the file
  uint64_t checksum;               // XXH64, seed 0, of bytes [sizeof(FileHeader), file_bytes)
  Section sections[kNumSections];  // sections[kMetadata].bytes is the metadata length
};
static_assert(sizeof(FileHeader) == 192, "the header layout is part of the file format");
static_assert(sizeof(FileHeader) % kAlignment == 0);

uint64_t AlignUp(uint64_t x) { return (x + kAlignment - 1) / kAlignment * kAlignment; }

[[noreturn]] void Fail(const std::string& path, const std::string& reason) {
  throw DatasetError(path + ": " + reason);
}

[[noreturn]] void FailErrno(const std::string& path, const std::string& what) {
  Fail(path, what + ": " + std::strerror(errno));
}

// Closes the descriptor on every way out of the function that opened it.
struct FileDescriptor {
  int fd = -1;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// ---------------------------------------------------------------------------------------------
// Writing

// The bytes of each section, in file order.
struct SectionData {
  const void* data;
  uint64_t bytes;
};

// Lays out the sections after the header; in sections alias out sections when the arrays do.
FileHeader PlanHeader(const Graph& g, const SectionData (&data)[kNumSections]) {
  FileHeader h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kGraphFileVersion;
  h.flags = g.symmetric ? kFlagSymmetric : 0;
  h.num_vertices = g.num_vertices();
  h.num_edges = g.num_edges();
  const bool in_aliases_out =
      g.in.offsets.data() == g.out.offsets.data() && g.in.targets.data() == g.out.targets.data();
  uint64_t end = sizeof(FileHeader);
  for (int s = 0; s < kNumSections; ++s) {
    if (in_aliases_out && (s == kInOffsets || s == kInSources)) {
      h.sections[s] = h.sections[s - kInOffsets + kOutOffsets];
      continue;
    }
    if (s >= kFirstOptionalSection && data[s].bytes == 0) {
      h.sections[s] = {0, 0};  // absent
      continue;
    }
    h.sections[s] = {AlignUp(end), data[s].bytes};
    end = h.sections[s].offset + data[s].bytes;
  }
  h.file_bytes = end;
  return h;
}

// Writes header placeholder, sections and padding; returns the checksum of the payload.
uint64_t WriteBody(OutputFile& file, const FileHeader& h,
                   const SectionData (&data)[kNumSections]) {
  static const char kZeros[kAlignment] = {};
  std::unique_ptr<XXH64_state_t, XXH_errorcode (*)(XXH64_state_t*)> hash(XXH64_createState(),
                                                                         XXH64_freeState);
  XXH64_reset(hash.get(), 0);
  file.WritePod(h);  // rewritten with the checksum
  uint64_t at = sizeof(FileHeader);
  for (int s = 0; s < kNumSections; ++s) {
    if (h.sections[s].offset < at) continue;  // an aliased section, already written
    const uint64_t pad = h.sections[s].offset - at;
    file.Write(std::string_view(kZeros, pad));
    file.Write(std::string_view(static_cast<const char*>(data[s].data), data[s].bytes));
    XXH64_update(hash.get(), kZeros, pad);
    XXH64_update(hash.get(), data[s].data, data[s].bytes);
    at = h.sections[s].offset + data[s].bytes;
  }
  return XXH64_digest(hash.get());
}

// ---------------------------------------------------------------------------------------------
// Reading

// Checks everything the header promises against the file size, so that later reads through the
// section offsets stay inside the file.
void CheckHeader(const FileHeader& h, uint64_t file_size, const std::string& path) {
  if (h.version != kGraphFileVersion) {
    Fail(path, "unsupported version " + std::to_string(h.version) + ", expected " +
                   std::to_string(kGraphFileVersion));
  }
  if (h.file_bytes != file_size) {
    Fail(path, std::string(file_size < h.file_bytes ? "truncated" : "size mismatch") +
                   ": header says " + std::to_string(h.file_bytes) + " bytes, file has " +
                   std::to_string(file_size));
  }
  const uint64_t n = h.num_vertices, m = h.num_edges;
  if (n > (uint64_t{1} << 32) || m > file_size) {
    Fail(path, "implausible counts: " + std::to_string(n) + " vertices, " + std::to_string(m) +
                   " edges in " + std::to_string(file_size) + " bytes");
  }
  const bool has_hilbert = h.sections[kHilbertSrc].bytes != 0;
  const uint64_t expected[kNumSections] = {(n + 1) * 8,
                                           m * 4,
                                           (n + 1) * 8,
                                           m * 4,
                                           n * 8,
                                           h.sections[kMetadata].bytes,
                                           has_hilbert ? m * 4 : 0,
                                           has_hilbert ? m * 4 : 0,
                                           h.sections[kHilbertCompressed].bytes};
  for (int s = 0; s < kNumSections; ++s) {
    const Section& section = h.sections[s];
    const std::string name = std::string("section '") + kSectionNames[s] + "'";
    if (s >= kFirstOptionalSection && section.offset == 0 && section.bytes == 0 &&
        expected[s] == 0) {
      continue;  // absent
    }
    if (section.bytes != expected[s]) {
      Fail(path, name + " has " + std::to_string(section.bytes) + " bytes, expected " +
                     std::to_string(expected[s]));
    }
    if (section.offset % kAlignment != 0 || section.offset < sizeof(FileHeader) ||
        section.offset > file_size || section.bytes > file_size - section.offset) {
      Fail(path, name + " at offset " + std::to_string(section.offset) + " (" +
                     std::to_string(section.bytes) + " bytes) is misaligned or outside the file");
    }
  }
}

// An open, header-checked graph file.
struct OpenedFile {
  FileDescriptor file;
  FileHeader header;
  uint64_t size = 0;
};

void OpenAndCheck(const std::string& path, OpenedFile* opened) {
  opened->file.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (opened->file.fd < 0) Fail(path, std::strerror(errno));
  struct stat st;
  if (::fstat(opened->file.fd, &st) != 0) Fail(path, std::strerror(errno));
  if (S_ISDIR(st.st_mode)) Fail(path, "is a directory");
  if (!S_ISREG(st.st_mode)) Fail(path, "not a regular file");
  opened->size = static_cast<uint64_t>(st.st_size);
  FileHeader& h = opened->header;
  h = FileHeader{};
  const ssize_t got = ::pread(opened->file.fd, &h, sizeof h, 0);
  if (got < 0) FailErrno(path, "read");
  if (static_cast<size_t>(got) < sizeof kMagic || std::memcmp(h.magic, kMagic, sizeof kMagic)) {
    Fail(path, "not a cost graph file (bad magic)");
  }
  if (static_cast<size_t>(got) < sizeof h) {
    Fail(path, "truncated: file has " + std::to_string(opened->size) + " bytes, less than the " +
                   std::to_string(sizeof h) + "-byte header");
  }
  CheckHeader(h, opened->size, path);
}

GraphFileInfo InfoFrom(const FileHeader& h, std::string metadata) {
  GraphFileInfo info;
  info.version = h.version;
  info.num_vertices = h.num_vertices;
  info.num_edges = h.num_edges;
  info.symmetric = (h.flags & kFlagSymmetric) != 0;
  info.checksum = h.checksum;
  info.file_bytes = h.file_bytes;
  info.has_hilbert = h.sections[kHilbertSrc].bytes != 0;
  info.hilbert_compressed_bytes = h.sections[kHilbertCompressed].bytes;
  info.metadata = std::move(metadata);
  return info;
}

// The cheap structural checks that keep Neighbors() inside the targets array of a file whose
// checksum was not verified: the ends of each offsets array. (The checksum guards the rest.)
void CheckOffsetEnds(const Csr& csr, const char* which, const std::string& path) {
  const uint64_t first = csr.offsets.front(), last = csr.offsets.back();
  if (first != 0 || last != csr.num_edges()) {
    Fail(path, std::string(which) + " offsets run from " + std::to_string(first) + " to " +
                   std::to_string(last) + ", expected 0 to " + std::to_string(csr.num_edges()));
  }
}

// Ids beyond n in an array of vertex ids: kernels index by them unchecked.
void CheckVertexIds(std::span<const VertexId> ids, uint64_t n, const char* which,
                    const std::string& path) {
  const auto bad = std::find_if(ids.begin(), ids.end(), [n](VertexId v) { return v >= n; });
  if (bad != ids.end()) {
    Fail(path, std::string(which) + ": entry " + std::to_string(bad - ids.begin()) +
                   " names vertex " + std::to_string(*bad) + ", beyond the " + std::to_string(n) +
                   " vertices");
  }
}

// Everything kernels rely on without bounds checks: offsets never decrease and every vertex id,
// in every layout, is below n. Run beside the checksum (both read every byte): a file can match
// its checksum and still be inconsistent, when another tool wrote it or it was crafted.
void CheckStructure(const Graph& g, const std::string& path) {
  const uint64_t n = g.num_vertices();
  for (const auto& [csr, which] : {std::pair{&g.out, "out"}, std::pair{&g.in, "in"}}) {
    for (uint64_t v = 0; v < n; ++v) {
      if (csr->offsets[v] > csr->offsets[v + 1]) {
        Fail(path, std::string(which) + " offsets decrease after vertex " + std::to_string(v));
      }
    }
    CheckVertexIds(csr->targets, n, csr == &g.out ? "out targets" : "in sources", path);
  }
  CheckVertexIds(g.hilbert_src, n, "hilbert src", path);
  CheckVertexIds(g.hilbert_dst, n, "hilbert dst", path);
  if (g.hilbert_compressed.empty()) return;
  uint64_t beyond = 0;
  try {
    const uint64_t arcs = ForEachCompressedEdge(g.hilbert_compressed, [&](VertexId u, VertexId v) {
      beyond += (u >= n) | (v >= n);
    });
    if (arcs != g.num_edges()) {
      Fail(path, "hilbert compressed stream holds " + std::to_string(arcs) + " arcs, expected " +
                     std::to_string(g.num_edges()));
    }
  } catch (const DatasetError& e) {
    if (std::string_view(e.what()).starts_with(path)) throw;
    Fail(path, std::string("hilbert compressed stream: ") + e.what());
  }
  if (beyond != 0) {
    Fail(path, "hilbert compressed stream: " + std::to_string(beyond) +
                   " arcs name vertices beyond the " + std::to_string(n) + " vertices");
  }
}

template <typename T>
std::span<const T> SectionSpan(const char* base, const Section& s) {
  return {reinterpret_cast<const T*>(base + s.offset), s.bytes / sizeof(T)};
}

}  // namespace

void WriteGraphFile(const Graph& graph, const std::string& metadata_json, const std::string& path) {
  const SectionData data[kNumSections] = {
      {graph.out.offsets.data(), graph.out.offsets.size_bytes()},
      {graph.out.targets.data(), graph.out.targets.size_bytes()},
      {graph.in.offsets.data(), graph.in.offsets.size_bytes()},
      {graph.in.targets.data(), graph.in.targets.size_bytes()},
      {graph.original_ids.data(), graph.original_ids.size_bytes()},
      {metadata_json.data(), metadata_json.size()},
      {graph.hilbert_src.data(), graph.hilbert_src.size_bytes()},
      {graph.hilbert_dst.data(), graph.hilbert_dst.size_bytes()},
      {graph.hilbert_compressed.data(), graph.hilbert_compressed.size_bytes()}};
  const uint64_t n = graph.num_vertices(), m = graph.num_edges();
  if (graph.out.offsets.size() != n + 1 || graph.in.offsets.size() != n + 1 ||
      graph.in.targets.size() != m || graph.original_ids.size() != n ||
      graph.hilbert_src.size() != graph.hilbert_dst.size() ||
      (!graph.hilbert_src.empty() && graph.hilbert_src.size() != m)) {
    Fail(path, "cannot write a graph whose arrays disagree on its vertex and edge counts");
  }
  FileHeader header = PlanHeader(graph, data);

  OutputFile file(path, Gzip::kNever);
  header.checksum = WriteBody(file, header, data);
  file.WriteAt(0, std::string_view(reinterpret_cast<const char*>(&header), sizeof header));
  file.Commit();
}

GraphFileInfo ReadGraphFileInfo(const std::string& path) {
  OpenedFile opened;
  OpenAndCheck(path, &opened);
  const Section& meta = opened.header.sections[kMetadata];
  std::string metadata(meta.bytes, '\0');
  if (::pread(opened.file.fd, metadata.data(), meta.bytes, meta.offset) !=
      static_cast<ssize_t>(meta.bytes)) {
    FailErrno(path, "read metadata");
  }
  return InfoFrom(opened.header, std::move(metadata));
}

GraphFileSections ReadGraphFileSections(const std::string& path, GraphFileInfo* info) {
  OpenedFile opened;
  OpenAndCheck(path, &opened);
  const FileHeader& h = opened.header;
  if (info != nullptr) *info = InfoFrom(h, "");
  const auto section = [&](SectionIndex s) {
    return GraphFileSection{h.sections[s].offset, h.sections[s].bytes};
  };
  return {section(kOutOffsets), section(kOutTargets), section(kInOffsets), section(kInSources),
          section(kOriginalIds)};
}

Graph LoadGraphFile(const std::string& path, GraphFileInfo* info, bool verify_checksum) {
  OpenedFile opened;
  OpenAndCheck(path, &opened);
  const FileHeader& h = opened.header;
  const size_t size = opened.size;
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, opened.file.fd, 0);
  if (map == MAP_FAILED) FailErrno(path, "mmap");
  // The mapping outlives the descriptor; the Graph's storage unmaps it.
  std::shared_ptr<const void> storage(
      map, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
  ::madvise(map, size, MADV_WILLNEED);
  ::madvise(map, size, MADV_HUGEPAGE);  // advisory: ignored where unsupported
  const char* base = static_cast<const char*>(map);

  if (verify_checksum) {
    const uint64_t actual = XXH64(base + sizeof(FileHeader), size - sizeof(FileHeader), 0);
    if (actual != h.checksum) {
      Fail(path, "checksum mismatch: header says " + std::to_string(h.checksum) +
                     ", contents give " + std::to_string(actual));
    }
  }
  Graph graph;
  const uint64_t n = h.num_vertices;
  graph.out = {n, SectionSpan<EdgeIndex>(base, h.sections[kOutOffsets]),
               SectionSpan<VertexId>(base, h.sections[kOutTargets])};
  graph.in = {n, SectionSpan<EdgeIndex>(base, h.sections[kInOffsets]),
              SectionSpan<VertexId>(base, h.sections[kInSources])};
  graph.original_ids = SectionSpan<uint64_t>(base, h.sections[kOriginalIds]);
  graph.symmetric = (h.flags & kFlagSymmetric) != 0;
  graph.hilbert_src = SectionSpan<VertexId>(base, h.sections[kHilbertSrc]);
  graph.hilbert_dst = SectionSpan<VertexId>(base, h.sections[kHilbertDst]);
  graph.hilbert_compressed = SectionSpan<uint8_t>(base, h.sections[kHilbertCompressed]);
  CheckOffsetEnds(graph.out, "out", path);
  CheckOffsetEnds(graph.in, "in", path);
  if (verify_checksum) CheckStructure(graph, path);
  graph.storage = std::move(storage);
  if (info != nullptr) {
    const Section& meta = h.sections[kMetadata];
    *info = InfoFrom(h, std::string(base + meta.offset, meta.bytes));
  }
  return graph;
}

}  // namespace cost::datasets
