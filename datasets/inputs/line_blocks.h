// Text inputs as blocks of whole lines, for parsers that parse a block's lines in parallel: the
// source is read a chunk at a time and cut after the chunk's last newline; the rest starts the
// next block. Memory stays at about one chunk, however long the input: a line longer than
// max_line_bytes (a binary file read as text, /dev/zero behind a pipe, a gzip bomb of one line)
// is an error naming the line, not a buffer that grows until memory runs out.
#ifndef COST_DATASETS_INPUTS_LINE_BLOCKS_H_
#define COST_DATASETS_INPUTS_LINE_BLOCKS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "datasets/inputs/byte_source.h"

namespace cost::datasets {

inline constexpr uint64_t kMaxLineBytes = uint64_t{1} << 20;
// Text read at a time by the whole-file loaders.
inline constexpr uint64_t kDefaultTextChunk = uint64_t{16} << 20;

class LineBlockReader {
 public:
  // chunk_bytes: how much is read at a time (tests make it tiny to cut lines anywhere).
  LineBlockReader(ByteSource* source, uint64_t chunk_bytes,
                  uint64_t max_line_bytes = kMaxLineBytes);

  // The next block of whole lines (the input's last line may lack its '\n'); false at the end.
  // *first_line is the 1-based number of the block's first line. The view stays valid until the
  // next call. Throws DatasetError("PATH:LINE: line longer than N bytes").
  bool Next(std::string_view* block, uint64_t* first_line);

  // Lines handed out so far (a last line without '\n' counts).
  uint64_t lines() const { return next_line_ - 1 + (ends_mid_line_ ? 1 : 0); }
  // Bytes the reader holds (its buffer).
  uint64_t buffer_bytes() const { return buffer_.capacity(); }

 private:
  ByteSource* source_;
  uint64_t chunk_bytes_, max_line_bytes_;
  std::vector<char> buffer_;
  uint64_t filled_ = 0, consumed_ = 0;  // buffer_[consumed_, filled_) is not handed out yet
  uint64_t next_line_ = 1;
  bool at_end_ = false;
  bool ends_mid_line_ = false;  // the last block handed out did not end with '\n'
};

}  // namespace cost::datasets

#endif  // COST_DATASETS_INPUTS_LINE_BLOCKS_H_
