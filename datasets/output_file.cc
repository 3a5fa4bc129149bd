// Atomic output files and whole-file input, with gzip through zlib.
#include "datasets/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "datasets/dataset_error.h"

namespace cost::datasets {
namespace {

constexpr size_t kBufferBytes = 1 << 20;

[[noreturn]] void Fail(const std::string& path, const std::string& reason) {
  throw DatasetError(path + ": " + reason);
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

OutputFile::OutputFile(std::string path)
    : path_(std::move(path)), temp_path_(path_ + ".tmp.XXXXXX") {
  fd_ = ::mkstemp(temp_path_.data());
  if (fd_ < 0) Fail(path_, std::string("cannot create temp file: ") + std::strerror(errno));
  ::fchmod(fd_, 0644);
  if (EndsWith(path_, ".gz")) {
    // gzdopen owns a dup, so that closing either side leaves the other valid.
    const int dup = ::dup(fd_);
    gz_ = dup < 0 ? nullptr : ::gzdopen(dup, "wb6");
    if (gz_ == nullptr) {
      if (dup >= 0) ::close(dup);
      ::close(fd_);
      ::unlink(temp_path_.c_str());
      Fail(path_, "cannot start gzip stream");
    }
  }
  buffer_.reserve(kBufferBytes);
}

OutputFile::~OutputFile() {
  if (gz_ != nullptr) ::gzclose(static_cast<gzFile>(gz_));
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temp_path_.c_str());
}

void OutputFile::Write(std::string_view bytes) {
  if (buffer_.size() + bytes.size() > kBufferBytes) Flush();
  if (bytes.size() >= kBufferBytes) {
    buffer_.assign(bytes);
    Flush();
    return;
  }
  buffer_.append(bytes);
}

void OutputFile::Flush() {
  const char* p = buffer_.data();
  size_t left = buffer_.size();
  if (gz_ != nullptr) {
    while (left > 0) {
      const unsigned chunk = static_cast<unsigned>(std::min<size_t>(left, 1u << 30));
      if (::gzwrite(static_cast<gzFile>(gz_), p, chunk) != static_cast<int>(chunk)) {
        Fail(path_, "gzip write failed");
      }
      p += chunk;
      left -= chunk;
    }
  }
  while (gz_ == nullptr && left > 0) {
    const ssize_t n = ::write(fd_, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) Fail(path_, std::string("write: ") + std::strerror(errno));
    p += n;
    left -= static_cast<size_t>(n);
  }
  buffer_.clear();
}

void OutputFile::Commit() {
  Flush();
  if (gz_ != nullptr) {
    const int rc = ::gzclose(static_cast<gzFile>(gz_));
    gz_ = nullptr;
    if (rc != Z_OK) Fail(path_, "gzip close failed");
  }
  if (::fsync(fd_) != 0) Fail(path_, std::string("fsync: ") + std::strerror(errno));
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    Fail(path_, std::string("rename: ") + std::strerror(errno));
  }
  committed_ = true;
}

bool IsGzipFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  unsigned char magic[2] = {0, 0};
  const ssize_t got = ::pread(fd, magic, 2, 0);
  ::close(fd);
  return got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
}

std::string ReadWholeInput(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) Fail(path, std::strerror(errno));
  if (S_ISDIR(st.st_mode)) Fail(path, "is a directory");
  // gzread passes files without the gzip magic through unchanged.
  gzFile gz = ::gzopen(path.c_str(), "rb");
  if (gz == nullptr) Fail(path, std::strerror(errno ? errno : ENOMEM));
  ::gzbuffer(gz, 1 << 17);
  std::string text;
  text.reserve(static_cast<size_t>(st.st_size));
  char chunk[1 << 16];
  for (;;) {
    const int n = ::gzread(gz, chunk, sizeof chunk);
    if (n > 0) {
      text.append(chunk, static_cast<size_t>(n));
      continue;
    }
    int code = Z_OK;
    const char* message = ::gzerror(gz, &code);
    if (n < 0 || (code != Z_OK && code != Z_STREAM_END)) {
      const std::string reason = "corrupt or truncated gzip stream (" +
                                 std::string(message ? message : "unknown") +
                                 ") at uncompressed byte offset " + std::to_string(text.size());
      ::gzclose(gz);
      Fail(path, reason);
    }
    break;
  }
  ::gzclose(gz);
  return text;
}

}  // namespace cost::datasets
