#include "harness/report/gnuplot.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "harness/core/format.h"

namespace cost::harness {
namespace {

bool OnPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = std::min(dirs.find(':', start), dirs.size());
    std::string dir = dirs.substr(start, end - start);
    std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return true;
    start = end + 1;
  }
  return false;
}

// Runs `gnuplot SCRIPT` in dir (the script names its files relative to it) and returns its exit
// status; *output gets what it printed.
int RunGnuplot(const std::string& dir, const std::string& script, std::string* output) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) throw std::runtime_error("pipe: " + std::string(std::strerror(errno)));
  const std::string& dir_string = dir;  // no allocation after fork
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork: " + std::string(std::strerror(errno)));
  if (pid == 0) {
    int null_fd = ::open("/dev/null", O_RDONLY);
    if (null_fd >= 0) ::dup2(null_fd, 0);
    ::dup2(pipe_fds[1], 1);
    ::dup2(pipe_fds[1], 2);
    ::close(pipe_fds[0]);
    if (::chdir(dir_string.c_str()) != 0) ::_exit(126);
    ::execlp("gnuplot", "gnuplot", script.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) != 0) {
    if (n > 0)
      output->append(buffer, n);
    else if (errno != EINTR)
      break;
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

}  // namespace

std::string GnuplotQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\'') {
      out += "''";
    } else if (byte < 0x20 || byte == 0x7f) {
      // A newline would end the string and the command, and the next line would run as a
      // gnuplot command (`system "..."`): no control character reaches a script.
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string GnuplotComment(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) c = ' ';
  }
  return out;
}

std::string GnuplotNumber(double value) { return Printf("%.9g", value); }

void RenderGnuplotScript(const std::string& dir, const std::string& script) {
  if (!OnPath("gnuplot")) {
    throw std::runtime_error(
        "gnuplot is not installed (not found on PATH); the report's plots need it: install "
        "gnuplot, e.g. `apt-get install gnuplot-nox`");
  }
  std::string output;
  int status = RunGnuplot(dir, script, &output);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
  std::string how = WIFEXITED(status) ? "exited with status " + std::to_string(WEXITSTATUS(status))
                                      : "was killed by a signal";
  throw std::runtime_error("gnuplot " + script + " " + how + ": " + output);
}

}  // namespace cost::harness
