// The interrupt flag; see interrupt.h.
#include "datasets/external/interrupt.h"

#include <signal.h>

#include <atomic>

namespace cost::datasets {
namespace {

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");
int g_depth = 0;  // nesting of ScopedInterruptHandler; only the outermost installs
struct sigaction g_previous_int, g_previous_term;

extern "C" void SetInterruptFlag(int) { g_interrupted.store(true); }

}  // namespace

ScopedInterruptHandler::ScopedInterruptHandler() {
  if (g_depth++ > 0) return;
  struct sigaction action {};
  action.sa_handler = SetInterruptFlag;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocking read returns EINTR and the loop re-checks
  g_interrupted.store(false);
  sigaction(SIGINT, &action, &g_previous_int);
  sigaction(SIGTERM, &action, &g_previous_term);
  installed_ = true;
}

ScopedInterruptHandler::~ScopedInterruptHandler() {
  --g_depth;
  if (!installed_) return;
  sigaction(SIGINT, &g_previous_int, nullptr);
  sigaction(SIGTERM, &g_previous_term, nullptr);
  g_interrupted.store(false);
}

bool InterruptRequested() { return g_interrupted.load(std::memory_order_relaxed); }

void ThrowIfInterrupted(const std::string& what) {
  if (InterruptRequested()) throw PreparationInterrupted(what + ": interrupted");
}

}  // namespace cost::datasets
