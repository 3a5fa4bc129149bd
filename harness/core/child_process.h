// Running a measurement (or an external system's command) as a child process: its own output
// log, a wall-clock timeout, an optional address-space cap, and what became of it. Used by sweeps
// (one `cost run` per row) and by external systems (their command, inside `cost run`).
#ifndef COST_HARNESS_CORE_CHILD_PROCESS_H_
#define COST_HARNESS_CORE_CHILD_PROCESS_H_

#include <csignal>
#include <cstdint>
#include <string>
#include <vector>

namespace cost::harness {

struct ChildOptions {
  std::vector<std::string> argv;  // argv[0] is the program; execvp searches PATH
  // Executed instead of argv[0] when set (argv[0] still names it to the child): a sweep runs its
  // own image through /proc/self/exe, so a rebuild of the binary under way cannot swap it.
  std::string program;
  std::string log_path;           // stdout and stderr go here
  double timeout_seconds = 0;     // 0: none
  uint64_t memory_cap_bytes = 0;  // RLIMIT_AS of the child; 0: none
  // A new process group lets a timeout kill the child and everything it started. Commands run
  // from inside a measurement stay in the measurement's group, so the sweep's kill reaches them.
  bool own_process_group = true;
  // Polled while waiting: when it becomes non-zero the child is killed (Ctrl-C of a sweep).
  const volatile std::sig_atomic_t* interrupt = nullptr;
  // > 0: at the timeout send SIGTERM first and SIGKILL only after this many seconds, for a child
  // that must clean up what it started outside its process group (mpirun ends its ranks).
  double term_grace_seconds = 0;
};

struct ChildResult {
  enum class Status { kExited, kSignaled, kTimedOut, kInterrupted, kFailedToStart };
  Status status = Status::kFailedToStart;
  int exit_code = 0;  // kExited
  int signal = 0;     // kSignaled
  double wall_seconds = 0;
  uint64_t max_rss_bytes = 0;  // the child's peak resident set (from wait4)
  std::string log_tail;        // the last 2000 bytes of its output
};

// The program a child runs, argv[0]: `binary`, or when it is empty this executable again, named
// by its path and executed through /proc/self/exe, the running image: a rebuild of the binary
// while a sweep runs cannot change what its later rows run.
void SetProgram(ChildOptions* child, const std::string& binary);

// Starts the child and waits for it. Never throws for what the child does; kFailedToStart
// covers fork failure and exec failure (exit status 127, as a shell reports a missing command).
ChildResult RunChild(const ChildOptions& options);

// The child's whole output (options.log_path); "" when there is none.
std::string ReadChildLog(const std::string& log_path);

// "signal 11 (Segmentation fault)".
std::string DescribeSignal(int signal);

}  // namespace cost::harness

#endif  // COST_HARNESS_CORE_CHILD_PROCESS_H_
