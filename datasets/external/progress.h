// Progress of a long preparation, reported through a callback the caller provides (datasets/
// never prints): the phase, the items done and the total when known, the rate and the time
// left. Each phase's time and item count are also recorded for the preparation's report.
#ifndef COST_DATASETS_EXTERNAL_PROGRESS_H_
#define COST_DATASETS_EXTERNAL_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace cost::datasets {

struct PreparationProgress {
  std::string phase;        // "read", "csr", "transpose runs", ...
  uint64_t done = 0;        // items (edges, arcs) of the phase so far
  uint64_t total = 0;       // 0 when not known in advance (a pipe)
  double seconds = 0;       // since the phase began
  double rate = 0;          // done / seconds
  double eta_seconds = -1;  // time left at this rate; < 0 when the total is not known
  bool finished = false;    // the phase's last call
};
using ProgressCallback = std::function<void(const PreparationProgress&)>;

// One finished phase of a preparation.
struct PhaseReport {
  std::string name;
  double seconds = 0;
  uint64_t items = 0;
};

// Calls the callback at most every kInterval while a phase runs, and once at its end.
class ProgressReporter {
 public:
  static constexpr std::chrono::milliseconds kInterval{500};

  ProgressReporter(ProgressCallback callback, std::vector<PhaseReport>* phases);

  void Begin(std::string phase, uint64_t total);
  void Advance(uint64_t items);
  void End();

 private:
  PreparationProgress Snapshot() const;

  ProgressCallback callback_;
  std::vector<PhaseReport>* phases_;
  std::string phase_;
  uint64_t total_ = 0, done_ = 0;
  std::chrono::steady_clock::time_point start_, last_call_;
};

}  // namespace cost::datasets

#endif  // COST_DATASETS_EXTERNAL_PROGRESS_H_
