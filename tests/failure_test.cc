// The one classifier of child processes (harness/run/failure.h), rule by rule, on synthetic
// ChildResults: what a sweep's row process, an mpirun job and an external command each become
// when they do not finish their job.
#include "harness/run/failure.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>
#include <string>

namespace cost::harness {
namespace {

using Status = ChildResult::Status;
using testing::EndsWith;
using testing::HasSubstr;
using testing::StartsWith;

ChildResult Exited(int code, const std::string& tail = "") {
  ChildResult run;
  run.status = Status::kExited;
  run.exit_code = code;
  run.log_tail = tail;
  return run;
}

ChildResult Signaled(int signal) {
  ChildResult run;
  run.status = Status::kSignaled;
  run.signal = signal;
  return run;
}

ChildResult WithStatus(Status status) {
  ChildResult run;
  run.status = status;
  return run;
}

Outcome OutcomeOf(const ChildResult& run, const ChildContext& context = {.subject = "child"}) {
  return ClassifyChild(run, context).outcome;
}

TEST(ClassifyChild, ExitStatusZeroIsOkWhateverItPrinted) {
  const ChildOutcome ok = ClassifyChild(Exited(0, "std::bad_alloc"), {.subject = "child"});
  EXPECT_EQ(ok.outcome, Outcome::kOk);
  EXPECT_EQ(ok.message, "");
}

TEST(ClassifyChild, ACtrlCKillIsInterrupted) {
  EXPECT_EQ(OutcomeOf(WithStatus(Status::kInterrupted)), Outcome::kInterrupted);
}

TEST(ClassifyChild, TheHarnessKillAtTheLimitIsATimeout) {
  ChildResult run = WithStatus(Status::kTimedOut);
  run.log_tail = "iteration 3";
  const ChildOutcome o = ClassifyChild(run, {.subject = "cost run", .timeout_seconds = 5});
  EXPECT_EQ(o.outcome, Outcome::kTimeout);
  EXPECT_EQ(o.message, "no result after 5 s; killed. Output: iteration 3");
}

TEST(ClassifyChild, MpirunsOwnTimeLimitIsATimeout) {
  const ChildResult run =
      Exited(1, "The user-provided time limit for job execution has been reached");
  const ChildOutcome o = ClassifyChild(run, {.subject = "mpirun", .timeout_seconds = 3});
  EXPECT_EQ(o.outcome, Outcome::kTimeout);
  EXPECT_THAT(o.message, StartsWith("no result after 3 s; mpirun ended it at its own time limit."));
}

TEST(ClassifyChild, ATimeoutWinsOverWhatTheKilledChildPrinted) {
  ChildResult run = WithStatus(Status::kTimedOut);
  run.log_tail = "std::bad_alloc";
  EXPECT_EQ(OutcomeOf(run), Outcome::kTimeout);
}

TEST(ClassifyChild, ExecFailureAndLauncherFailuresAreFailedToStart) {
  ChildResult missing = WithStatus(Status::kFailedToStart);
  missing.exit_code = 127;
  missing.log_tail = "cannot execute nope: No such file or directory";
  const ChildOutcome o = ClassifyChild(missing, {.subject = "the command"});
  EXPECT_EQ(o.outcome, Outcome::kFailedToStart);
  EXPECT_EQ(o.message,
            "the command could not be started. Output: cannot execute nope: No such file or "
            "directory");
  EXPECT_EQ(OutcomeOf(Exited(1, "mpirun was unable to launch the specified application")),
            Outcome::kFailedToStart);
  EXPECT_EQ(OutcomeOf(Exited(1, "mpirun was unable to find the executable")),
            Outcome::kFailedToStart);
}

TEST(ClassifyChild, EverySignOfAFailedAllocationIsOutOfMemory) {
  for (const char* sign :
       {"terminate called after throwing an instance of 'std::bad_alloc'",
        "mmap: Cannot allocate memory", "fatal: out of memory", "Out of memory!", "MemoryError"}) {
    const ChildOutcome o = ClassifyChild(Exited(1, sign), {.subject = "the command"});
    EXPECT_EQ(o.outcome, Outcome::kOutOfMemory) << sign;
    EXPECT_THAT(o.message, StartsWith("the command ran out of memory: its output says an "
                                      "allocation failed."))
        << sign;
    EXPECT_THAT(o.message, EndsWith(std::string("Output: ") + sign));
  }
}

TEST(ClassifyChild, TheWholeLogIsSearchedWhenTheCallerHasIt) {
  // With P ranks printing stack traces, the cause may have scrolled out of the tail.
  const ChildResult run = Exited(1, "rank 3: stack trace ...");
  EXPECT_EQ(OutcomeOf(run, {.subject = "mpirun"}), Outcome::kCrashed);
  EXPECT_EQ(OutcomeOf(run, {.subject = "mpirun", .log = "std::bad_alloc\nrank 3: stack trace ..."}),
            Outcome::kOutOfMemory);
}

TEST(ClassifyChild, APeakNearTheCapIsOutOfMemory) {
  constexpr uint64_t kMiB = 1 << 20;
  ChildResult run = Exited(1);
  run.max_rss_bytes = 900 * kMiB;
  const ChildOutcome o =
      ClassifyChild(run, {.subject = "cost run", .memory_cap_bytes = 1000 * kMiB});
  EXPECT_EQ(o.outcome, Outcome::kOutOfMemory);
  EXPECT_EQ(o.message,
            "cost run ran out of memory: its peak RSS reached 90% of its cap. Peak RSS 900 MiB, "
            "cap 1000 MiB. Output: ");
  run.max_rss_bytes = 899 * kMiB;
  EXPECT_EQ(OutcomeOf(run, {.subject = "cost run", .memory_cap_bytes = 1000 * kMiB}),
            Outcome::kCrashed);
  run.max_rss_bytes = 900 * kMiB;
  EXPECT_EQ(OutcomeOf(run, {.subject = "cost run"}), Outcome::kCrashed);  // no cap, no rule
}

TEST(ClassifyChild, AnUnrequestedSigkillIsTheOomKiller) {
  const ChildOutcome o = ClassifyChild(Signaled(SIGKILL), {.subject = "cost run"});
  EXPECT_EQ(o.outcome, Outcome::kOutOfMemory);
  EXPECT_THAT(o.message, HasSubstr("killed by SIGKILL, the kernel's OOM killer"));
}

TEST(ClassifyChild, OtherSignalsAndStatusesAreCrashes) {
  const ChildOutcome segfault = ClassifyChild(Signaled(SIGSEGV), {.subject = "the command"});
  EXPECT_EQ(segfault.outcome, Outcome::kCrashed);
  EXPECT_THAT(segfault.message, StartsWith("the command was killed by signal 11 ("));
  const ChildOutcome failed = ClassifyChild(Exited(2, "usage: ..."), {.subject = "mpirun"});
  EXPECT_EQ(failed.outcome, Outcome::kCrashed);
  EXPECT_EQ(failed.message, "mpirun exited with status 2. Output: usage: ...");
}

}  // namespace
}  // namespace cost::harness
