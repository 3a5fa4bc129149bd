// Sorted runs of 64-bit keys in bounded memory: keys fill a buffer; a full buffer is radix
// sorted, deduplicated and spilled as a run into the temp folder; at the end the runs are merged
// (run_merge.h) into one ascending stream of distinct keys. When everything fits the buffer
// there is one run, kept in memory, and nothing touches the disk.
//
// More runs than the merge may read at once (its fan-in: the merge memory over a minimum
// read buffer) are merged in passes: the first fan-in runs become one run, until few enough
// remain; each pass deletes its inputs as soon as it has read them.
#ifndef COST_DATASETS_EXTERNAL_SORTED_RUNS_H_
#define COST_DATASETS_EXTERNAL_SORTED_RUNS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "datasets/external/large_buffer.h"
#include "datasets/external/run_merge.h"
#include "datasets/external/temp_folder.h"

namespace cost::datasets {

struct SortedRunSettings {
  uint64_t buffer_keys = 0;  // keys held before a spill (the sort needs as many again)
  uint64_t merge_bytes = 0;  // memory for the merge's read buffers
  uint64_t max_fan_in = 0;   // 0: as many runs as merge_bytes allows
  // Each run's read buffer in a merge is at least this large, so the reads stay sequential;
  // also the write buffer of a merge pass's output.
  uint64_t io_buffer_bytes = uint64_t{256} << 10;
  TempFolder* temp = nullptr;
  std::string stem;  // names the run files ("csr", "transpose", "hilbert")
  std::string what;  // names the preparation in errors (the output path)
  // Called with the run's path after each spill (the tests' hook to fail or pause there).
  std::function<void(const std::string&)> after_run_spilled;
};

// The memory a builder holds at most: its buffer and the sort's scratch.
inline uint64_t SortedRunBufferBytes(uint64_t buffer_keys) { return 16 * buffer_keys; }

// How many runs the final merge reads at once: the merge memory over the smallest read buffer,
// capped by max_fan_in, and never fewer than two.
uint64_t MergeFanIn(const SortedRunSettings& settings);

class SortedRunBuilder {
 public:
  explicit SortedRunBuilder(SortedRunSettings settings);
  ~SortedRunBuilder();

  // Room for `count` more keys (count <= buffer_keys), spilling the buffer first when it has
  // less; write them there and Commit how many were written.
  std::span<uint64_t> Reserve(uint64_t count);
  void Commit(uint64_t count);

  // Hands every distinct key added, ascending, to the sink; frees the buffer before a merge.
  void Drain(const KeySink& sink);

  // The most bytes the runs of `keys` keys may take on disk at once: none when they fit the
  // buffer; the keys once when the final merge reads every run; twice when merge passes are
  // needed (a pass's inputs and output coexist until the inputs go).
  uint64_t DiskBytesBound(uint64_t keys) const;

  uint64_t buffer_keys() const { return settings_.buffer_keys; }
  uint64_t runs_spilled() const { return runs_spilled_; }
  uint64_t merge_passes() const { return merge_passes_; }
  uint64_t keys_added() const { return keys_added_; }
  // The most bytes the runs took on disk at once.
  uint64_t peak_run_bytes() const { return peak_run_bytes_; }

 private:
  // Sorts and dedupes the buffer; returns the distinct keys (in the buffer or the scratch).
  std::span<uint64_t> SortBuffer();
  void Spill();
  void MergeDownToFanIn(uint64_t fan_in, uint64_t read_keys);
  void NoteRunBytes();

  SortedRunSettings settings_;
  LargeBuffer buffer_, scratch_;  // untouched pages cost nothing
  uint64_t filled_ = 0;
  std::vector<SortedRun> runs_;
  uint64_t runs_spilled_ = 0, merge_passes_ = 0, keys_added_ = 0, peak_run_bytes_ = 0;
};

}  // namespace cost::datasets

#endif  // COST_DATASETS_EXTERNAL_SORTED_RUNS_H_
