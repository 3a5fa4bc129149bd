// The section-by-section writer; see graph_file_writer.h.
#include "datasets/graph_file_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <string>
#include <utility>

#include "datasets/dataset_error.h"
#include "datasets/graph_file_format.h"
#include "datasets/output_file.h"
#include "datasets/posix_io.h"

namespace cost::datasets {
namespace {

constexpr uint64_t kAppended = std::numeric_limits<uint64_t>::max();
// The first section starts after the header and the largest table.
constexpr uint64_t kFirstSectionOffset =
    (sizeof(FileHeaderV2) + kMaxSectionEntries * sizeof(SectionEntryV2) + kSectionAlignment - 1) /
    kSectionAlignment * kSectionAlignment;

[[noreturn]] void FailErrno(const std::string& path, const std::string& what) {
  throw DatasetError(path + ": " + what + ": " + std::strerror(errno));
}

}  // namespace

SectionStream::SectionStream(GraphFileWriter* writer, size_t record, uint64_t buffer_bytes)
    : writer_(writer),
      record_(record),
      buffer_bytes_(std::max<uint64_t>(buffer_bytes, 4096)),
      hash_(XXH64_createState(), XXH64_freeState) {
  XXH64_reset(hash_.get(), 0);
  buffer_.reserve(buffer_bytes_);
}

SectionStream::SectionStream(SectionStream&&) noexcept = default;
SectionStream& SectionStream::operator=(SectionStream&&) noexcept = default;
SectionStream::~SectionStream() = default;

void SectionStream::Write(const void* data, uint64_t bytes) {
  const char* p = static_cast<const char*>(data);
  written_ += bytes;
  while (bytes > 0) {
    const uint64_t take = std::min<uint64_t>(bytes, buffer_bytes_ - buffer_.size());
    buffer_.insert(buffer_.end(), p, p + take);
    p += take;
    bytes -= take;
    if (buffer_.size() == buffer_bytes_) Flush();
  }
}

void SectionStream::Flush() {
  if (buffer_.empty()) return;
  const GraphFileWriter::Record& record = writer_->records_[record_];
  if (record.reserved != kAppended && flushed_ + buffer_.size() > record.reserved) {
    throw DatasetError(writer_->path_ + ": section '" + SectionKindName(record.kind) +
                       "' overflows its " + std::to_string(record.reserved) + " bytes");
  }
  XXH64_update(hash_.get(), buffer_.data(), buffer_.size());
  PwriteAll(writer_->fd_, buffer_.data(), buffer_.size(), record.offset + flushed_, writer_->path_);
  flushed_ += buffer_.size();
  buffer_.clear();
}

void SectionStream::Close() {
  Flush();
  writer_->CloseRecord(record_, flushed_, XXH64_digest(hash_.get()));
  buffer_ = {};
}

GraphFileWriter::GraphFileWriter(std::string path, uint64_t num_vertices, bool symmetric)
    : path_(std::move(path)),
      temp_path_(path_ + ".tmp.XXXXXX"),
      num_vertices_(num_vertices),
      symmetric_(symmetric),
      end_(kFirstSectionOffset) {
  fd_ = ::mkstemp(temp_path_.data());
  if (fd_ < 0) FailErrno(path_, "cannot create temp file");
  ::fchmod(fd_, NewFileMode());  // mkstemp's 0600 would hide the file from other users
}

GraphFileWriter::~GraphFileWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temp_path_.c_str());
}

size_t GraphFileWriter::Place(SectionKind kind, uint64_t reserved) {
  if (appending_) {
    throw DatasetError(path_ + ": section '" + SectionKindName(kind) +
                       "' placed while an appended section is open");
  }
  for (const Record& r : records_) {
    if (r.kind == kind) {
      throw DatasetError(path_ + ": section '" + SectionKindName(kind) + "' written twice");
    }
  }
  if (records_.size() == kMaxSectionEntries) throw DatasetError(path_ + ": too many sections");
  Record record{.kind = kind, .offset = AlignToSection(end_), .reserved = reserved};
  if (reserved != kAppended) end_ = record.offset + reserved;
  records_.push_back(record);
  return records_.size() - 1;
}

void GraphFileWriter::Reserve(SectionKind kind, uint64_t bytes) { Place(kind, bytes); }

SectionStream GraphFileWriter::Open(SectionKind kind, uint64_t buffer_bytes) {
  for (size_t i = 0; i < records_.size(); ++i) {
    Record& r = records_[i];
    if (r.kind != kind || r.reserved == kAppended) continue;
    if (r.opened) {
      throw DatasetError(path_ + ": section '" + SectionKindName(kind) + "' opened twice");
    }
    r.opened = true;
    return SectionStream(this, i, buffer_bytes);
  }
  throw DatasetError(path_ + ": section '" + std::string(SectionKindName(kind)) +
                     "' was not reserved");
}

SectionStream GraphFileWriter::Append(SectionKind kind, uint64_t buffer_bytes) {
  const size_t record = Place(kind, kAppended);
  records_[record].opened = true;
  appending_ = true;
  return SectionStream(this, record, buffer_bytes);
}

void GraphFileWriter::CloseRecord(size_t index, uint64_t bytes, uint64_t checksum) {
  Record& r = records_[index];
  if (r.reserved == kAppended) {
    appending_ = false;
    end_ = r.offset + bytes;
  } else if (bytes != r.reserved) {
    throw DatasetError(path_ + ": section '" + SectionKindName(r.kind) + "' got " +
                       std::to_string(bytes) + " of its " + std::to_string(r.reserved) + " bytes");
  }
  r.bytes = bytes;
  r.checksum = checksum;
  r.closed = true;
}

void GraphFileWriter::ReadBack(SectionKind kind, uint64_t offset, void* out, uint64_t bytes) const {
  for (const Record& r : records_) {
    if (r.kind != kind || !r.closed) continue;
    if (offset > r.bytes || bytes > r.bytes - offset) break;
    PreadExactly(fd_, out, bytes, r.offset + offset, temp_path_);
    return;
  }
  throw DatasetError(path_ + ": cannot read back section '" + SectionKindName(kind) + "'");
}

void GraphFileWriter::Commit(uint64_t num_edges) {
  std::vector<Record> sorted = records_;
  std::sort(sorted.begin(), sorted.end(),
            [](const Record& a, const Record& b) { return a.kind < b.kind; });
  std::vector<SectionEntryV2> table;
  uint64_t file_bytes = kFirstSectionOffset;
  for (const Record& r : sorted) {
    if (!r.closed) {
      throw DatasetError(path_ + ": section '" + SectionKindName(r.kind) + "' was not written");
    }
    table.push_back({.kind = static_cast<uint32_t>(r.kind),
                     .reserved = 0,
                     .offset = r.offset,
                     .bytes = r.bytes,
                     .checksum = r.checksum});
    file_bytes = std::max(file_bytes, r.offset + r.bytes);
  }
  FileHeaderV2 header{};
  std::memcpy(header.prefix.magic, kGraphFileMagic, sizeof header.prefix.magic);
  header.prefix.version = 2;
  header.prefix.flags = symmetric_ ? kGraphFileFlagSymmetric : 0;
  header.prefix.num_vertices = num_vertices_;
  header.prefix.num_edges = num_edges;
  header.prefix.file_bytes = file_bytes;
  header.section_count = static_cast<uint32_t>(table.size());
  header.content_checksum = ContentChecksum(header, table);
  header.header_checksum = HeaderChecksum(header, table);
  // The file may end before the header area's end only for a file without sections, which
  // never happens (ids, degrees and metadata are always there); extend it anyway.
  if (::ftruncate(fd_, static_cast<off_t>(file_bytes)) != 0) FailErrno(path_, "truncate");
  PwriteAll(fd_, &header, sizeof header, 0, path_);
  PwriteAll(fd_, table.data(), table.size() * sizeof(SectionEntryV2), sizeof header, path_);
  MoveFileIntoPlace(temp_path_, path_);  // the one atomic rename of datasets/output_file.h
  committed_ = true;
}

namespace {
constexpr uint64_t kChunkValues = uint64_t{1} << 16;
}  // namespace

void WriteDegreesFromOffsets(std::span<const uint64_t> offsets, SectionStream* out) {
  std::vector<uint32_t> chunk;
  chunk.reserve(kChunkValues);
  for (uint64_t v = 0; v + 1 < offsets.size(); ++v) {
    chunk.push_back(static_cast<uint32_t>(offsets[v + 1] - offsets[v]));
    if (chunk.size() == kChunkValues) {
      out->Write(std::span<const uint32_t>(chunk));
      chunk.clear();
    }
  }
  out->Write(std::span<const uint32_t>(chunk));
}

void WriteIdentityIds(uint64_t num_vertices, SectionStream* out) {
  std::vector<uint64_t> chunk;
  chunk.reserve(kChunkValues);
  for (uint64_t v = 0; v < num_vertices; ++v) {
    chunk.push_back(v);
    if (chunk.size() == kChunkValues) {
      out->Write(std::span<const uint64_t>(chunk));
      chunk.clear();
    }
  }
  out->Write(std::span<const uint64_t>(chunk));
}

}  // namespace cost::datasets
