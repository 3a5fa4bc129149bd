// The loser-tree merge of sorted runs; see run_merge.h.
#include "datasets/external/run_merge.h"

#include <algorithm>
#include <bit>
#include <utility>

#include "datasets/external/interrupt.h"

namespace cost::datasets {
namespace {

// The next keys of one run, read buffer_keys at a time.
class RunCursor {
 public:
  RunCursor(const SortedRun* run, uint64_t buffer_keys)
      : run_(run), buffer_(std::max<uint64_t>(1, std::min(buffer_keys, run->keys))) {
    Refill();
  }
  bool valid() const { return pos_ < end_; }
  uint64_t head() const { return buffer_[pos_]; }
  void Advance() {
    if (++pos_ == end_) Refill();
  }

 private:
  void Refill() {
    const uint64_t take = std::min<uint64_t>(buffer_.size(), run_->keys - read_);
    if (take > 0)
      run_->file->Read(read_ * sizeof(uint64_t), buffer_.data(), take * sizeof(uint64_t));
    read_ += take;
    pos_ = 0;
    end_ = take;
  }

  const SortedRun* run_;
  std::vector<uint64_t> buffer_;
  uint64_t read_ = 0;  // keys of the run read so far
  uint64_t pos_ = 0, end_ = 0;
};

// Collects the merged keys into batches for the sink, dropping repeats.
class DedupingBatcher {
 public:
  DedupingBatcher(const KeySink& sink, const std::string& what) : sink_(sink), what_(what) {
    batch_.reserve(kKeyBatch);
  }
  void Add(uint64_t key) {
    if (!batch_.empty() ? key == batch_.back() : (have_last_ && key == last_)) return;
    batch_.push_back(key);
    if (batch_.size() == kKeyBatch) Flush();
  }
  void Flush() {
    if (batch_.empty()) return;
    ThrowIfInterrupted(what_);
    last_ = batch_.back();
    have_last_ = true;
    sink_(batch_);
    batch_.clear();
  }

 private:
  const KeySink& sink_;
  const std::string& what_;
  std::vector<uint64_t> batch_;
  uint64_t last_ = 0;
  bool have_last_ = false;
};

// A loser tree over the cursors: node i > 0 holds the loser of the match below it, node 0 the
// overall winner. Leaves beyond the runs are permanently exhausted.
class LoserTree {
 public:
  explicit LoserTree(std::vector<RunCursor>* cursors)
      : cursors_(*cursors),
        leaves_(std::bit_ceil(std::max<size_t>(2, cursors->size()))),
        tree_(leaves_) {
    std::vector<size_t> winner(2 * leaves_);
    for (size_t i = 0; i < leaves_; ++i) winner[leaves_ + i] = i;
    for (size_t node = leaves_ - 1; node >= 1; --node) {
      const size_t a = winner[2 * node], b = winner[2 * node + 1];
      const bool b_wins = Less(b, a);
      winner[node] = b_wins ? b : a;
      tree_[node] = b_wins ? a : b;
    }
    tree_[0] = winner[1];
  }

  bool valid() const { return Valid(tree_[0]); }
  uint64_t head() const { return cursors_[tree_[0]].head(); }

  // Advances the winner's run and replays its path to the root.
  void Pop() {
    size_t leaf = tree_[0];
    cursors_[leaf].Advance();
    for (size_t node = (leaf + leaves_) / 2; node >= 1; node /= 2) {
      if (Less(tree_[node], leaf)) std::swap(tree_[node], leaf);
    }
    tree_[0] = leaf;
  }

 private:
  bool Valid(size_t leaf) const { return leaf < cursors_.size() && cursors_[leaf].valid(); }
  bool Less(size_t a, size_t b) const {
    return Valid(a) && (!Valid(b) || cursors_[a].head() < cursors_[b].head());
  }

  std::vector<RunCursor>& cursors_;
  size_t leaves_;
  std::vector<size_t> tree_;
};

}  // namespace

void MergeRuns(std::span<const SortedRun> runs, uint64_t buffer_keys, const KeySink& sink,
               const std::string& what) {
  std::vector<RunCursor> cursors;
  cursors.reserve(runs.size());
  for (const SortedRun& run : runs) cursors.emplace_back(&run, buffer_keys);
  DedupingBatcher out(sink, what);
  LoserTree tree(&cursors);
  while (tree.valid()) {
    out.Add(tree.head());
    tree.Pop();
  }
  out.Flush();
}

}  // namespace cost::datasets
