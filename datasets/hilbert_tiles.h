// The compressed Hilbert section's encoding: the arcs in curve order as runs of 16-bit
// coordinate pairs within tiles of the adjacency matrix.
//
// A tile is a 2^16 x 2^16 block of the matrix: the arcs whose sources share their upper 16 bits
// and whose targets share theirs. The curve (hilbert.h) fills each such block before it leaves
// it, so arcs in curve order come tile by tile, and an arc needs only its lower 16 bits of source
// and target, 4 bytes instead of 8. The section is a sequence of runs, little-endian 32-bit words:
//
//   word 0   tile: upper 16 bits of the source << 16 | upper 16 bits of the target
//   word 1   count: arcs in the run, 1..kTileRunMaxArcs
//   words    count arcs: lower 16 bits of the source << 16 | lower 16 bits of the target
//
// A tile holding more than kTileRunMaxArcs arcs is written as several runs, so a run is at most
// kTileRunMaxBytes and a reader's buffer can always hold a whole one. Decoding costs two shifts
// and two ors per arc, with no curve inverse and no variable-length codes to branch on: the
// streaming kernels spend their time on the per-vertex state, as the in-memory array rows do.
#ifndef COST_DATASETS_HILBERT_TILES_H_
#define COST_DATASETS_HILBERT_TILES_H_

#include <cstdint>
#include <cstring>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace cost::datasets {

inline constexpr uint64_t kTileRunMaxArcs = uint64_t{1} << 12;
inline constexpr uint64_t kTileRunHeaderBytes = 8;
inline constexpr uint64_t kTileRunMaxBytes = kTileRunHeaderBytes + 4 * kTileRunMaxArcs;

// The most bytes the section can take for m arcs of a graph of n vertices: 4 per arc, and a
// header per run, at most one run per arc, per tile plus one per kTileRunMaxArcs arcs.
uint64_t TileStreamBoundBytes(uint64_t n, uint64_t m);

// Encodes arcs given in curve order; hands the bytes on in whole runs, in order.
class TileStreamEncoder {
 public:
  using Sink = std::function<void(std::span<const uint8_t>)>;
  explicit TileStreamEncoder(Sink sink);

  void Add(uint32_t src, uint32_t dst) {
    const uint32_t tile = (src & 0xffff0000u) | (dst >> 16);
    if (tile != tile_ || count_ == kTileRunMaxArcs) StartRun(tile);
    words_[2 + count_++] = (src << 16) | (dst & 0xffffu);
  }
  // Writes the last run; call once, after the last Add.
  void Finish();
  uint64_t bytes_written() const { return bytes_written_; }

 private:
  void StartRun(uint32_t tile);
  void FlushRun();

  Sink sink_;
  std::vector<uint32_t> words_;  // the run being built: header, then its arcs
  uint32_t tile_ = 0;
  uint64_t count_ = 0;
  uint64_t bytes_written_ = 0;
};

// Throws DatasetError "compressed Hilbert stream: WHY at byte offset OFFSET".
[[noreturn]] void ThrowMalformedTileStream(uint64_t byte_offset, const std::string& why);
// The same for the run at byte_offset that claims `count` arcs with bytes_left after its header:
// empty, longer than kTileRunMaxArcs, or truncated.
[[noreturn]] void ThrowBadTileRun(uint64_t byte_offset, uint32_t count, uint64_t bytes_left);

inline uint32_t LoadWord(const uint8_t* at) {
  uint32_t word;
  std::memcpy(&word, at, sizeof word);  // no alignment assumed: one load on x86 and ARM
  return word;
}

// The length of the longest prefix of bytes that holds whole runs only: where a reader that
// holds bytes cuts the piece it decodes and carries the rest over. Checks the headers it walks.
uint64_t WholeTileRuns(std::span<const uint8_t> bytes, uint64_t offset_of_bytes = 0);

// Walks bytes, which hold whole runs: run(src_high, dst_high, words, count) for each run, where
// words points at its count arc words. Returns the arcs. Throws (ThrowMalformedTileStream) for a
// count of 0 or above kTileRunMaxArcs, or bytes that end inside a run; offset_of_bytes is where
// bytes start in the section, for the message.
template <typename Run>
uint64_t ForEachTileRun(std::span<const uint8_t> bytes, uint64_t offset_of_bytes, Run run) {
  const uint8_t* data = bytes.data();
  const uint64_t size = bytes.size();
  uint64_t at = 0, arcs = 0;
  while (at < size) {
    if (size - at < kTileRunHeaderBytes) {
      ThrowMalformedTileStream(offset_of_bytes + at, "truncated run header");
    }
    const uint32_t tile = LoadWord(data + at), count = LoadWord(data + at + 4);
    if (count == 0 || count > kTileRunMaxArcs || (size - at - kTileRunHeaderBytes) / 4 < count) {
      ThrowBadTileRun(offset_of_bytes + at, count, size - at - kTileRunHeaderBytes);
    }
    run(tile & 0xffff0000u, tile << 16, data + at + kTileRunHeaderBytes, count);
    at += kTileRunHeaderBytes + 4 * uint64_t{count};
    arcs += count;
  }
  return arcs;
}

// Decodes bytes, which hold whole runs: fn(src, dst) for each arc, in order. Returns the arcs.
// Throws as ForEachTileRun.
template <typename Fn>
uint64_t DecodeTileRuns(std::span<const uint8_t> bytes, Fn fn, uint64_t offset_of_bytes = 0) {
  return ForEachTileRun(
      bytes, offset_of_bytes,
      [&fn](uint32_t src_high, uint32_t dst_high, const uint8_t* word, uint32_t count) {
        for (uint32_t i = 0; i < count; ++i, word += 4) {
          const uint32_t w = LoadWord(word);
          fn(src_high | (w >> 16), dst_high | (w & 0xffffu));
        }
      });
}

// Arcs ahead of the one visited that DecodeTileRunsPrefetched prefetches for: enough misses in
// flight to cover a DRAM access at a few nanoseconds per arc.
inline constexpr uint32_t kTilePrefetchDistance = 64;

// DecodeTileRuns for a kernel whose per-vertex state misses the cache: before fn visits an arc,
// prefetch(src, dst) is called for the arc kTilePrefetchDistance places after it in the same run
// (so the first kTilePrefetchDistance arcs of each run are visited without a prefetch).
template <typename Fn, typename Prefetch>
uint64_t DecodeTileRunsPrefetched(std::span<const uint8_t> bytes, Fn fn, Prefetch prefetch,
                                  uint64_t offset_of_bytes = 0) {
  constexpr uint32_t kAhead = kTilePrefetchDistance;
  return ForEachTileRun(
      bytes, offset_of_bytes,
      [&](uint32_t src_high, uint32_t dst_high, const uint8_t* word, uint32_t count) {
        uint32_t i = 0;
        for (; i + kAhead < count; ++i, word += 4) {
          const uint32_t ahead = LoadWord(word + 4 * kAhead);
          prefetch(src_high | (ahead >> 16), dst_high | (ahead & 0xffffu));
          const uint32_t w = LoadWord(word);
          fn(src_high | (w >> 16), dst_high | (w & 0xffffu));
        }
        for (; i < count; ++i, word += 4) {
          const uint32_t w = LoadWord(word);
          fn(src_high | (w >> 16), dst_high | (w & 0xffffu));
        }
      });
}

// Where share p of bytes (whole runs) starts, p in [0, parts]: run boundaries near p/parts of
// the way; cuts[0] = 0, cuts[parts] = size. For decoding one piece with several threads.
std::vector<uint64_t> CutAtTileRuns(std::span<const uint8_t> bytes, int parts);

}  // namespace cost::datasets

#endif  // COST_DATASETS_HILBERT_TILES_H_
