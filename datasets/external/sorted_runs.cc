// Sorted runs and their merge; see sorted_runs.h.
#include "datasets/external/sorted_runs.h"

#include <algorithm>
#include <string>
#include <utility>

#include "datasets/dataset_error.h"
#include "datasets/external/interrupt.h"
#include "datasets/external/radix_sort.h"

namespace cost::datasets {

SortedRunBuilder::SortedRunBuilder(SortedRunSettings settings)
    : settings_(std::move(settings)),
      buffer_(std::max<uint64_t>(1, settings_.buffer_keys)),
      scratch_(std::max<uint64_t>(1, settings_.buffer_keys)) {}

SortedRunBuilder::~SortedRunBuilder() = default;

std::span<uint64_t> SortedRunBuilder::Reserve(uint64_t count) {
  if (count > settings_.buffer_keys) {
    throw DatasetError(settings_.what + ": " + std::to_string(count) +
                       " keys do not fit a sort buffer of " +
                       std::to_string(settings_.buffer_keys));
  }
  if (filled_ + count > settings_.buffer_keys) Spill();
  return {buffer_.data() + filled_, count};
}

void SortedRunBuilder::Commit(uint64_t count) {
  filled_ += count;
  keys_added_ += count;
}

std::span<uint64_t> SortedRunBuilder::SortBuffer() {
  const std::span<uint64_t> sorted =
      RadixSortKeys(buffer_.span().first(filled_), scratch_.span().first(filled_));
  return sorted.first(DedupeSorted(sorted));
}

void SortedRunBuilder::Spill() {
  if (filled_ == 0) return;
  ThrowIfInterrupted(settings_.what);
  const std::span<const uint64_t> keys = SortBuffer();
  SortedRun run{std::make_unique<SpillFile>(settings_.temp->NewFilePath(settings_.stem)),
                keys.size()};
  run.file->Write(keys.data(), keys.size_bytes());
  run.file->Finish();
  const std::string path = run.file->path();
  runs_.push_back(std::move(run));
  filled_ = 0;
  ++runs_spilled_;
  NoteRunBytes();
  if (settings_.after_run_spilled) settings_.after_run_spilled(path);
}

void SortedRunBuilder::NoteRunBytes() {
  uint64_t bytes = 0;
  for (const SortedRun& run : runs_) bytes += run.file->bytes();
  peak_run_bytes_ = std::max(peak_run_bytes_, bytes);
}

void SortedRunBuilder::MergeDownToFanIn(uint64_t fan_in, uint64_t read_keys) {
  while (runs_.size() > fan_in) {
    SortedRun merged{std::make_unique<SpillFile>(settings_.temp->NewFilePath(settings_.stem),
                                                 settings_.io_buffer_bytes),
                     0};
    MergeRuns(
        std::span<const SortedRun>(runs_.data(), fan_in), read_keys,
        [&](std::span<const uint64_t> keys) {
          merged.file->Write(keys.data(), keys.size_bytes());
          merged.keys += keys.size();
        },
        settings_.what);
    merged.file->Finish();
    runs_.push_back(std::move(merged));
    NoteRunBytes();  // inputs and output coexist until the inputs go
    runs_.erase(runs_.begin(), runs_.begin() + static_cast<std::ptrdiff_t>(fan_in));
    ++merge_passes_;
  }
}

uint64_t MergeFanIn(const SortedRunSettings& settings) {
  const uint64_t affordable =
      settings.merge_bytes / std::max<uint64_t>(1, settings.io_buffer_bytes);
  return std::max<uint64_t>(
      2, settings.max_fan_in == 0 ? affordable : std::min(affordable, settings.max_fan_in));
}

uint64_t SortedRunBuilder::DiskBytesBound(uint64_t keys) const {
  if (keys <= settings_.buffer_keys) return 0;
  // A buffer spills when the next batch does not fit, so a run holds at least the larger of
  // one batch and the rest of the buffer: half a buffer, whatever the batches. Count twice the
  // runs of full buffers.
  const uint64_t buffer = std::max<uint64_t>(1, settings_.buffer_keys);
  const uint64_t runs = 2 * ((keys + buffer - 1) / buffer);
  const uint64_t bytes = keys * sizeof(uint64_t);
  return runs <= MergeFanIn(settings_) ? bytes : 2 * bytes;
}

void SortedRunBuilder::Drain(const KeySink& sink) {
  if (runs_.empty()) {
    const std::span<const uint64_t> keys = SortBuffer();
    for (uint64_t at = 0; at < keys.size(); at += kKeyBatch) {
      ThrowIfInterrupted(settings_.what);
      sink(keys.subspan(at, std::min<uint64_t>(kKeyBatch, keys.size() - at)));
    }
    buffer_.Release();
    scratch_.Release();
    return;
  }
  Spill();
  buffer_.Release();
  scratch_.Release();
  const uint64_t fan_in = MergeFanIn(settings_);
  const uint64_t read_keys = [&] {
    const uint64_t readers = std::min<uint64_t>(fan_in, runs_.size());
    return std::max<uint64_t>(1, settings_.merge_bytes / readers / sizeof(uint64_t));
  }();
  MergeDownToFanIn(fan_in, read_keys);
  MergeRuns(runs_, read_keys, sink, settings_.what);
  ++merge_passes_;
  runs_.clear();
}

}  // namespace cost::datasets
