#include "harness/sweep/progress.h"

#include <unistd.h>

#include <cstdio>

#include "harness/core/format.h"

namespace cost::harness {

// One progress report: a line rewritten in place on a terminal, plain lines otherwise.
void ShowProgress(size_t done, size_t total, const SweepRow& row, const Measurement* m,
                  double elapsed, double left) {
  static const bool terminal = isatty(STDERR_FILENO);
  char line[320];
  if (m == nullptr) {  // starting a row: only worth showing on a terminal
    if (!terminal) return;
    std::snprintf(line, sizeof line, "[%zu/%zu] running %s %s on %s, %d thread(s); elapsed %s",
                  done, total, row.implementation.c_str(),
                  std::string(KernelName(row.kernel)).c_str(), row.dataset.c_str(), row.threads,
                  FormatDuration(elapsed).c_str());
    std::fprintf(stderr, "\r\033[K%s", line);
    return;
  }
  std::snprintf(line, sizeof line,
                "[%zu/%zu] %-26s %-8s %-12s threads=%-2d procs=%-2d %9.4f s  %-15s elapsed %s, "
                "~%s left",
                done, total, row.implementation.c_str(),
                std::string(KernelName(row.kernel)).c_str(), row.dataset.c_str(), row.threads,
                row.procs, m->median_seconds, std::string(OutcomeName(m->outcome)).c_str(),
                FormatDuration(elapsed).c_str(), FormatDuration(left).c_str());
  std::fprintf(stderr, terminal ? "\r\033[K%s\n" : "%s\n", line);
}

}  // namespace cost::harness
