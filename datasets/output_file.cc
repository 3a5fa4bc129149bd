// Atomic output files and whole-file input, with gzip through zlib.
#include "datasets/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "datasets/dataset_error.h"

namespace cost::datasets {
namespace {

constexpr size_t kBufferBytes = 1 << 20;
// Larger single writes are split: write() and gzwrite() take at most about 2 GiB at once.
constexpr size_t kMaxWriteBytes = size_t{1} << 30;

[[noreturn]] void Fail(const std::string& path, const std::string& reason) {
  throw DatasetError(path + ": " + reason);
}

[[noreturn]] void FailErrno(const std::string& path, const std::string& what) {
  Fail(path, what + ": " + std::strerror(errno));
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Makes a rename into the folder durable; best effort, as some file systems refuse to fsync a
// folder and the file itself is already safe.
void SyncFolderOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

unsigned NewFileMode() {
  // The umask, read without changing it (umask(2) sets it, a race with other threads); Linux
  // reports it in /proc/self/status since 4.7. Without it, 022: the common default.
  static const unsigned mode = [] {
    unsigned mask = 022;
    FILE* status = std::fopen("/proc/self/status", "r");
    if (status != nullptr) {
      char line[256];
      while (std::fgets(line, sizeof line, status) != nullptr) {
        if (std::sscanf(line, "Umask: %o", &mask) == 1) break;
      }
      std::fclose(status);
    }
    return 0644u & ~mask;
  }();
  return mode;
}

namespace {

// The last step of every atomic write: `from` (already fsynced) replaces `to`.
void RenameIntoPlace(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) FailErrno(to, "rename");
  SyncFolderOf(to);
}

// gzdopen takes ownership of a dup of fd, so that closing either side leaves the other valid.
void* StartGzip(int fd) {
  const int dup = ::dup(fd);
  void* gz = dup < 0 ? nullptr : ::gzdopen(dup, "wb6");
  if (gz == nullptr && dup >= 0) ::close(dup);
  return gz;
}

}  // namespace

OutputFile::OutputFile(std::string path, Gzip gzip)
    : path_(std::move(path)), temp_path_(path_ + ".tmp.XXXXXX") {
  fd_ = ::mkstemp(temp_path_.data());
  if (fd_ < 0) FailErrno(path_, "cannot create temp file");
  ::fchmod(fd_, NewFileMode());  // mkstemp's 0600 would hide the file from other users
  if (gzip == Gzip::kByExtension && EndsWith(path_, ".gz")) {
    gz_ = StartGzip(fd_);
    if (gz_ == nullptr) {
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
    WriteThrough(bytes);  // a large block goes out as it is, never copied into the buffer
    return;
  }
  buffer_.append(bytes);
}

void OutputFile::Flush() {
  WriteThrough(buffer_);
  buffer_.clear();
}

void OutputFile::WriteThrough(std::string_view bytes) {
  while (!bytes.empty()) {
    const size_t chunk = std::min(bytes.size(), kMaxWriteBytes);
    if (gz_ != nullptr) {
      const unsigned n = static_cast<unsigned>(chunk);
      if (::gzwrite(static_cast<gzFile>(gz_), bytes.data(), n) != static_cast<int>(n)) {
        Fail(path_, "gzip write failed");
      }
      bytes.remove_prefix(chunk);
      continue;
    }
    const ssize_t n = ::write(fd_, bytes.data(), chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) FailErrno(path_, "write");
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

void OutputFile::WriteAt(uint64_t offset, std::string_view bytes) {
  if (gz_ != nullptr) Fail(path_, "cannot rewrite bytes of a gzip stream");
  Flush();
  while (!bytes.empty()) {
    const ssize_t n = ::pwrite(fd_, bytes.data(), std::min(bytes.size(), kMaxWriteBytes),
                               static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) FailErrno(path_, "write");
    bytes.remove_prefix(static_cast<size_t>(n));
    offset += static_cast<uint64_t>(n);
  }
}

void OutputFile::Commit() {
  Finish();
  RenameIntoPlace(temp_path_, path_);
  committed_ = true;
}

void OutputFile::Finish() {
  if (fd_ < 0) return;  // finished already
  Flush();
  if (gz_ != nullptr) {
    const int rc = ::gzclose(static_cast<gzFile>(gz_));
    gz_ = nullptr;
    if (rc != Z_OK) Fail(path_, "gzip close failed");
  }
  if (::fsync(fd_) != 0) FailErrno(path_, "fsync");
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) FailErrno(path_, "close");
}

namespace {

// Puts back what a group commit replaced: each published file's previous version (or nothing
// where there was none). Best effort: it runs on a path that is already failing.
void UndoPublished(const std::vector<std::string>& targets, const std::vector<std::string>& backups,
                   size_t published) {
  for (size_t i = published; i-- > 0;) {
    if (backups[i].empty()) {
      ::unlink(targets[i].c_str());
    } else {
      ::rename(backups[i].c_str(), targets[i].c_str());
    }
  }
}

}  // namespace

void CommitTogether(const std::vector<OutputFile*>& files) {
  for (OutputFile* file : files) file->Finish();  // a full disk fails here, before any rename
  std::vector<std::string> targets, backups(files.size());
  size_t published = 0;
  try {
    for (OutputFile* file : files) {
      const std::string& target = file->path_;
      targets.push_back(target);
      if (::access(target.c_str(), F_OK) == 0) {
        backups[published] = file->temp_path_ + ".old";
        if (::rename(target.c_str(), backups[published].c_str()) != 0) {
          backups[published].clear();
          FailErrno(target, "rename the previous version aside");
        }
      }
      if (::rename(file->temp_path_.c_str(), target.c_str()) != 0) {
        const int saved = errno;
        if (!backups[published].empty()) ::rename(backups[published].c_str(), target.c_str());
        errno = saved;
        FailErrno(target, "rename");
      }
      file->committed_ = true;
      ++published;
    }
  } catch (...) {
    UndoPublished(targets, backups, published);
    throw;
  }
  for (const std::string& backup : backups) {
    if (!backup.empty()) ::unlink(backup.c_str());
  }
  SyncFolderOf(targets.empty() ? std::string(".") : targets.front());
}

void WriteFileAtomically(const std::string& path, std::string_view bytes) {
  OutputFile file(path, Gzip::kNever);
  file.Write(bytes);
  file.Commit();
}

void MoveFileIntoPlace(const std::string& from, const std::string& to) {
  const int fd = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) FailErrno(to, "cannot open " + from);
  const int synced = ::fsync(fd);
  const int saved_errno = errno;
  ::close(fd);
  errno = saved_errno;
  if (synced != 0) FailErrno(to, "fsync " + from);
  RenameIntoPlace(from, to);
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
