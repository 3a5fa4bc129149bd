// Thin helpers over POSIX descriptors for the readers and writers of datasets/: a descriptor
// closed on every way out, and pread/pwrite/read loops that finish the transfer or throw a
// DatasetError naming the file.
#ifndef COST_DATASETS_POSIX_IO_H_
#define COST_DATASETS_POSIX_IO_H_

#include <cstdint>
#include <string>
#include <utility>

namespace cost::datasets {

class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    if (this != &other) {
      Reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  ~UniqueFd() { Reset(); }

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  void Reset();

 private:
  int fd_ = -1;
};

// Opens `path` read-only; throws DatasetError("PATH: reason") when it cannot.
UniqueFd OpenForReading(const std::string& path);

// pread until `bytes` bytes are read; returns fewer only at the end of the file.
uint64_t PreadUpTo(int fd, void* out, uint64_t bytes, uint64_t offset, const std::string& path);
// pread exactly `bytes` bytes; throws DatasetError naming the path and offset when it cannot.
void PreadExactly(int fd, void* out, uint64_t bytes, uint64_t offset, const std::string& path);
// read() until `bytes` are read or the end of the input; returns the bytes read.
uint64_t ReadUpTo(int fd, void* out, uint64_t bytes, const std::string& path);
// write() or pwrite() everything; throws DatasetError naming the path (e.g. "No space left").
void WriteAll(int fd, const void* data, uint64_t bytes, const std::string& path);
void PwriteAll(int fd, const void* data, uint64_t bytes, uint64_t offset, const std::string& path);

}  // namespace cost::datasets

#endif  // COST_DATASETS_POSIX_IO_H_
