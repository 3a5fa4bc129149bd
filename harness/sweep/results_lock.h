// One sweep per results file: two sweeps writing the same file (the second with --resume) would
// both run every row and the last to write would drop the other's. A sweep holds an flock on
// RESULTS.lock beside the file for its whole run; a second one is refused, told who holds it.
#ifndef COST_HARNESS_SWEEP_RESULTS_LOCK_H_
#define COST_HARNESS_SWEEP_RESULTS_LOCK_H_

#include <string>

namespace cost::harness {

class ResultsLock {
 public:
  // Takes the lock on `results_path` (the file need not exist yet). Throws std::runtime_error
  // naming the holder's pid, command and start time when another process holds it. The lock is
  // released when its holder dies, however it dies, and its file is not inherited by children.
  explicit ResultsLock(const std::string& results_path);
  ~ResultsLock();  // removes the lock file and releases the lock
  ResultsLock(const ResultsLock&) = delete;
  ResultsLock& operator=(const ResultsLock&) = delete;

  static std::string LockPathOf(const std::string& results_path) { return results_path + ".lock"; }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace cost::harness

#endif  // COST_HARNESS_SWEEP_RESULTS_LOCK_H_
