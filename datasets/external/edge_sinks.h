// Where the builder's merged keys go: into an out- or in-CSR (offsets counted in memory,
// targets streamed out), or into the Hilbert sections (arrays decoded, stream in tile runs:
// hilbert_tiles.h), and the appended sections whose sizes are known only at the end.
#ifndef COST_DATASETS_EXTERNAL_EDGE_SINKS_H_
#define COST_DATASETS_EXTERNAL_EDGE_SINKS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "datasets/external/arc_keys.h"
#include "datasets/external/spill_file.h"
#include "datasets/external/temp_folder.h"
#include "datasets/graph.h"
#include "datasets/graph_file_writer.h"
#include "datasets/hilbert_tiles.h"

namespace cost::datasets {

using U32Writer = std::function<void(std::span<const uint32_t>)>;
using ByteWriter = std::function<void(std::span<const uint8_t>)>;

// Row-major keys (RowKeyCodec) into a CSR: counts per row, columns written out in key order.
class CsrSink {
 public:
  CsrSink(uint64_t num_vertices, RowKeyCodec codec, U32Writer write_columns);
  void Consume(std::span<const uint64_t> keys);
  // The offsets (n + 1 entries), once every key was consumed.
  std::vector<EdgeIndex> TakeOffsets();

 private:
  RowKeyCodec codec_;
  U32Writer write_;
  std::vector<EdgeIndex> offsets_;  // counts of row v in offsets_[v + 1] until TakeOffsets
  std::vector<uint32_t> columns_;
};

// Sorted Hilbert indices into the Hilbert sections; any writer may be empty (not wanted), and
// `degrees`, when not null, counts each arc at its source. Finish() once, after the last keys:
// it writes the stream's last run.
class HilbertSink {
 public:
  HilbertSink(U32Writer write_src, U32Writer write_dst, ByteWriter write_compressed,
              uint32_t* degrees);
  void Consume(std::span<const uint64_t> keys);
  void Finish();
  uint64_t compressed_bytes() const { return encoder_ ? encoder_->bytes_written() : 0; }

 private:
  U32Writer write_src_, write_dst_;
  std::optional<TileStreamEncoder> encoder_;
  uint32_t* degrees_;
  std::vector<uint32_t> src_, dst_;
};

// Sections whose sizes are known only once all of them are written: the first streams into the
// file; the others go to spill files and are copied in after it (the writer holds one appended
// section open at a time).
class AppendedSections {
 public:
  AppendedSections(GraphFileWriter* writer, TempFolder* temp, std::vector<SectionKind> kinds,
                   uint64_t buffer_bytes);
  ~AppendedSections();
  void Write(size_t index, const void* data, uint64_t bytes);
  // Closes the first and appends the others from their spill files.
  void Close();

 private:
  GraphFileWriter* writer_;
  std::vector<SectionKind> kinds_;
  uint64_t buffer_bytes_;
  std::unique_ptr<SectionStream> first_;
  std::vector<std::unique_ptr<SpillFile>> spills_;  // spills_[i - 1] for kinds_[i]
};

}  // namespace cost::datasets

#endif  // COST_DATASETS_EXTERNAL_EDGE_SINKS_H_
