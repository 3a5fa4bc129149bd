// The tile-run encoding of the compressed Hilbert section; see hilbert_tiles.h.
#include "datasets/hilbert_tiles.h"

#include <algorithm>
#include <utility>

#include "datasets/dataset_error.h"

namespace cost::datasets {

uint64_t TileStreamBoundBytes(uint64_t n, uint64_t m) {
  const uint64_t side = (n + 0xffff) >> 16;  // tiles along each axis
  const uint64_t runs = std::min(m, side * side + m / kTileRunMaxArcs);
  return 4 * m + kTileRunHeaderBytes * runs;
}

TileStreamEncoder::TileStreamEncoder(Sink sink)
    : sink_(std::move(sink)), words_(2 + kTileRunMaxArcs) {}

void TileStreamEncoder::StartRun(uint32_t tile) {
  FlushRun();
  tile_ = tile;
}

void TileStreamEncoder::FlushRun() {
  if (count_ == 0) return;
  words_[0] = tile_;
  words_[1] = static_cast<uint32_t>(count_);
  const uint64_t bytes = 4 * (2 + count_);
  sink_(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(words_.data()), bytes));
  bytes_written_ += bytes;
  count_ = 0;
}

void TileStreamEncoder::Finish() { FlushRun(); }

void ThrowMalformedTileStream(uint64_t byte_offset, const std::string& why) {
  throw DatasetError("compressed Hilbert stream: " + why + " at byte offset " +
                     std::to_string(byte_offset));
}

void ThrowBadTileRun(uint64_t byte_offset, uint32_t count, uint64_t bytes_left) {
  if (count == 0) ThrowMalformedTileStream(byte_offset, "a run of 0 arcs");
  const std::string run = "a run of " + std::to_string(count) + " arcs";
  if (count > kTileRunMaxArcs) {
    ThrowMalformedTileStream(
        byte_offset, run + ", more than the " + std::to_string(kTileRunMaxArcs) + " a run holds");
  }
  ThrowMalformedTileStream(byte_offset, run + " truncated after " + std::to_string(bytes_left / 4));
}

uint64_t WholeTileRuns(std::span<const uint8_t> bytes, uint64_t offset_of_bytes) {
  uint64_t at = 0;
  while (bytes.size() - at >= kTileRunHeaderBytes) {
    const uint32_t count = LoadWord(bytes.data() + at + 4);
    if (count == 0 || count > kTileRunMaxArcs) ThrowBadTileRun(offset_of_bytes + at, count, 0);
    const uint64_t run = kTileRunHeaderBytes + 4 * uint64_t{count};
    if (bytes.size() - at < run) break;
    at += run;
  }
  return at;
}

std::vector<uint64_t> CutAtTileRuns(std::span<const uint8_t> bytes, int parts) {
  std::vector<uint64_t> cuts(static_cast<size_t>(parts) + 1, bytes.size());
  cuts[0] = 0;
  uint64_t at = 0;
  for (int p = 1; p < parts; ++p) {
    const uint64_t target = bytes.size() / static_cast<uint64_t>(parts) * static_cast<uint64_t>(p);
    // Walk run headers to the first boundary at or past the target (bytes hold whole runs).
    while (at < target && bytes.size() - at >= kTileRunHeaderBytes) {
      at += kTileRunHeaderBytes + 4 * uint64_t{LoadWord(bytes.data() + at + 4)};
    }
    cuts[static_cast<size_t>(p)] = std::min<uint64_t>(at, bytes.size());
  }
  return cuts;
}

}  // namespace cost::datasets
