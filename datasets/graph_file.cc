// Writing, loading and inspecting prepared files; see graph_file.h for the format and
// graph_file_header.cc for the checks of the header and table.
#include "datasets/graph_file.h"

#include <xxhash.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "datasets/dataset_error.h"
#include "datasets/file_mapping.h"
#include "datasets/graph_file_checks.h"
#include "datasets/graph_file_header.h"
#include "datasets/graph_file_writer.h"

namespace cost::datasets {
namespace {

// ---------------------------------------------------------------------------------------------
// Writing

PreparedSections GroupsOf(const Graph& g) {
  return {.csr = true,
          .transpose = !g.symmetric,
          .hilbert = !g.hilbert_src.empty(),
          .compressed = !g.hilbert_compressed.empty()};
}

void CheckWritable(const Graph& g, const PreparedSections& s, const std::string& path) {
  const uint64_t n = g.num_vertices(), m = g.num_edges();
  const bool counts_agree = g.out.offsets.size() == n + 1 &&
                            (g.original_ids.empty() || g.original_ids.size() == n) &&
                            (g.symmetric || !s.transpose || g.in.targets.size() == m) &&
                            g.hilbert_src.size() == g.hilbert_dst.size();
  if (!counts_agree) {
    FailGraphFile(path, "cannot write a graph whose arrays disagree on its vertex and edge counts");
  }
  const bool groups_present = (!s.transpose || g.symmetric || g.in.offsets.size() == n + 1) &&
                              (!s.hilbert || g.hilbert_src.size() == m) &&
                              (!s.compressed || m == 0 || !g.hilbert_compressed.empty());
  if (!groups_present) {
    FailGraphFile(path, "cannot write sections " + PreparedSectionsName(s) +
                            ": the graph lacks some of them");
  }
}

template <typename T>
void WriteReserved(GraphFileWriter* writer, SectionKind kind, std::span<const T> values) {
  SectionStream stream = writer->Open(kind);
  stream.Write(values);
  stream.Close();
}

// ---------------------------------------------------------------------------------------------
// Loading

// What a loaded Graph's spans point into.
struct LoadedStorage {
  std::vector<std::shared_ptr<const void>> mappings;
  std::vector<uint32_t> degrees;  // a version-1 file's out-degrees, computed from its offsets
};

// Maps the sections of one open file and, with verify, checks each one's XXH64 (version 2) as
// it is mapped.
class SectionMapper {
 public:
  SectionMapper(const OpenedGraphFile& file, bool verify, const std::string& path,
                LoadedStorage* storage)
      : file_(file), verify_(verify), path_(path), storage_(storage) {}

  // The section as an array of T; empty when not wanted or absent.
  template <typename T>
  std::span<const T> Map(SectionKind kind, bool wanted = true) {
    const GraphFileSectionInfo* s = file_.info.Find(kind);
    if (!wanted || s == nullptr) return {};
    const MappedRange range = MapFileRange(file_.fd.get(), path_, s->offset, s->bytes);
    storage_->mappings.push_back(range.mapping);
    if (verify_) {
      const uint64_t actual = XXH64(range.data, s->bytes, 0);
      if (actual != s->checksum) {
        FailGraphFile(path_, std::string("section '") + s->name() +
                                 "' checksum mismatch: table says " + std::to_string(s->checksum) +
                                 ", contents give " + std::to_string(actual));
      }
    }
    return {static_cast<const T*>(range.data), s->bytes / sizeof(T)};
  }

 private:
  const OpenedGraphFile& file_;
  bool verify_;
  const std::string& path_;
  LoadedStorage* storage_;
};

// The groups to map: those asked for; a symmetric graph's transpose is its csr.
PreparedSections GroupsToMap(const GraphFileInfo& info, PreparedSections wanted,
                             const std::string& path) {
  if (info.symmetric && wanted.transpose) wanted.csr = true;
  const PreparedSections& has = info.prepared;
  const std::pair<bool, const char*> missing[] = {
      {wanted.csr && !has.csr, "csr"},
      {wanted.transpose && !has.transpose, "transpose"},
      {wanted.hilbert && !has.hilbert, "hilbert"},
      {wanted.compressed && !has.compressed, "compressed"}};
  for (const auto& [absent, name] : missing) {
    if (!absent) continue;
    FailGraphFile(path, std::string("has no '") + name + "' section (it holds " +
                            PreparedSectionsName(has) + "); prepare it with --sections " +
                            PreparedSectionsName(wanted));
  }
  return wanted;
}

Graph MapVersion2(const OpenedGraphFile& file, const PreparedSections& groups, bool verify,
                  const std::string& path, LoadedStorage* storage) {
  const uint64_t n = file.info.num_vertices;
  SectionMapper mapper(file, verify, path, storage);
  Graph g;
  g.original_ids = mapper.Map<uint64_t>(SectionKind::kOriginalIds);
  g.out_degrees = mapper.Map<uint32_t>(SectionKind::kOutDegrees);
  g.out = {n, mapper.Map<EdgeIndex>(SectionKind::kOutOffsets, groups.csr),
           mapper.Map<VertexId>(SectionKind::kOutTargets, groups.csr)};
  g.in = g.out;  // a symmetric graph's transpose
  if (!file.info.symmetric) {
    g.in = {n, mapper.Map<EdgeIndex>(SectionKind::kInOffsets, groups.transpose),
            mapper.Map<VertexId>(SectionKind::kInSources, groups.transpose)};
  }
  g.hilbert_src = mapper.Map<VertexId>(SectionKind::kHilbertSrc, groups.hilbert);
  g.hilbert_dst = mapper.Map<VertexId>(SectionKind::kHilbertDst, groups.hilbert);
  g.hilbert_compressed = mapper.Map<uint8_t>(SectionKind::kHilbertCompressed, groups.compressed);
  return g;
}

// Spans into a version-1 file mapped whole.
template <typename T>
std::span<const T> Version1Span(const GraphFileInfo& info, const char* base, SectionKind kind) {
  const GraphFileSectionInfo* s = info.Find(kind);
  if (s == nullptr) return {};
  return {reinterpret_cast<const T*>(base + s->offset), s->bytes / sizeof(T)};
}

// A version-1 file, mapped whole and verified as a whole (its one checksum covers everything).
Graph MapVersion1(const OpenedGraphFile& file, bool verify, const std::string& path,
                  LoadedStorage* storage) {
  const MappedRange whole = MapFileRange(file.fd.get(), path, 0, file.size);
  storage->mappings.push_back(whole.mapping);
  const char* base = static_cast<const char*>(whole.data);
  constexpr uint64_t kVersion1HeaderBytes = 192;
  if (verify) {
    const uint64_t actual = XXH64(base + kVersion1HeaderBytes, file.size - kVersion1HeaderBytes, 0);
    if (actual != file.info.checksum) {
      FailGraphFile(path, "checksum mismatch: header says " + std::to_string(file.info.checksum) +
                              ", contents give " + std::to_string(actual));
    }
  }
  const GraphFileInfo& info = file.info;
  const uint64_t n = info.num_vertices;
  Graph g;
  g.original_ids = Version1Span<uint64_t>(info, base, SectionKind::kOriginalIds);
  g.out = {n, Version1Span<EdgeIndex>(info, base, SectionKind::kOutOffsets),
           Version1Span<VertexId>(info, base, SectionKind::kOutTargets)};
  g.in = {n, Version1Span<EdgeIndex>(info, base, SectionKind::kInOffsets),
          Version1Span<VertexId>(info, base, SectionKind::kInSources)};
  g.hilbert_src = Version1Span<VertexId>(info, base, SectionKind::kHilbertSrc);
  g.hilbert_dst = Version1Span<VertexId>(info, base, SectionKind::kHilbertDst);
  CheckOffsetEnds(g, path);  // before the degrees are computed from the offsets
  storage->degrees.resize(n);
  for (uint64_t v = 0; v < n; ++v) {
    storage->degrees[v] = static_cast<uint32_t>(g.out.offsets[v + 1] - g.out.offsets[v]);
  }
  g.out_degrees = storage->degrees;
  return g;
}

}  // namespace

void WriteGraphFile(const Graph& graph, const std::string& metadata_json, const std::string& path) {
  WriteGraphFile(graph, GroupsOf(graph), metadata_json, path);
}

void WriteGraphFile(const Graph& g, const PreparedSections& sections,
                    const std::string& metadata_json, const std::string& path) {
  CheckWritable(g, sections, path);
  const uint64_t n = g.num_vertices();
  GraphFileWriter writer(path, n, g.symmetric);
  const std::pair<SectionKind, bool> fixed[] = {
      {SectionKind::kOriginalIds, true},
      {SectionKind::kOutDegrees, true},
      {SectionKind::kOutOffsets, sections.csr},
      {SectionKind::kOutTargets, sections.csr},
      {SectionKind::kInOffsets, sections.transpose && !g.symmetric},
      {SectionKind::kInSources, sections.transpose && !g.symmetric},
      {SectionKind::kHilbertSrc, sections.hilbert},
      {SectionKind::kHilbertDst, sections.hilbert}};
  for (const auto& [kind, wanted] : fixed) {
    if (wanted) writer.Reserve(kind, ExpectedSectionBytes(kind, n, g.num_edges()));
  }
  SectionStream ids = writer.Open(SectionKind::kOriginalIds);
  g.original_ids.empty() ? WriteIdentityIds(n, &ids) : ids.Write(g.original_ids);
  ids.Close();
  SectionStream degrees = writer.Open(SectionKind::kOutDegrees);
  g.out_degrees.empty() ? WriteDegreesFromOffsets(g.out.offsets, &degrees)
                        : degrees.Write(g.out_degrees);
  degrees.Close();
  if (sections.csr) {
    WriteReserved(&writer, SectionKind::kOutOffsets, g.out.offsets);
    WriteReserved(&writer, SectionKind::kOutTargets, g.out.targets);
  }
  if (sections.transpose && !g.symmetric) {
    WriteReserved(&writer, SectionKind::kInOffsets, g.in.offsets);
    WriteReserved(&writer, SectionKind::kInSources, g.in.targets);
  }
  if (sections.hilbert) {
    WriteReserved(&writer, SectionKind::kHilbertSrc, g.hilbert_src);
    WriteReserved(&writer, SectionKind::kHilbertDst, g.hilbert_dst);
  }
  if (sections.compressed) {
    SectionStream stream = writer.Append(SectionKind::kHilbertCompressed);
    stream.Write(g.hilbert_compressed);
    stream.Close();
  }
  SectionStream meta = writer.Append(SectionKind::kMetadata);
  meta.Write(metadata_json.data(), metadata_json.size());
  meta.Close();
  writer.Commit(g.num_edges());
}

GraphFileInfo ReadGraphFileInfo(const std::string& path) {
  OpenedGraphFile file = OpenGraphFile(path);
  file.info.metadata = ReadMetadata(file, path);
  return std::move(file.info);
}

uint64_t MappedSectionBytes(const GraphFileInfo& info, const PreparedSections& sections) {
  if (info.version < 2) return info.file_bytes;
  const PreparedSections groups = StoredSections(sections, info.symmetric);
  const std::pair<SectionKind, bool> kinds[] = {
      {SectionKind::kOriginalIds, true},
      {SectionKind::kOutDegrees, true},
      {SectionKind::kOutOffsets, groups.csr},
      {SectionKind::kOutTargets, groups.csr},
      {SectionKind::kInOffsets, groups.transpose},
      {SectionKind::kInSources, groups.transpose},
      {SectionKind::kHilbertSrc, groups.hilbert},
      {SectionKind::kHilbertDst, groups.hilbert},
      {SectionKind::kHilbertCompressed, groups.compressed}};
  uint64_t bytes = 0;
  for (const auto& [kind, wanted] : kinds) {
    const GraphFileSectionInfo* s = info.Find(kind);
    if (wanted && s != nullptr) bytes += s->bytes;
  }
  return bytes;
}

GraphFileSections ReadGraphFileSections(const std::string& path, GraphFileInfo* info) {
  OpenedGraphFile file = OpenGraphFile(path);
  const auto section = [&](SectionKind kind, SectionKind symmetric_kind) {
    const GraphFileSectionInfo* s =
        file.info.Find(file.info.symmetric && file.info.version >= 2 ? symmetric_kind : kind);
    return s == nullptr ? GraphFileSection{} : GraphFileSection{s->offset, s->bytes};
  };
  GraphFileSections sections = {section(SectionKind::kOutOffsets, SectionKind::kOutOffsets),
                                section(SectionKind::kOutTargets, SectionKind::kOutTargets),
                                section(SectionKind::kInOffsets, SectionKind::kOutOffsets),
                                section(SectionKind::kInSources, SectionKind::kOutTargets),
                                section(SectionKind::kOriginalIds, SectionKind::kOriginalIds)};
  if (info != nullptr) *info = std::move(file.info);
  return sections;
}

Graph LoadGraphFile(const std::string& path, const PreparedSections& sections, GraphFileInfo* info,
                    bool verify) {
  OpenedGraphFile file = OpenGraphFile(path);
  auto storage = std::make_shared<LoadedStorage>();
  Graph graph;
  if (file.info.version == 1) {
    graph = MapVersion1(file, verify, path, storage.get());
  } else {
    graph = MapVersion2(file, GroupsToMap(file.info, sections, path), verify, path, storage.get());
  }
  graph.symmetric = file.info.symmetric;
  graph.arcs_without_csr = graph.out.targets.empty() ? file.info.num_edges : 0;
  CheckOffsetEnds(graph, path);
  if (verify) CheckGraphStructure(graph, file.info.num_edges, path);
  graph.storage = std::move(storage);
  if (info != nullptr || verify) file.info.metadata = ReadMetadata(file, path);  // checks it
  if (info != nullptr) *info = std::move(file.info);
  return graph;
}

Graph LoadGraphFile(const std::string& path, GraphFileInfo* info, bool verify_checksum) {
  const GraphFileInfo header = OpenGraphFile(path).info;
  return LoadGraphFile(path, header.prepared, info, verify_checksum);
}

GraphFileReader::GraphFileReader(const std::string& path) : path_(path) {
  OpenedGraphFile file = OpenGraphFile(path);
  file.info.metadata = ReadMetadata(file, path);
  info_ = std::move(file.info);
  fd_ = std::move(file.fd);
}

GraphFileReader::~GraphFileReader() = default;

void GraphFileReader::Read(SectionKind kind, uint64_t offset, std::span<uint8_t> out) const {
  const GraphFileSectionInfo* s = info_.Find(kind);
  if (s == nullptr || offset > s->bytes || out.size() > s->bytes - offset) {
    FailGraphFile(path_, std::string("no bytes [") + std::to_string(offset) + ", " +
                             std::to_string(offset + out.size()) + ") in section '" +
                             SectionKindName(kind) + "'");
  }
  PreadExactly(fd_.get(), out.data(), out.size(), s->offset + offset, path_);
}

void GraphFileReader::VerifySection(SectionKind kind, uint64_t chunk_bytes) const {
  const GraphFileSectionInfo* s = info_.Find(kind);
  if (s == nullptr) {
    FailGraphFile(path_, std::string("has no '") + SectionKindName(kind) + "' section");
  }
  // Version 1: one checksum covers every byte after the 192-byte header.
  const uint64_t begin = info_.version >= 2 ? s->offset : 192;
  const uint64_t end = info_.version >= 2 ? s->offset + s->bytes : info_.file_bytes;
  const uint64_t expected = info_.version >= 2 ? s->checksum : info_.checksum;
  std::unique_ptr<XXH64_state_t, XXH_errorcode (*)(XXH64_state_t*)> hash(XXH64_createState(),
                                                                         XXH64_freeState);
  XXH64_reset(hash.get(), 0);
  std::vector<uint8_t> buffer(std::max<uint64_t>(1, std::min(chunk_bytes, end - begin)));
  for (uint64_t at = begin; at < end; at += buffer.size()) {
    const uint64_t take = std::min<uint64_t>(buffer.size(), end - at);
    PreadExactly(fd_.get(), buffer.data(), take, at, path_);
    XXH64_update(hash.get(), buffer.data(), take);
  }
  const uint64_t actual = XXH64_digest(hash.get());
  if (actual != expected) {
    FailGraphFile(path_, (info_.version >= 2 ? std::string("section '") + s->name() + "' " : "") +
                             "checksum mismatch: " + (info_.version >= 2 ? "table" : "header") +
                             " says " + std::to_string(expected) + ", contents give " +
                             std::to_string(actual));
  }
}

}  // namespace cost::datasets
