// Blocks of whole lines; see line_blocks.h.
#include "datasets/inputs/line_blocks.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "datasets/dataset_error.h"

namespace cost::datasets {

LineBlockReader::LineBlockReader(ByteSource* source, uint64_t chunk_bytes, uint64_t max_line_bytes)
    : source_(source),
      chunk_bytes_(std::max<uint64_t>(1, chunk_bytes)),
      max_line_bytes_(max_line_bytes),
      buffer_(chunk_bytes_) {}

bool LineBlockReader::Next(std::string_view* block, uint64_t* first_line) {
  // Keep what the last block left (a partial line) at the front.
  std::memmove(buffer_.data(), buffer_.data() + consumed_, filled_ - consumed_);
  filled_ -= consumed_;
  consumed_ = 0;
  for (;;) {
    while (!at_end_ && filled_ < buffer_.size()) {
      const uint64_t got = source_->Read(buffer_.data() + filled_, buffer_.size() - filled_);
      if (got == 0) at_end_ = true;
      filled_ += got;
    }
    if (filled_ == 0) return false;
    const std::string_view text(buffer_.data(), filled_);
    const size_t last_newline = text.rfind('\n');
    if (at_end_ || last_newline != std::string_view::npos) {
      *block = at_end_ ? text : text.substr(0, last_newline + 1);
      break;
    }
    // One line fills the buffer: grow it, up to the limit.
    if (buffer_.size() >= max_line_bytes_) {
      throw DatasetError(source_->path() + ":" + std::to_string(next_line_) +
                         ": line longer than " + std::to_string(max_line_bytes_) + " bytes");
    }
    buffer_.resize(std::min<uint64_t>(2 * buffer_.size(), max_line_bytes_));
  }
  consumed_ = block->size();
  *first_line = next_line_;
  next_line_ += static_cast<uint64_t>(std::count(block->begin(), block->end(), '\n'));
  ends_mid_line_ = block->back() != '\n';
  return true;
}

}  // namespace cost::datasets
