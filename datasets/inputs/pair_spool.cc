// The spool of a pipe's pairs; see pair_spool.h.
#include "datasets/inputs/pair_spool.h"

#include <algorithm>
#include <string>

#include "datasets/dataset_error.h"
#include "datasets/external/disk_space.h"

namespace cost::datasets {
namespace {

// Free space is checked every this many spilled bytes.
constexpr uint64_t kCheckEveryBytes = uint64_t{256} << 20;

}  // namespace

PairSpool::PairSpool(TempFolder* temp, uint64_t memory_bytes,
                     std::optional<uint64_t> fake_free_disk)
    : temp_(temp), memory_limit_(memory_bytes), fake_free_disk_(fake_free_disk) {}

void PairSpool::MoveToFile() {
  file_ = std::make_unique<SpillFile>(temp_->NewFilePath("pairs"));
  file_->Write(memory_.data(), memory_.size() * sizeof(RawPair));
  memory_ = {};
}

// The runs of the second pass need about as much again as the spool: keep that much free.
void PairSpool::CheckDisk() const {
  const uint64_t free = FreeDiskBytes(temp_->path(), fake_free_disk_);
  if (free < file_->bytes()) {
    throw DatasetError(temp_->parent() + ": needs " + std::to_string(2 * file_->bytes()) +
                       " bytes on its filesystem (a pipe's pairs kept for the second pass, and "
                       "the sorted runs after them), " +
                       std::to_string(free + file_->bytes()) + " free");
  }
}

void PairSpool::Add(std::span<const RawPair> pairs) {
  if (!file_ && (memory_.size() + pairs.size()) * sizeof(RawPair) > memory_limit_) MoveToFile();
  if (!file_) {
    memory_.insert(memory_.end(), pairs.begin(), pairs.end());
    return;
  }
  file_->Write(pairs.data(), pairs.size_bytes());
  if (file_->bytes() - checked_at_ >= kCheckEveryBytes) {
    checked_at_ = file_->bytes();
    CheckDisk();
  }
}

void PairSpool::Replay(uint64_t chunk_pairs, const PairChunkFn& fn) {
  if (!file_) {
    for (uint64_t at = 0; at < memory_.size(); at += chunk_pairs) {
      fn(std::span<const RawPair>(memory_).subspan(at, std::min(chunk_pairs, memory_.size() - at)));
    }
    return;
  }
  file_->Finish();
  std::vector<RawPair> chunk(chunk_pairs);
  const uint64_t total = file_->bytes() / sizeof(RawPair);
  for (uint64_t at = 0; at < total; at += chunk_pairs) {
    const uint64_t count = std::min(chunk_pairs, total - at);
    file_->Read(at * sizeof(RawPair), chunk.data(), count * sizeof(RawPair));
    fn(std::span<const RawPair>(chunk.data(), count));
  }
}

}  // namespace cost::datasets
