// POSIX I/O loops; see posix_io.h.
#include "datasets/posix_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "datasets/dataset_error.h"
#include "datasets/external/interrupt.h"

namespace cost::datasets {
namespace {

// One call moves at most 1 GiB: Linux caps a single transfer just below 2 GiB anyway.
constexpr uint64_t kMaxTransfer = uint64_t{1} << 30;

[[noreturn]] void FailErrno(const std::string& path, const std::string& what) {
  throw DatasetError(path + ": " + what + ": " + std::strerror(errno));
}

}  // namespace

void UniqueFd::Reset() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

UniqueFd OpenForReading(const std::string& path) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) throw DatasetError(path + ": " + std::strerror(errno));
  return fd;
}

uint64_t PreadUpTo(int fd, void* out, uint64_t bytes, uint64_t offset, const std::string& path) {
  char* p = static_cast<char*>(out);
  uint64_t done = 0;
  while (done < bytes) {
    const ssize_t n = ::pread(fd, p + done, std::min(bytes - done, kMaxTransfer),
                              static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) FailErrno(path, "read at byte offset " + std::to_string(offset + done));
    if (n == 0) break;
    done += static_cast<uint64_t>(n);
  }
  return done;
}

void PreadExactly(int fd, void* out, uint64_t bytes, uint64_t offset, const std::string& path) {
  if (PreadUpTo(fd, out, bytes, offset, path) != bytes) {
    throw DatasetError(path + ": unexpected end of file reading " + std::to_string(bytes) +
                       " bytes at byte offset " + std::to_string(offset));
  }
}

uint64_t ReadUpTo(int fd, void* out, uint64_t bytes, const std::string& path) {
  char* p = static_cast<char*>(out);
  uint64_t done = 0;
  while (done < bytes) {
    const ssize_t n = ::read(fd, p + done, std::min(bytes - done, kMaxTransfer));
    if (n < 0 && errno == EINTR) {
      ThrowIfInterrupted(path);  // a signal meant to stop a read blocked on a pipe
      continue;
    }
    if (n < 0) FailErrno(path, "read");
    if (n == 0) break;
    done += static_cast<uint64_t>(n);
  }
  return done;
}

void WriteAll(int fd, const void* data, uint64_t bytes, const std::string& path) {
  const char* p = static_cast<const char*>(data);
  while (bytes > 0) {
    const ssize_t n = ::write(fd, p, std::min(bytes, kMaxTransfer));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) FailErrno(path, "write");
    p += n;
    bytes -= static_cast<uint64_t>(n);
  }
}

void PwriteAll(int fd, const void* data, uint64_t bytes, uint64_t offset, const std::string& path) {
  const char* p = static_cast<const char*>(data);
  while (bytes > 0) {
    const ssize_t n = ::pwrite(fd, p, std::min(bytes, kMaxTransfer), static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) FailErrno(path, "write");
    p += n;
    bytes -= static_cast<uint64_t>(n);
    offset += static_cast<uint64_t>(n);
  }
}

}  // namespace cost::datasets
