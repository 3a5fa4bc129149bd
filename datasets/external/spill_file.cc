// Spill files; see spill_file.h.
#include "datasets/external/spill_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "datasets/dataset_error.h"

namespace cost::datasets {

SpillFile::SpillFile(std::string path, uint64_t buffer_bytes)
    : path_(std::move(path)),
      fd_(::open(path_.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600)),
      buffer_bytes_(buffer_bytes) {
  if (!fd_.valid()) throw DatasetError(path_ + ": " + std::strerror(errno));
}

SpillFile::~SpillFile() {
  fd_.Reset();
  ::unlink(path_.c_str());
}

void SpillFile::Write(const void* data, uint64_t bytes) {
  if (buffer_.size() + bytes > buffer_bytes_) Flush();
  if (bytes >= buffer_bytes_) {
    WriteAll(fd_.get(), data, bytes, path_);
  } else {
    if (buffer_.capacity() == 0) buffer_.reserve(buffer_bytes_);
    const char* p = static_cast<const char*>(data);
    buffer_.insert(buffer_.end(), p, p + bytes);
  }
  bytes_ += bytes;
}

void SpillFile::Flush() {
  if (buffer_.empty()) return;
  WriteAll(fd_.get(), buffer_.data(), buffer_.size(), path_);
  buffer_.clear();
}

void SpillFile::Finish() {
  Flush();
  buffer_ = {};
}

void SpillFile::Read(uint64_t offset, void* out, uint64_t bytes) const {
  PreadExactly(fd_.get(), out, bytes, offset, path_);
}

}  // namespace cost::datasets
