// Progress reports; see progress.h.
#include "datasets/external/progress.h"

#include <utility>

namespace cost::datasets {

ProgressReporter::ProgressReporter(ProgressCallback callback, std::vector<PhaseReport>* phases)
    : callback_(std::move(callback)), phases_(phases) {}

void ProgressReporter::Begin(std::string phase, uint64_t total) {
  phase_ = std::move(phase);
  total_ = total;
  done_ = 0;
  start_ = last_call_ = std::chrono::steady_clock::now();
}

void ProgressReporter::Advance(uint64_t items) {
  done_ += items;
  if (!callback_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_call_ < kInterval) return;
  last_call_ = now;
  callback_(Snapshot());
}

void ProgressReporter::End() {
  PreparationProgress last = Snapshot();
  last.finished = true;
  if (phases_ != nullptr) phases_->push_back({phase_, last.seconds, done_});
  if (callback_) callback_(last);
}

PreparationProgress ProgressReporter::Snapshot() const {
  PreparationProgress p;
  p.phase = phase_;
  p.done = done_;
  p.total = total_;
  p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  p.rate = p.seconds > 0 ? static_cast<double>(done_) / p.seconds : 0;
  if (total_ > 0 && p.rate > 0) {
    p.eta_seconds = static_cast<double>(total_ > done_ ? total_ - done_ : 0) / p.rate;
  }
  return p;
}

}  // namespace cost::datasets
