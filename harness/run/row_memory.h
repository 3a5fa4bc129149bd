// What a row of the implementation table needs in memory on a prepared file, for its admission:
// the sections it must hold resident (those its kernel reads through the mapping; none for a row
// that streams its edges from the file), its per-vertex arrays (all threads), its read buffers,
// and what validation allocates after the timed calls (the output kept, the reference). A row
// is refused before anything is mapped when that exceeds the available memory, so a streaming
// row is admitted on a file larger than memory while a mapped row is charged what it maps.
#ifndef COST_HARNESS_RUN_ROW_MEMORY_H_
#define COST_HARNESS_RUN_ROW_MEMORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "datasets/graph_file.h"
#include "datasets/graph_sections.h"
#include "harness/run/implementations.h"

namespace cost::harness {

struct RowMemory {
  uint64_t section_bytes = 0;     // sections read through the mapping: resident while timed
  uint64_t vertex_bytes = 0;      // the kernel's per-vertex arrays
  uint64_t buffer_bytes = 0;      // read buffers
  uint64_t validation_bytes = 0;  // after the timed calls: the output and the reference's arrays

  // The peak: the sections stay mapped throughout; the kernel's arrays are freed before the
  // reference allocates its own.
  uint64_t total() const;
};

// The sections the row's kernel reads from the file, in file order: for a streaming row the
// out-degrees and the compressed stream (read with pread, not held); for a mapped row those of
// the groups it declares (Implementation::requires_sections: the CSR and transpose; the Hilbert
// arrays or stream, plus the out-CSR for PageRank). A section the file lacks is left out.
std::vector<datasets::GraphFileSectionInfo> FileSectionsReadBy(const Implementation& impl,
                                                               const datasets::GraphFileInfo& info);

// What `impl` needs on the file `info` describes with `params` (threads). Rows that map their
// sections are charged the kernel's arrays by kernel (PageRank 16, WCC 8, BFS 16 bytes a vertex),
// streaming rows what they declare (Implementation::streams).
RowMemory MemoryNeededBy(const Implementation& impl, const datasets::GraphFileInfo& info,
                         const RunParams& params, bool validate);

// Throws NotEnoughMemoryError("PATH: ROW needs N bytes (X GiB) in memory (sections it maps A,
// per-vertex arrays B, buffers C, validation D), only M bytes (Y GiB) are available
// (MemAvailable)") when `need` exceeds the available memory; nothing when that is unknown.
void RequireMemoryForRow(const std::string& path, const Implementation& impl,
                         const RowMemory& need);

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_ROW_MEMORY_H_
