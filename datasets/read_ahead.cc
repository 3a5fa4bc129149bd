// Reading a file's range ahead of its consumer; see read_ahead.h.
#include "datasets/read_ahead.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "datasets/dataset_error.h"

namespace cost::datasets {
namespace {

// O_DIRECT needs the buffer, the file offset and the length aligned to the device's logical
// block; a page is a multiple of every block size Linux file systems use.
constexpr uint64_t kAlign = 4096;

uint64_t RoundUp(uint64_t x) { return (x + kAlign - 1) / kAlign * kAlign; }
uint64_t RoundDown(uint64_t x) { return x / kAlign * kAlign; }

struct ReadAheadGeometry {
  uint64_t piece_bytes = 0, slack_bytes = 0, slot_bytes = 0, slots = 0;
};

// O_DIRECT where the file system takes it; buffered otherwise. Some refuse it at open (EINVAL),
// others only at the first read, so one aligned block at `offset` is read into `probe` (aligned,
// kAlign bytes) before the descriptor is trusted with direct reads.
UniqueFd OpenDirectOrBuffered(const std::string& path, uint64_t offset, void* probe, bool* direct) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECT | O_CLOEXEC);
  *direct = fd >= 0;
  if (fd >= 0) {
    UniqueFd direct_fd(fd);
    ssize_t n;
    do {
      n = ::pread(fd, probe, kAlign, static_cast<off_t>(RoundDown(offset)));
    } while (n < 0 && errno == EINTR);
    if (n >= 0) return direct_fd;
    *direct = false;
  }
  return OpenForReading(path);  // its error names the path when this fails too
}

// A piece is never longer than the range (one piece then holds it all, whatever its alignment),
// and the ring has no more slots than the range has pieces; one piece carries nothing before it.
ReadAheadGeometry GeometryOf(const ReadAheadOptions& options, uint64_t bytes) {
  ReadAheadGeometry g;
  g.piece_bytes = RoundUp(std::max<uint64_t>(std::min(options.piece_bytes, bytes + kAlign - 1), 1));
  const uint64_t most_pieces = (bytes + kAlign - 1 + g.piece_bytes - 1) / g.piece_bytes;
  g.slack_bytes = most_pieces > 1 ? RoundUp(options.slack_bytes) : 0;
  g.slot_bytes = g.slack_bytes + g.piece_bytes;
  g.slots = std::max<uint64_t>(std::min<uint64_t>(std::max(options.slots, 3u), most_pieces), 1);
  return g;
}

}  // namespace

uint64_t ReadAhead::RingBytes(const ReadAheadOptions& options, uint64_t bytes) {
  const ReadAheadGeometry g = GeometryOf(options, bytes);
  return g.slots * g.slot_bytes;
}

ReadAhead::ReadAhead(const std::string& path, uint64_t offset, uint64_t bytes,
                     const ReadAheadOptions& options)
    : path_(path), offset_(offset), bytes_(bytes) {
  const ReadAheadGeometry g = GeometryOf(options, bytes);
  piece_bytes_ = g.piece_bytes;
  slack_bytes_ = g.slack_bytes;
  slot_bytes_ = g.slot_bytes;
  slots_ = g.slots;
  ring_ = LargeBuffer(slots_ * slot_bytes_ / sizeof(uint64_t));  // page-aligned, >= kAlign bytes
  fd_ = OpenDirectOrBuffered(path, offset, ring_.data(), &direct_);
  struct stat st {};
  if (::fstat(fd_.get(), &st) != 0) {
    throw DatasetError(path + ": cannot stat: " + std::strerror(errno));
  }
  if (offset + bytes > static_cast<uint64_t>(st.st_size)) {
    throw DatasetError(path + ": bytes [" + std::to_string(offset) + ", " +
                       std::to_string(offset + bytes) + ") lie past the end of the file (" +
                       std::to_string(st.st_size) + " bytes)");
  }
  const uint64_t first = RoundDown(offset_);
  pieces_ = bytes_ == 0 ? 0 : (offset_ + bytes_ - first + piece_bytes_ - 1) / piece_bytes_;
}

uint64_t ReadAhead::FileStart(uint64_t i) const { return RoundDown(offset_) + i * piece_bytes_; }

uint8_t* ReadAhead::Slot(uint64_t i) const {
  return reinterpret_cast<uint8_t*>(ring_.data()) + (i % slots_) * slot_bytes_;
}

void ReadAhead::Start() {
  Stop();
  {
    std::lock_guard<std::mutex> lock(mu_);
    read_ = taken_ = released_ = 0;
    stop_ = false;
    error_ = nullptr;
  }
  reader_ = std::thread([this] { ReadPieces(); });
}

void ReadAhead::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  changed_.notify_all();
  if (reader_.joinable()) reader_.join();
}

std::span<uint8_t> ReadAhead::Next() {
  std::unique_lock<std::mutex> lock(mu_);
  if (taken_ == pieces_) throw std::logic_error("ReadAhead::Next past the last piece");
  changed_.wait(lock, [this] { return read_ > taken_ || error_ != nullptr; });
  if (read_ <= taken_) std::rethrow_exception(error_);
  const uint64_t i = taken_++;
  const uint64_t start = std::max(FileStart(i), offset_);
  const uint64_t end = std::min(FileStart(i) + piece_bytes_, offset_ + bytes_);
  return {Slot(i) + slack_bytes_ + (start - FileStart(i)), end - start};
}

void ReadAhead::Release() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (released_ == taken_) throw std::logic_error("ReadAhead::Release of no piece");
    ++released_;
  }
  changed_.notify_all();
}

void ReadAhead::ReadPieces() {
  for (uint64_t i = 0; i < pieces_; ++i) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      changed_.wait(lock, [&] { return stop_ || i - released_ < slots_; });
      if (stop_) return;
    }
    try {
      ReadPiece(i);
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu_);
      error_ = std::current_exception();
      changed_.notify_all();
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      read_ = i + 1;
    }
    changed_.notify_all();
  }
}

void ReadAhead::ReadPiece(uint64_t i) {
  const uint64_t start = FileStart(i);
  const uint64_t needed = std::min(start + piece_bytes_, offset_ + bytes_) - start;
  const uint64_t want = RoundUp(needed);  // O_DIRECT lengths are whole blocks
  uint8_t* out = Slot(i) + slack_bytes_;
  uint64_t done = 0;
  while (done < needed) {
    const ssize_t n = ::pread(fd_.get(), out + done, want - done, static_cast<off_t>(start + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      throw DatasetError(path_ + ": read at byte offset " + std::to_string(start + done) + ": " +
                         std::strerror(errno));
    }
    done += static_cast<uint64_t>(n);
    // A read of less than whole blocks, or of nothing, ended at the end of the file (and another
    // at the unaligned offset after it would fail with EINVAL, not 0).
    if (done < needed && (n == 0 || n % static_cast<ssize_t>(kAlign) != 0)) {
      throw DatasetError(path_ + ": unexpected end of file at byte offset " +
                         std::to_string(start + done));
    }
  }
  // Buffered reads went through the page cache: drop what was read, as a disk row asks.
  if (!direct_) {
    posix_fadvise(fd_.get(), static_cast<off_t>(start), static_cast<off_t>(want),
                  POSIX_FADV_DONTNEED);
  }
}

}  // namespace cost::datasets
