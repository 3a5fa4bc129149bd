// Reading an input once; see byte_source.h.
#include "datasets/inputs/byte_source.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "datasets/dataset_error.h"
#include "datasets/external/interrupt.h"

namespace cost::datasets {
namespace {

// zlib names the stream "<fd:N>" when it was opened from a descriptor: say the path instead.
std::string GzipMessage(const char* message, const std::string& path) {
  std::string text = message ? message : "unknown";
  if (text.rfind("<fd:", 0) == 0) {
    const size_t colon = text.find(": ");
    if (colon != std::string::npos) text = path + text.substr(colon);
  }
  return text;
}

}  // namespace

ByteSource::ByteSource(std::string path) : path_(std::move(path)), fd_(OpenForReading(path_)) {
  struct stat st;
  if (::fstat(fd_.get(), &st) != 0) throw DatasetError(path_ + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw DatasetError(path_ + ": is a directory");
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
    throw DatasetError(path_ + ": a device, not a file or a pipe");
  }
  regular_ = S_ISREG(st.st_mode);
  file_bytes_ = regular_ ? static_cast<uint64_t>(st.st_size) : 0;
  // gzdopen owns a duplicate, so closing either side leaves the other valid.
  const int dup = ::dup(fd_.get());
  gz_ = dup < 0 ? nullptr : ::gzdopen(dup, "rb");
  if (gz_ == nullptr) {
    if (dup >= 0) ::close(dup);
    throw DatasetError(path_ + ": cannot start reading: " + std::strerror(errno ? errno : ENOMEM));
  }
  ::gzbuffer(static_cast<gzFile>(gz_), 1 << 17);
}

ByteSource::ByteSource(std::string_view text, std::string name)
    : path_(std::move(name)), memory_(text), in_memory_(true) {}

ByteSource::~ByteSource() {
  if (gz_ != nullptr) ::gzclose(static_cast<gzFile>(gz_));
}

uint64_t ByteSource::ReadRaw(char* out, uint64_t bytes) {
  if (in_memory_) {
    const uint64_t take = std::min<uint64_t>(bytes, memory_.size());
    std::memcpy(out, memory_.data(), take);
    memory_.remove_prefix(take);
    return take;
  }
  gzFile gz = static_cast<gzFile>(gz_);
  uint64_t done = 0;
  while (done < bytes) {
    const unsigned ask = static_cast<unsigned>(std::min<uint64_t>(bytes - done, 1u << 30));
    const int n = ::gzread(gz, out + done, ask);
    if (n > 0) {
      done += static_cast<uint64_t>(n);
      continue;
    }
    int code = Z_OK;
    const char* message = ::gzerror(gz, &code);
    if (n < 0 || (code != Z_OK && code != Z_STREAM_END)) {
      ThrowIfInterrupted(path_);  // a signal ended a blocked read of a pipe
      const bool plain = ::gzdirect(gz) != 0;
      throw DatasetError(path_ +
                         (plain ? ": read error (" : ": corrupt or truncated gzip stream (") +
                         GzipMessage(message, path_) +
                         (plain ? ") at byte offset " : ") at uncompressed byte offset ") +
                         std::to_string(offset_ + done));
    }
    break;
  }
  return done;
}

std::string_view ByteSource::Peek(uint64_t bytes) {
  if (peeked_.size() < bytes && peeked_used_ == 0 && offset_ == 0) {
    const uint64_t have = peeked_.size();
    peeked_.resize(bytes);
    peeked_.resize(have + ReadRaw(peeked_.data() + have, bytes - have));
  }
  return std::string_view(peeked_).substr(0, bytes);
}

bool ByteSource::gzip() {
  if (in_memory_) return false;
  Peek(1);  // zlib looks at the stream's first bytes when it is first read
  return ::gzdirect(static_cast<gzFile>(gz_)) == 0;
}

uint64_t ByteSource::Read(char* out, uint64_t bytes) {
  uint64_t done = 0;
  if (peeked_used_ < peeked_.size()) {
    done = std::min<uint64_t>(bytes, peeked_.size() - peeked_used_);
    std::memcpy(out, peeked_.data() + peeked_used_, done);
    peeked_used_ += done;
    if (peeked_used_ == peeked_.size()) peeked_ = {};
  }
  if (done < bytes) done += ReadRaw(out + done, bytes - done);
  offset_ += done;
  return done;
}

}  // namespace cost::datasets
