// Per-row memory admission; see row_memory.h.
#include "harness/run/row_memory.h"

#include <algorithm>

#include "datasets/compressed_arc_stream.h"
#include "harness/core/format.h"
#include "harness/machine/memory_admission.h"

namespace cost::harness {
namespace {

using datasets::SectionKind;

std::string BytesAndGiB(uint64_t bytes) {
  return std::to_string(bytes) + " bytes (" + FormatGiB(static_cast<double>(bytes), 2) + ")";
}

// The section kinds a mapped row reads while timed: those of the groups it declares
// (Implementation::requires_sections), as `cost run` maps them.
std::vector<SectionKind> MappedKindsOf(const Implementation& impl) {
  const datasets::PreparedSections& groups = impl.requires_sections;
  std::vector<SectionKind> kinds;
  if (groups.csr) kinds.insert(kinds.end(), {SectionKind::kOutOffsets, SectionKind::kOutTargets});
  if (groups.transpose) {
    kinds.insert(kinds.end(), {SectionKind::kInOffsets, SectionKind::kInSources});
  }
  if (groups.hilbert) {
    kinds.insert(kinds.end(), {SectionKind::kHilbertSrc, SectionKind::kHilbertDst});
  }
  if (groups.compressed) kinds.push_back(SectionKind::kHilbertCompressed);
  return kinds;
}

// Bytes per vertex of a mapped row's own arrays, by kernel; and of validation's, after the
// timed calls (PageRank: the output, the reference's rank and sums; WCC: the output, the
// reference's labels and queue, both widened to 64 bits for the comparison; BFS: the output and
// the proof's marks).
uint64_t KernelBytesPerVertex(Kernel kernel) { return kernel == Kernel::kWcc ? 8 : 16; }
uint64_t ValidationBytesPerVertex(Kernel kernel) {
  switch (kernel) {
    case Kernel::kPageRank:
      return 24;
    case Kernel::kWcc:
      return 28;
    case Kernel::kBfs:
      return 16;
  }
  return 24;
}

}  // namespace

uint64_t RowMemory::total() const {
  return section_bytes + std::max(vertex_bytes + buffer_bytes, validation_bytes);
}

std::vector<datasets::GraphFileSectionInfo> FileSectionsReadBy(
    const Implementation& impl, const datasets::GraphFileInfo& info) {
  const std::vector<SectionKind> kinds =
      impl.streams.from_file
          ? std::vector<SectionKind>{SectionKind::kOutDegrees, SectionKind::kHilbertCompressed}
          : MappedKindsOf(impl);
  std::vector<datasets::GraphFileSectionInfo> sections;
  for (const datasets::GraphFileSectionInfo& s : info.sections) {
    if (std::find(kinds.begin(), kinds.end(), s.kind) == kinds.end()) continue;
    const bool seen = std::any_of(sections.begin(), sections.end(), [&](const auto& other) {
      return other.offset == s.offset && other.bytes == s.bytes;  // a symmetric file's aliases
    });
    if (!seen) sections.push_back(s);
  }
  return sections;
}

RowMemory MemoryNeededBy(const Implementation& impl, const datasets::GraphFileInfo& info,
                         const RunParams& params, bool validate) {
  const uint64_t n = info.num_vertices;
  RowMemory need;
  if (impl.streams.from_file) {
    need.vertex_bytes =
        n * (impl.streams.vertex_bytes + uint64_t{impl.streams.thread_vertex_bytes} *
                                             static_cast<uint64_t>(std::max(1, params.threads)));
    // A disk row reads ahead into a ring of pieces (read_ahead.h); a RAM row needs one buffer.
    // Either is charged the larger, which the storage mode does not change by much.
    const datasets::GraphFileSectionInfo* stream = info.Find(SectionKind::kHilbertCompressed);
    need.buffer_bytes =
        datasets::ArcStreamBufferBytes(impl.streams.buffer_bytes, stream ? stream->bytes : 0);
  } else {
    for (const datasets::GraphFileSectionInfo& s : FileSectionsReadBy(impl, info)) {
      need.section_bytes += s.bytes;
    }
    if (info.version < 2) need.section_bytes = info.file_bytes;  // mapped whole
    need.vertex_bytes = n * KernelBytesPerVertex(impl.kernel);
  }
  if (validate) need.validation_bytes = n * ValidationBytesPerVertex(impl.kernel);
  return need;
}

void RequireMemoryForRow(const std::string& path, const Implementation& impl,
                         const RowMemory& need) {
  const std::optional<uint64_t> available = AvailableMemoryBytes();
  if (!available || need.total() <= *available) return;
  throw NotEnoughMemoryError(
      path + ": " + std::string(impl.name) + " needs " + BytesAndGiB(need.total()) +
      " in memory (sections it maps " + std::to_string(need.section_bytes) +
      ", per-vertex arrays " + std::to_string(need.vertex_bytes) + ", buffers " +
      std::to_string(need.buffer_bytes) + ", validation " + std::to_string(need.validation_bytes) +
      "), only " + BytesAndGiB(*available) + " are available (MemAvailable)");
}

}  // namespace cost::harness
