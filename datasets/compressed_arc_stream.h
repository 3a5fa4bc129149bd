// The compressed Hilbert arcs (hilbert_layout.h) read in passes from a prepared file, for kernels
// that keep only their per-vertex state in memory and stream the edges from storage on every
// pass (the COST paper's "SSD" rows). A pass preads the section sequentially into one reused
// buffer and hands it on in pieces that hold whole tile runs only (hilbert_tiles.h), so a
// decoder needs no state from the piece before and several threads can share a piece.
//
// Why pread into a buffer rather than mmap + MADV_SEQUENTIAL: the bytes a pass reads are counted
// exactly (bytes_read = section bytes x passes), the pages behind the reader can be dropped from
// the page cache as it goes (drop_behind: every pass then reads the device, as a graph larger than
// memory would), the process's resident set stays one buffer whatever the section's size, and
// there are no page faults or page-table entries for gigabytes that are read once per pass. The
// kernel's readahead still sees a sequential reader and overlaps the reads with the decoding.
//
// Without a path the stream reads the graph's own in-memory section through the same buffer and
// the same cuts (what the kernel tests and the conformance suites run).
#ifndef COST_DATASETS_COMPRESSED_ARC_STREAM_H_
#define COST_DATASETS_COMPRESSED_ARC_STREAM_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "datasets/dataset_error.h"
#include "datasets/graph.h"
#include "datasets/graph_file.h"
#include "datasets/hilbert_layout.h"
#include "datasets/hilbert_tiles.h"
#include "datasets/posix_io.h"
#include "datasets/read_ahead.h"

namespace cost::datasets {

struct ArcStreamOptions {
  std::string path;          // a prepared file with the compressed section; empty: the graph's
  bool drop_behind = false;  // POSIX_FADV_DONTNEED each piece's pages once it has been read
  // With a path: read on a second thread, ahead of the decoding, with O_DIRECT where the file
  // system allows it (read_ahead.h). The disk rows set it; the pages never enter the page cache.
  bool read_ahead = false;
  uint64_t buffer_bytes = uint64_t{4} << 20;  // raised to kTileRunMaxBytes, the longest run
};

// What a stream read: bytes of the edge section and of the out-degrees, and the passes made.
struct ArcStreamCounters {
  uint64_t bytes_read = 0;
  uint64_t passes = 0;
};

class CompressedArcStream {
 public:
  // From options.path (its header and table checked; the sections are not verified here: a
  // measurement verifies them once, before timing) or, without a path, from `graph`, which must
  // then carry the compressed layout (std::invalid_argument otherwise, as RequireEdgeLayout).
  // Throws DatasetError when the file cannot be read or lacks the compressed section.
  CompressedArcStream(const Graph& graph, const ArcStreamOptions& options);

  uint64_t num_vertices() const { return num_vertices_; }
  uint64_t num_arcs() const { return num_arcs_; }
  uint64_t stream_bytes() const { return stream_bytes_; }
  const std::string& path() const { return options_.path; }  // empty: read from memory
  const ArcStreamCounters& counters() const { return counters_; }

  // Fills out (num_vertices entries) with the out-degrees: the file's section, or the graph's.
  void ReadOutDegrees(std::span<uint32_t> out);

  // One pass: visit(bytes) for consecutive pieces of the stream, in order, each ending where a
  // run ends (only the last piece of a damaged stream may end inside one: DecodeArcs throws).
  template <typename Visit>
  void Pass(Visit visit);

 private:
  void Fill(uint64_t at, uint8_t* out, uint64_t bytes);  // stream bytes [at, at + bytes)
  void DropBehind(uint64_t end);                         // drop file pages before stream byte end
  // A pass, as Pass drives it: NextPiece sets *piece to the next whole runs (false at the end),
  // reading them into buffer_, or taking them from the reader thread with the unfinished run
  // before them copied into the slack in front. The one call of visit stays in Pass.
  void BeginPass();
  bool NextPiece(std::span<const uint8_t>* piece);
  void EndPass();
  void AbandonPass();  // a visit threw: stop the reader
  // The length of the prefix of bytes that holds whole runs; piece_offset is the stream offset
  // of bytes[0], for messages.
  static uint64_t WholeRuns(std::span<const uint8_t> bytes, uint64_t piece_offset);
  // A malformed piece found while decoding: the error again with the file's path in front (the
  // decoders know only byte offsets), or as it was for a stream read from memory.
  [[noreturn]] void RethrowNamingFile(const DatasetError& e) const;

  const Graph* graph_;
  ArcStreamOptions options_;
  std::optional<GraphFileReader> reader_;  // for the out-degrees
  UniqueFd fd_;                            // the file, for the stream's reads and fadvise
  uint64_t section_offset_ = 0;            // of the compressed section in the file
  uint64_t num_vertices_ = 0, num_arcs_ = 0, stream_bytes_ = 0;
  uint64_t dropped_until_ = 0;   // file offset below which drop_behind has dropped the pages
  std::vector<uint8_t> buffer_;  // the synchronous passes'
  std::unique_ptr<ReadAhead> read_ahead_;  // with options.read_ahead and a path
  // The pass under way: stream bytes read so far, and the unfinished run after the last piece.
  uint64_t at_ = 0, carried_ = 0;
  const uint8_t* carry_ = nullptr;
  bool holding_ = false;  // a piece taken from read_ahead_ and not yet released
  ArcStreamCounters counters_;
};

// The most memory a stream of stream_bytes with this buffer_bytes holds in buffers, read ahead
// or not.
uint64_t ArcStreamBufferBytes(uint64_t buffer_bytes, uint64_t stream_bytes);

// Throws DatasetError unless `decoded` (the arcs a pass decoded) equals the stream's arc count.
void CheckArcCount(const CompressedArcStream& stream, uint64_t decoded);

// Decodes one piece of a pass (whole runs): fn(src, dst) for each arc. Returns the arcs decoded.
// Throws DatasetError for a malformed piece (DecodeTileRuns).
template <typename Fn>
uint64_t DecodeArcs(std::span<const uint8_t> bytes, Fn fn) {
  return DecodeTileRuns(bytes, fn);
}

// The same, with prefetch(src, dst) for arcs ahead (DecodeTileRunsPrefetched).
template <typename Fn, typename Prefetch>
uint64_t DecodeArcsPrefetched(std::span<const uint8_t> bytes, Fn fn, Prefetch prefetch) {
  return DecodeTileRunsPrefetched(bytes, fn, prefetch);
}

template <typename Visit>
void CompressedArcStream::Pass(Visit visit) {
  BeginPass();
  try {
    std::span<const uint8_t> piece;
    while (NextPiece(&piece)) {
      try {
        visit(piece);  // decoding throws for bad runs
      } catch (const DatasetError& e) {
        RethrowNamingFile(e);
      }
    }
  } catch (...) {
    AbandonPass();
    throw;
  }
  EndPass();
}

}  // namespace cost::datasets

#endif  // COST_DATASETS_COMPRESSED_ARC_STREAM_H_
