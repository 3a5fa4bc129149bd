// The k-way merge of sorted runs (files of ascending u64 keys) into one ascending stream with
// every key once: duplicates within a run were removed when it was sorted, those across runs are
// removed here. Each run is read front to back with pread through its own buffer; the winner of
// each step is found with a loser tree (log2 k comparisons per key).
#ifndef COST_DATASETS_EXTERNAL_RUN_MERGE_H_
#define COST_DATASETS_EXTERNAL_RUN_MERGE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "datasets/external/spill_file.h"

namespace cost::datasets {

// Receives keys in ascending order, each once, a batch at a time.
using KeySink = std::function<void(std::span<const uint64_t>)>;

// Keys handed to a KeySink per call.
inline constexpr uint64_t kKeyBatch = uint64_t{1} << 12;

struct SortedRun {
  std::unique_ptr<SpillFile> file;  // removed when the run goes
  uint64_t keys = 0;
};

// Merges `runs` into `sink`; each run's reader buffers buffer_keys keys. `what` names the
// preparation in the interrupt error, which is checked between batches.
void MergeRuns(std::span<const SortedRun> runs, uint64_t buffer_keys, const KeySink& sink,
               const std::string& what);

}  // namespace cost::datasets

#endif  // COST_DATASETS_EXTERNAL_RUN_MERGE_H_
