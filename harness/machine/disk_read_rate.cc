// See disk_read_rate.h.
#include "harness/machine/disk_read_rate.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <stdexcept>

namespace cost::harness {
namespace {

constexpr uint64_t kBlock = uint64_t{16} << 20;  // one read; a multiple of any sector size

struct AlignedFree {
  void operator()(void* p) const { std::free(p); }
};
using AlignedBuffer = std::unique_ptr<uint8_t, AlignedFree>;

AlignedBuffer Allocate() {
  void* p = nullptr;
  if (posix_memalign(&p, 4096, kBlock) != 0) throw std::bad_alloc();
  return AlignedBuffer(static_cast<uint8_t*>(p));
}

[[noreturn]] void Fail(const std::string& path, const char* what) {
  throw std::runtime_error(path + ": " + what + ": " + std::strerror(errno));
}

// Pseudo-random contents, so a device or file system that compresses sees no easy data.
void WriteFile(const std::string& path, int fd, uint64_t bytes, uint8_t* block) {
  std::mt19937_64 random(42);
  for (uint64_t i = 0; i < kBlock / 8; ++i) {
    const uint64_t word = random();
    std::memcpy(block + 8 * i, &word, 8);
  }
  for (uint64_t at = 0; at < bytes; at += kBlock) {
    block[0] = static_cast<uint8_t>(at / kBlock);  // no two blocks alike
    if (pwrite(fd, block, kBlock, static_cast<off_t>(at)) != static_cast<ssize_t>(kBlock)) {
      Fail(path, "write");
    }
  }
  if (fsync(fd) != 0) Fail(path, "fsync");
}

// Seconds to read the whole file through fd; false when a read fails with EINVAL (O_DIRECT
// refused at read time).
bool TimeRead(int fd, uint64_t bytes, uint8_t* block, double* seconds) {
  const auto start = std::chrono::steady_clock::now();
  for (uint64_t at = 0; at < bytes; at += kBlock) {
    const ssize_t got = pread(fd, block, kBlock, static_cast<off_t>(at));
    if (got != static_cast<ssize_t>(kBlock)) return false;
  }
  *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return true;
}

// One trial's seconds: O_DIRECT when *method is "O_DIRECT", else buffered after eviction; a
// refused O_DIRECT switches *method to the fallback and says why.
double OneTrial(const std::string& path, uint64_t bytes, uint8_t* block, std::string* method) {
  double seconds = 0;
  if (*method == "O_DIRECT") {
    const int fd = open(path.c_str(), O_RDONLY | O_DIRECT | O_CLOEXEC);
    const int open_errno = errno;
    const bool ok = fd >= 0 && TimeRead(fd, bytes, block, &seconds);
    const int read_errno = errno;
    if (fd >= 0) close(fd);
    if (ok) return seconds;
    *method = std::string("buffered after eviction (O_DIRECT: ") +
              std::strerror(fd < 0 ? open_errno : read_errno) + ")";
  }
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) Fail(path, "open");
  posix_fadvise(fd, 0, static_cast<off_t>(bytes), POSIX_FADV_DONTNEED);
  const bool ok = TimeRead(fd, bytes, block, &seconds);
  close(fd);
  if (!ok) Fail(path, "read");
  return seconds;
}

}  // namespace

DiskReadRate MeasureDiskReadRate(const std::string& dir, uint64_t bytes, int trials) {
  DiskReadRate rate;
  rate.dir = dir;
  rate.file_bytes = std::max<uint64_t>(kBlock, (bytes + kBlock - 1) / kBlock * kBlock);
  rate.method = "O_DIRECT";
  std::string path = (dir.empty() ? std::string(".") : dir) + "/.cost-disk-read-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) Fail(path, "create");
  AlignedBuffer block = Allocate();
  try {
    WriteFile(path, fd, rate.file_bytes, block.get());
  } catch (...) {
    close(fd);
    unlink(path.c_str());
    throw;
  }
  close(fd);
  try {
    for (int t = 0; t < std::max(1, trials); ++t) {
      const double seconds = OneTrial(path, rate.file_bytes, block.get(), &rate.method);
      if (seconds > 0) {
        rate.bytes_per_second =
            std::max(rate.bytes_per_second, static_cast<double>(rate.file_bytes) / seconds);
      }
    }
  } catch (...) {
    unlink(path.c_str());
    throw;
  }
  unlink(path.c_str());
  return rate;
}

}  // namespace cost::harness
