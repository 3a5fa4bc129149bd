#include "harness/run/failure.h"

#include <csignal>

#include "harness/core/format.h"

namespace cost::harness {
namespace {

using Status = ChildResult::Status;

// mpirun's words when its own --timeout ended the job.
constexpr std::string_view kTimeoutSigns[] = {"time limit for job execution has been reached"};
// mpirun's words when it could not start the ranks.
constexpr std::string_view kLaunchFailureSigns[] = {"was unable to launch",
                                                    "was unable to find the executable"};
// What C++ (std::bad_alloc), C (strerror(ENOMEM)), allocators and scripting runtimes print when
// an allocation fails.
constexpr std::string_view kOutOfMemorySigns[] = {"bad_alloc", "Cannot allocate memory",
                                                  "out of memory", "Out of memory", "MemoryError"};

template <size_t N>
bool Says(std::string_view output, const std::string_view (&signs)[N]) {
  for (std::string_view sign : signs) {
    if (output.find(sign) != std::string_view::npos) return true;
  }
  return false;
}

// Why the child ran out of memory; empty when nothing says it did.
std::string OutOfMemorySign(const ChildResult& run, const ChildContext& context,
                            std::string_view output) {
  if (Says(output, kOutOfMemorySigns)) return "its output says an allocation failed";
  if (context.memory_cap_bytes > 0 && run.max_rss_bytes >= context.memory_cap_bytes / 10 * 9) {
    return "its peak RSS reached 90% of its cap";
  }
  if (run.status == Status::kSignaled && run.signal == SIGKILL) {
    return "killed by SIGKILL, the kernel's OOM killer";
  }
  return "";
}

std::string OutOfMemoryMessage(const ChildResult& run, const ChildContext& context,
                               const std::string& why) {
  std::string message = context.subject + " ran out of memory: " + why + ". Peak RSS " +
                        std::to_string(run.max_rss_bytes >> 20) + " MiB";
  if (context.memory_cap_bytes > 0) {
    message += ", cap " + std::to_string(context.memory_cap_bytes >> 20) + " MiB";
  }
  return message + ".";
}

std::string TimeoutMessage(const ChildResult& run, const ChildContext& context) {
  const std::string after = context.timeout_seconds > 0
                                ? "no result after " + Printf("%g", context.timeout_seconds) + " s"
                                : std::string("no result");
  return after + (run.status == Status::kTimedOut
                      ? "; killed."
                      : "; " + context.subject + " ended it at its own time limit.");
}

// The outcome and the message without the output's tail.
ChildOutcome Classify(const ChildResult& run, const ChildContext& context) {
  const std::string_view output = context.log.empty() ? run.log_tail : context.log;
  if (run.status == Status::kInterrupted) {
    return {Outcome::kInterrupted, context.subject + " was interrupted."};
  }
  if (run.status == Status::kTimedOut || Says(output, kTimeoutSigns)) {
    return {Outcome::kTimeout, TimeoutMessage(run, context)};
  }
  if (run.status == Status::kFailedToStart || Says(output, kLaunchFailureSigns)) {
    return {Outcome::kFailedToStart, context.subject + " could not be started."};
  }
  if (const std::string why = OutOfMemorySign(run, context, output); !why.empty()) {
    return {Outcome::kOutOfMemory, OutOfMemoryMessage(run, context, why)};
  }
  if (run.status == Status::kSignaled) {
    return {Outcome::kCrashed,
            context.subject + " was killed by " + DescribeSignal(run.signal) + "."};
  }
  return {Outcome::kCrashed,
          context.subject + " exited with status " + std::to_string(run.exit_code) + "."};
}

}  // namespace

ChildOutcome ClassifyChild(const ChildResult& run, const ChildContext& context) {
  if (run.status == Status::kExited && run.exit_code == 0) return {};
  ChildOutcome result = Classify(run, context);
  result.message += " Output: " + run.log_tail;
  return result;
}

}  // namespace cost::harness
