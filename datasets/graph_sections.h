// The parts of a prepared graph file: the section kinds stored in it, and the four groups of them
// a user chooses (`--sections csr,transpose,hilbert,compressed`). Every file also holds, whatever
// is chosen, the original ids (u64 per vertex), the out-degrees (u32 per vertex: what a kernel
// that streams only the Hilbert arcs needs) and the metadata.
#ifndef COST_DATASETS_GRAPH_SECTIONS_H_
#define COST_DATASETS_GRAPH_SECTIONS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "datasets/hilbert_layout.h"

namespace cost::datasets {

// The groups of sections a prepared file holds (or a caller asks to map).
struct PreparedSections {
  bool csr = true;          // out offsets (u64 x n+1) and out targets (u32 x m)
  bool transpose = true;    // in offsets and in sources; never stored for a symmetric graph,
                            // whose in-CSR is its out-CSR
  bool hilbert = false;     // hilbert src and dst (u32 x m each): the arcs in Hilbert-curve order
  bool compressed = false;  // the arcs in Hilbert order as tile runs (hilbert_tiles.h)

  bool operator==(const PreparedSections&) const = default;
  bool any() const { return csr || transpose || hilbert || compressed; }
};

// "csr,transpose,hilbert,compressed" in any order and any subset (at least one). Throws
// DatasetError naming the unknown word otherwise.
PreparedSections ParsePreparedSections(std::string_view list);
// The canonical spelling: the chosen groups in the order above, comma-separated.
std::string PreparedSectionsName(const PreparedSections& sections);
// What the older `--layout` option asks for: vertex = csr + transpose; hilbert and compressed
// add their group.
PreparedSections SectionsForLayout(EdgeLayout layout);

// The kinds of section a version-2 file's table names. The values are part of the format.
enum class SectionKind : uint32_t {
  kOriginalIds = 1,         // u64 x n
  kOutDegrees = 2,          // u32 x n
  kOutOffsets = 3,          // u64 x (n + 1)
  kOutTargets = 4,          // u32 x m
  kInOffsets = 5,           // u64 x (n + 1)
  kInSources = 6,           // u32 x m
  kHilbertSrc = 7,          // u32 x m
  kHilbertDst = 8,          // u32 x m
  kHilbertVarint = 9,       // retired: the varint-delta stream older versions wrote (refused)
  kMetadata = 10,           // UTF-8 JSON text
  kHilbertCompressed = 11,  // u32 words: runs of arcs within tiles (hilbert_tiles.h)
};
inline constexpr uint32_t kFirstSectionKind = 1;
inline constexpr uint32_t kLastSectionKind = 11;

// "original ids", "out degrees", "out offsets", ... ("unknown" for a value outside the enum).
const char* SectionKindName(SectionKind kind);

// The bytes a section of this kind must have in a graph of n vertices and m arcs; for the
// compressed stream and the metadata, which have no fixed size, 0.
uint64_t ExpectedSectionBytes(SectionKind kind, uint64_t n, uint64_t m);

// What a file stores when `asked` is chosen: a symmetric graph's transpose is its csr, so asking
// for it there stores the csr (once) and no transpose.
PreparedSections StoredSections(PreparedSections asked, bool symmetric);

}  // namespace cost::datasets

#endif  // COST_DATASETS_GRAPH_SECTIONS_H_
