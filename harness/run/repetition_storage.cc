// See repetition_storage.h.
#include "harness/run/repetition_storage.h"

#include <vector>

#include "harness/run/row_memory.h"

namespace cost::harness {
namespace {

// The sections whose place the storage mode sets: those the row reads, but for a streaming row
// not its out-degrees (4 bytes a vertex, read once per repetition), which the harness keeps
// mapped for its own use and so cannot evict.
std::vector<datasets::GraphFileSectionInfo> StoredSectionsOf(const Implementation& impl,
                                                             const std::string& path) {
  std::vector<datasets::GraphFileSectionInfo> sections =
      FileSectionsReadBy(impl, datasets::ReadGraphFileInfo(path));
  if (impl.streams.from_file) {
    std::erase_if(sections, [](const datasets::GraphFileSectionInfo& s) {
      return s.kind == datasets::SectionKind::kOutDegrees;
    });
  }
  return sections;
}

}  // namespace

RepetitionStorage::RepetitionStorage(const Implementation& impl, StorageMode mode,
                                     const std::string& path, const datasets::Graph* mapped)
    : mode_(mode),
      path_(path),
      mapped_(mapped),
      streams_(impl.streams.from_file),
      sections_(StoredSectionsOf(impl, path)) {}

void RepetitionStorage::Before(RunParams* params) {
  if (mode_ != StorageMode::kUncontrolled) {
    resident_fractions_.push_back(PrepareStorage(mode_, path_, sections_, mapped_));
  }
  if (streams_) {
    params->graph_path = path_;
    params->drop_behind = mode_ == StorageMode::kDisk;
    params->stream_counters = &counters_;
  }
  device_start_ = DeviceBytesRead();
}

void RepetitionStorage::After() {
  device_bytes_ += DeviceBytesRead() - device_start_;
  ++repetitions_;
}

void RepetitionStorage::Record(Measurement* m) const {
  if (repetitions_ == 0) return;
  const uint64_t reps = static_cast<uint64_t>(repetitions_);
  m->storage = std::string(StorageModeName(mode_));
  m->resident_fractions = resident_fractions_;
  m->device_bytes_read = device_bytes_ / reps;
  m->bytes_read = counters_.bytes_read / reps;
  m->passes = counters_.passes / reps;
  m->read_bytes_per_second =
      m->median_seconds > 0 ? static_cast<double>(m->bytes_read) / m->median_seconds : 0;
}

}  // namespace cost::harness
