#include "harness/core/child_process.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

namespace cost::harness {
namespace {

std::string TailOf(const std::string& path, size_t bytes) {
  const std::string text = ReadChildLog(path);
  return text.size() > bytes ? text.substr(text.size() - bytes) : text;
}

// In the child, between fork and exec: only async-signal-safe calls.
[[noreturn]] void ExecChild(const ChildOptions& options, char* const* argv, pid_t parent) {
  // The child dies with its parent: a sweep or run killed with SIGKILL (which runs no cleanup)
  // must not leave its row running on. The parent may have died before prctl: then it is gone.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(128 + SIGKILL);
  if (options.own_process_group) setpgid(0, 0);
  if (options.memory_cap_bytes > 0) {
    const rlimit cap{options.memory_cap_bytes, options.memory_cap_bytes};
    setrlimit(RLIMIT_AS, &cap);
  }
  const int log = open(options.log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (log >= 0) {
    dup2(log, STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
  }
  const int null = open("/dev/null", O_RDONLY);
  if (null >= 0) dup2(null, STDIN_FILENO);
  execvp(options.program.empty() ? argv[0] : options.program.c_str(), argv);
  const char* reason = strerror(errno);
  (void)!write(STDERR_FILENO, "cannot execute ", 15);
  (void)!write(STDERR_FILENO, argv[0], strlen(argv[0]));
  (void)!write(STDERR_FILENO, ": ", 2);
  (void)!write(STDERR_FILENO, reason, strlen(reason));
  (void)!write(STDERR_FILENO, "\n", 1);
  _exit(127);
}

}  // namespace

std::string ReadChildLog(const std::string& log_path) {
  std::ifstream in(log_path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string DescribeSignal(int signal) {
  return "signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
}

namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Ends a child that outlived its limit or was interrupted: SIGTERM first when it has cleanup to
// do (term_grace_seconds), SIGKILL when it is still there after that. Reaps it either way.
void EndChild(const ChildOptions& options, pid_t pid, pid_t target, int* status, rusage* usage) {
  if (options.term_grace_seconds > 0) {
    kill(target, SIGTERM);
    const auto term = std::chrono::steady_clock::now();
    while (SecondsSince(term) < options.term_grace_seconds) {
      if (wait4(pid, status, WNOHANG, usage) == pid) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  kill(target, SIGKILL);
  wait4(pid, status, 0, usage);
}

// Waits for the child, polling the timeout and the interrupt flag. Returns kTimedOut or
// kInterrupted when it had to end the child, kExited when the child ended by itself.
ChildResult::Status WaitForChild(const ChildOptions& options, pid_t pid,
                                 std::chrono::steady_clock::time_point start, int* status,
                                 rusage* usage) {
  const pid_t target = options.own_process_group ? -pid : pid;
  while (wait4(pid, status, WNOHANG, usage) == 0) {
    const double elapsed = SecondsSince(start);
    const bool interrupted = options.interrupt && *options.interrupt;
    if ((options.timeout_seconds > 0 && elapsed > options.timeout_seconds) || interrupted) {
      EndChild(options, pid, target, status, usage);
      return interrupted ? ChildResult::Status::kInterrupted : ChildResult::Status::kTimedOut;
    }
    // Short polls at first: most children a test or a sweep starts end within a second.
    std::this_thread::sleep_for(std::chrono::milliseconds(elapsed < 1 ? 2 : 20));
  }
  return ChildResult::Status::kExited;
}

// What a child that ended by itself did, from its wait status.
void RecordExit(int status, ChildResult* result) {
  if (WIFSIGNALED(status)) {
    result->status = ChildResult::Status::kSignaled;
    result->signal = WTERMSIG(status);
  } else if (WEXITSTATUS(status) == 127) {
    result->status = ChildResult::Status::kFailedToStart;
    result->exit_code = 127;
  } else {
    result->status = ChildResult::Status::kExited;
    result->exit_code = WEXITSTATUS(status);
  }
}

}  // namespace

void SetProgram(ChildOptions* child, const std::string& binary) {
  std::string path = binary;
  if (binary.empty()) {
    std::error_code error;
    path = std::filesystem::read_symlink("/proc/self/exe", error).string();
    child->program = "/proc/self/exe";
  }
  if (child->argv.empty()) {
    child->argv.push_back(path);
  } else {
    child->argv[0] = path;
  }
}

ChildResult RunChild(const ChildOptions& options) {
  ChildResult result;
  std::vector<std::string> args = options.argv;
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) {
    result.log_tail = std::string("fork: ") + std::strerror(errno);
    return result;
  }
  if (pid == 0) ExecChild(options, argv.data(), parent);
  if (options.own_process_group) setpgid(pid, pid);  // also here: no race with an early kill
  int status = 0;
  rusage usage{};
  const ChildResult::Status waited = WaitForChild(options, pid, start, &status, &usage);
  result.wall_seconds = SecondsSince(start);
  result.max_rss_bytes = static_cast<uint64_t>(usage.ru_maxrss) * 1024;  // KiB on Linux
  result.log_tail = TailOf(options.log_path, 2000);
  if (waited == ChildResult::Status::kExited) {
    RecordExit(status, &result);
  } else {
    result.status = waited;
  }
  return result;
}

}  // namespace cost::harness
