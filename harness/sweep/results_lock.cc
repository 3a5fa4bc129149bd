#include "harness/sweep/results_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "harness/machine/machine_info.h"

namespace cost::harness {
namespace {

// This process's command line, its arguments joined by spaces.
std::string CommandLine() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!text.empty() && text.back() == '\0') text.pop_back();
  for (char& c : text) c = c == '\0' ? ' ' : c;
  return text;
}

std::string ReadHolder(int fd) {
  std::string text(4096, '\0');
  const ssize_t got = ::pread(fd, text.data(), text.size(), 0);
  text.resize(got > 0 ? static_cast<size_t>(got) : 0);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text.empty() ? "a process that has not yet written its name" : text;
}

// Whether fd is still the file at path: a holder removes the file as it lets go, so a process
// that opened the old file before then holds a lock on a file no one else will see.
bool StillAt(int fd, const std::string& path) {
  struct stat held {
  }, named{};
  return ::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 &&
         held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

}  // namespace

ResultsLock::ResultsLock(const std::string& results_path) : path_(LockPathOf(results_path)) {
  for (;;) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) {
      throw std::runtime_error(path_ +
                               ": cannot create the sweep's lock file: " + std::strerror(errno));
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      const std::string holder = ReadHolder(fd_);
      ::close(fd_);
      throw std::runtime_error(results_path + ": another sweep is writing it (" + holder +
                               "); wait for it, or stop it, before starting another");
    }
    if (StillAt(fd_, path_)) break;
    ::close(fd_);  // taken from a holder that has just finished: take the new file's lock
  }
  const std::string holder =
      "pid " + std::to_string(::getpid()) + ", `" + CommandLine() + "`, since " + UtcNow() + "\n";
  // Without these words the lock still holds; a refused sweep then says less about its holder.
  (void)!::ftruncate(fd_, 0);
  (void)!::pwrite(fd_, holder.data(), holder.size(), 0);
}

ResultsLock::~ResultsLock() {
  ::unlink(path_.c_str());
  ::close(fd_);
}

}  // namespace cost::harness
