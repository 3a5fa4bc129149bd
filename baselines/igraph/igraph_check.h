// Turning igraph's error codes into exceptions (its default handler aborts the process).
#ifndef COST_BASELINES_IGRAPH_IGRAPH_CHECK_H_
#define COST_BASELINES_IGRAPH_IGRAPH_CHECK_H_

#include <igraph.h>

#include <new>
#include <stdexcept>
#include <string>

namespace cost::baselines::igraph {

// Once per process: igraph reports errors by return code instead of aborting.
inline void UseReturnCodes() {
  static const bool done = [] {
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    return true;
  }();
  (void)done;
}

// Throws for a failed igraph call: out of memory as std::bad_alloc (a row's out-of-memory
// outcome), anything else as std::runtime_error naming the call.
inline void Check(igraph_error_t code, const char* call) {
  if (code == IGRAPH_SUCCESS) return;
  if (code == IGRAPH_ENOMEM) throw std::bad_alloc();
  throw std::runtime_error(std::string("igraph: ") + call + ": " + igraph_strerror(code));
}

}  // namespace cost::baselines::igraph

#endif  // COST_BASELINES_IGRAPH_IGRAPH_CHECK_H_
