// Reads a byte range of a file in pieces, ahead of the code that consumes them, for the streaming
// rows read from disk (compressed_arc_stream.h).
//
// Why a reader thread: a synchronous pread leaves the device idle while the piece is decoded and
// the decoder idle while the next piece is read, so a pass takes the sum of the two times instead
// of the larger; the kernel's readahead overlaps some of it, but only within its window and at the
// page cache's rate. Here one thread reads the next pieces into a ring of buffers while the
// consumer decodes the current one. Reads use O_DIRECT where the file system allows it: the
// device writes into the buffer by DMA, so the reader thread only waits (it does not copy), and
// the bytes never enter the page cache, which is what "storage: disk" asks of every pass. Where
// O_DIRECT is refused (tmpfs, some overlay file systems; at open or at a first probing read) the
// reads are buffered and each piece's pages are dropped from the page cache once read
// (POSIX_FADV_DONTNEED), as the synchronous path does. The computation stays on the consumer's
// thread.
#ifndef COST_DATASETS_READ_AHEAD_H_
#define COST_DATASETS_READ_AHEAD_H_

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <span>
#include <string>
#include <thread>

#include "datasets/external/large_buffer.h"
#include "datasets/posix_io.h"

namespace cost::datasets {

struct ReadAheadOptions {
  uint64_t piece_bytes = uint64_t{4} << 20;  // rounded up to whole pages
  uint64_t slack_bytes = 0;  // writable bytes kept before every piece but a lone one (a tail)
  unsigned slots = 4;        // pieces in the ring: the consumer holds two, the reader the rest
};

class ReadAhead {
 public:
  // Bytes [offset, offset + bytes) of path. Throws DatasetError naming the file when it cannot
  // be opened or the range lies past its end.
  ReadAhead(const std::string& path, uint64_t offset, uint64_t bytes,
            const ReadAheadOptions& options);
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;
  ~ReadAhead() { Stop(); }

  // The memory a ReadAhead with these options holds for a range of `bytes`: slots of a piece and
  // its slack in whole pages, no more slots than pieces, no piece longer than the range.
  static uint64_t RingBytes(const ReadAheadOptions& options, uint64_t bytes);

  bool direct() const { return direct_; }  // O_DIRECT reads (false: buffered, dropped behind)

  // Starts a pass from the start of the range (stopping a pass still under way).
  void Start();
  // The pass's next piece, in order, consecutive in the file; waits for the reader. The options'
  // slack_bytes before the piece's first byte are writable (but before a lone piece). Rethrows a
  // read error (DatasetError naming the file and offset) when the reader failed before this piece.
  std::span<uint8_t> Next();
  // Gives the oldest piece Next returned and not yet released back to the reader.
  void Release();
  // Stops the reader and waits for it; the pass is over.
  void Stop();

 private:
  void ReadPieces();                     // the reader thread
  void ReadPiece(uint64_t i);            // piece i into its slot
  uint64_t FileStart(uint64_t i) const;  // file offset of piece i's first page
  uint8_t* Slot(uint64_t i) const;

  std::string path_;
  UniqueFd fd_;
  bool direct_ = false;
  uint64_t offset_, bytes_;
  uint64_t piece_bytes_, slack_bytes_, slot_bytes_;
  uint64_t slots_;
  uint64_t pieces_ = 0;  // per pass
  LargeBuffer ring_;

  std::mutex mu_;
  std::condition_variable changed_;
  uint64_t read_ = 0, taken_ = 0, released_ = 0;  // pieces, this pass
  bool stop_ = false;
  std::exception_ptr error_;
  std::thread reader_;
};

}  // namespace cost::datasets

#endif  // COST_DATASETS_READ_AHEAD_H_
