// What the timed repetitions of an in-process row do and record about storage: before each, the
// sections the row reads are put where the request's storage mode says and their residency is
// measured (storage_mode.h); around each, the bytes the row read from the file (streaming rows)
// and the bytes the process read from devices are counted. Record() writes the per-repetition
// figures into the row.
#ifndef COST_HARNESS_RUN_REPETITION_STORAGE_H_
#define COST_HARNESS_RUN_REPETITION_STORAGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "datasets/graph.h"
#include "datasets/graph_file.h"
#include "harness/core/results.h"
#include "harness/run/implementations.h"
#include "harness/run/storage_mode.h"

namespace cost::harness {

class RepetitionStorage {
 public:
  // `mapped`: the row's graph as mapped from `path` (its mappings are dropped in disk mode before
  // each repetition); may be null.
  RepetitionStorage(const Implementation& impl, StorageMode mode, const std::string& path,
                    const datasets::Graph* mapped);

  // Around one timed repetition, outside its timing. Before points a streaming row's params at the
  // file and the counters, and throws StorageError when the mode's check fails.
  void Before(RunParams* params);
  void After();

  // storage, resident_fractions, bytes_read, passes, device_bytes_read, read_bytes_per_second
  // (from m->median_seconds, so after Summarize).
  void Record(Measurement* m) const;

 private:
  StorageMode mode_;
  std::string path_;
  const datasets::Graph* mapped_;
  bool streams_;
  std::vector<datasets::GraphFileSectionInfo> sections_;
  std::vector<double> resident_fractions_;
  StreamCounters counters_;
  uint64_t device_start_ = 0, device_bytes_ = 0;
  int repetitions_ = 0;
};

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_REPETITION_STORAGE_H_
