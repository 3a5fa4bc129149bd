// A file of the temp folder written once, front to back, through a bounded buffer (write()), and
// read back with pread: never mapped, so that its pages stay in the page cache and out of the
// preparation's resident set. Removed when the object goes.
#ifndef COST_DATASETS_EXTERNAL_SPILL_FILE_H_
#define COST_DATASETS_EXTERNAL_SPILL_FILE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "datasets/posix_io.h"

namespace cost::datasets {

class SpillFile {
 public:
  static constexpr uint64_t kDefaultBufferBytes = uint64_t{1} << 20;

  // Creates the file (it must not exist). Throws DatasetError naming it when it cannot.
  explicit SpillFile(std::string path, uint64_t buffer_bytes = kDefaultBufferBytes);
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  // Appends; writes of the buffer's size or more go straight to the file.
  void Write(const void* data, uint64_t bytes);
  // Flushes what is buffered; the file may be read from then on.
  void Finish();
  // pread of bytes the file holds. Throws DatasetError naming the file otherwise.
  void Read(uint64_t offset, void* out, uint64_t bytes) const;

  uint64_t bytes() const { return bytes_; }
  const std::string& path() const { return path_; }

 private:
  void Flush();

  std::string path_;
  UniqueFd fd_;
  uint64_t buffer_bytes_;
  std::vector<char> buffer_;
  uint64_t bytes_ = 0;  // written or buffered
};

}  // namespace cost::datasets

#endif  // COST_DATASETS_EXTERNAL_SPILL_FILE_H_
