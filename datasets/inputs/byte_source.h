// One pass over an input's bytes: a regular file, a FIFO or a pipe (/dev/stdin, <(...)), opened
// once and read front to back once, gunzipped when it starts with the gzip magic; or a buffer
// already in memory. Format detection peeks at the first bytes through the same source, so
// nothing read from a pipe is lost (reading a pipe twice would start the second pass where the
// first stopped, and reopening a FIFO whose writer finished would wait for a writer forever).
#ifndef COST_DATASETS_INPUTS_BYTE_SOURCE_H_
#define COST_DATASETS_INPUTS_BYTE_SOURCE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "datasets/posix_io.h"

namespace cost::datasets {

class ByteSource {
 public:
  // Opens the file. Throws DatasetError("PATH: reason") when it is missing, unreadable, a
  // directory, or a device (e.g. /dev/zero: endless bytes that no format ends).
  explicit ByteSource(std::string path);
  // Reads `text`, which must outlive the source; `name` stands for the path in errors.
  ByteSource(std::string_view text, std::string name);
  ~ByteSource();
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  // Up to `bytes` bytes; 0 only at the end. Throws DatasetError naming the path and the
  // uncompressed byte offset for a read error or a corrupt or truncated gzip stream.
  uint64_t Read(char* out, uint64_t bytes);
  // The first `bytes` bytes (fewer when the input is shorter), without consuming them: the next
  // Read returns them again. Only before the first Read.
  std::string_view Peek(uint64_t bytes);

  const std::string& path() const { return path_; }
  // Whether the input starts with the gzip magic (peeks at it: only before the first Read).
  bool gzip();
  bool regular_file() const { return regular_; }
  // The size of a regular file on disk (compressed, for gzip); 0 for pipes.
  uint64_t file_bytes() const { return file_bytes_; }
  // Bytes handed out by Read so far (uncompressed).
  uint64_t offset() const { return offset_; }

 private:
  uint64_t ReadRaw(char* out, uint64_t bytes);

  std::string path_;
  UniqueFd fd_;
  void* gz_ = nullptr;  // gzFile: zlib reads plain files through unchanged
  std::string_view memory_;
  bool in_memory_ = false;
  bool regular_ = false;
  uint64_t file_bytes_ = 0;
  uint64_t offset_ = 0;
  std::string peeked_;
  uint64_t peeked_used_ = 0;
};

}  // namespace cost::datasets

#endif  // COST_DATASETS_INPUTS_BYTE_SOURCE_H_
