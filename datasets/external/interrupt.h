// SIGINT and SIGTERM during a preparation: the handler only sets a flag; the builder checks it
// between chunks and throws PreparationInterrupted, so that the destructors on the way out remove
// the temp folder and the unfinished output, as for any other failure. (A handler that removed
// files itself could not know what the interrupted code was in the middle of.)
#ifndef COST_DATASETS_EXTERNAL_INTERRUPT_H_
#define COST_DATASETS_EXTERNAL_INTERRUPT_H_

#include <string>

#include "datasets/dataset_error.h"

namespace cost::datasets {

// The error a preparation stopped by a signal raises: "WHAT: interrupted" (the CLI exits 130).
class PreparationInterrupted : public DatasetError {
 public:
  using DatasetError::DatasetError;
};

// Installs the flag-setting handler for SIGINT and SIGTERM while it lives, and restores the
// handlers it replaced (and clears the flag) when it goes. Nested instances are fine.
class ScopedInterruptHandler {
 public:
  ScopedInterruptHandler();
  ~ScopedInterruptHandler();
  ScopedInterruptHandler(const ScopedInterruptHandler&) = delete;
  ScopedInterruptHandler& operator=(const ScopedInterruptHandler&) = delete;

 private:
  bool installed_ = false;
};

// Whether a signal arrived since the outermost handler was installed.
bool InterruptRequested();

// Throws PreparationInterrupted("WHAT: interrupted") when InterruptRequested().
void ThrowIfInterrupted(const std::string& what);

}  // namespace cost::datasets

#endif  // COST_DATASETS_EXTERNAL_INTERRUPT_H_
