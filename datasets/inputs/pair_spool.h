// A pipe's pairs kept for the second pass of a preparation (the first finds the distinct ids, the
// second needs them): a pipe can be read only once. In memory while they fit memory_bytes, then
// in a spill file of the temp folder, written once and read back once; the free disk is checked
// as the file grows, since a pipe's length is not known in advance.
#ifndef COST_DATASETS_INPUTS_PAIR_SPOOL_H_
#define COST_DATASETS_INPUTS_PAIR_SPOOL_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "datasets/external/spill_file.h"
#include "datasets/external/temp_folder.h"
#include "datasets/inputs/edge_pairs.h"

namespace cost::datasets {

class PairSpool {
 public:
  PairSpool(TempFolder* temp, uint64_t memory_bytes, std::optional<uint64_t> fake_free_disk);

  void Add(std::span<const RawPair> pairs);
  // The pairs added, in order, at most chunk_pairs at a time.
  void Replay(uint64_t chunk_pairs, const PairChunkFn& fn);

  // What the spool holds in memory.
  uint64_t memory_bytes() const { return memory_.capacity() * sizeof(RawPair); }

 private:
  void MoveToFile();
  void CheckDisk() const;

  TempFolder* temp_;
  uint64_t memory_limit_;
  std::optional<uint64_t> fake_free_disk_;
  std::vector<RawPair> memory_;
  std::unique_ptr<SpillFile> file_;
  uint64_t checked_at_ = 0;  // file bytes at the last free-space check
};

}  // namespace cost::datasets

#endif  // COST_DATASETS_INPUTS_PAIR_SPOOL_H_
