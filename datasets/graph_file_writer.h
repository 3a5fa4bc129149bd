// Writing a version-2 prepared-graph file (graph_file_format.h) section by section, through
// bounded buffers and pwrite, so that a file far larger than memory is written without holding
// it or mapping it (a mapped output's pages would count in the writer's RSS). Bytes go to a temp
// file beside the target, renamed into place by Commit; a writer destroyed uncommitted removes
// it, so a failed or interrupted preparation leaves no partial file.
#ifndef COST_DATASETS_GRAPH_FILE_WRITER_H_
#define COST_DATASETS_GRAPH_FILE_WRITER_H_

#include <xxhash.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "datasets/graph_sections.h"

namespace cost::datasets {

class GraphFileWriter;

// Appends bytes to one section, hashing them as they go, through a buffer of buffer_bytes.
class SectionStream {
 public:
  static constexpr uint64_t kDefaultBufferBytes = uint64_t{1} << 20;

  SectionStream(SectionStream&&) noexcept;
  SectionStream& operator=(SectionStream&&) noexcept;
  ~SectionStream();

  void Write(const void* data, uint64_t bytes);
  template <typename T>
  void Write(std::span<const T> values) {
    Write(values.data(), values.size_bytes());
  }
  // Flushes and records the section's size and checksum in the writer. Throws DatasetError
  // when a reserved section did not get exactly its reserved bytes.
  void Close();
  uint64_t bytes_written() const { return written_; }

 private:
  friend class GraphFileWriter;
  SectionStream(GraphFileWriter* writer, size_t record, uint64_t buffer_bytes);
  void Flush();

  GraphFileWriter* writer_ = nullptr;
  size_t record_ = 0;
  uint64_t written_ = 0;  // bytes accepted, flushed or not
  uint64_t flushed_ = 0;
  uint64_t buffer_bytes_ = 0;
  std::vector<char> buffer_;
  std::unique_ptr<XXH64_state_t, XXH_errorcode (*)(XXH64_state_t*)> hash_;
};

class GraphFileWriter {
 public:
  // Creates the temp file beside `path`. Throws DatasetError("PATH: reason") when it cannot.
  GraphFileWriter(std::string path, uint64_t num_vertices, bool symmetric);
  ~GraphFileWriter();
  GraphFileWriter(const GraphFileWriter&) = delete;
  GraphFileWriter& operator=(const GraphFileWriter&) = delete;

  // Places a section of exactly `bytes` bytes after those so far; Open fills it, at any time
  // before Commit.
  void Reserve(SectionKind kind, uint64_t bytes);
  SectionStream Open(SectionKind kind, uint64_t buffer_bytes = SectionStream::kDefaultBufferBytes);
  // A section of a size not known in advance, placed after those so far. Nothing may be
  // reserved or appended while it is open.
  SectionStream Append(SectionKind kind,
                       uint64_t buffer_bytes = SectionStream::kDefaultBufferBytes);
  // Reads back bytes of a closed section (e.g. the out targets, from which the transpose and
  // the Hilbert order are built).
  void ReadBack(SectionKind kind, uint64_t offset, void* out, uint64_t bytes) const;
  // Writes the table and header, fsyncs and renames the temp file to the path. Requires every
  // section closed.
  void Commit(uint64_t num_edges);

  const std::string& path() const { return path_; }
  // Bytes the file will have with the sections placed so far.
  uint64_t planned_bytes() const { return end_; }

 private:
  friend class SectionStream;
  struct Record {
    SectionKind kind;
    uint64_t offset = 0;
    uint64_t reserved = 0;  // for Reserve; ~0 for Append
    uint64_t bytes = 0;
    uint64_t checksum = 0;
    bool opened = false, closed = false;
  };
  size_t Place(SectionKind kind, uint64_t reserved);
  void CloseRecord(size_t record, uint64_t bytes, uint64_t checksum);

  std::string path_, temp_path_;
  int fd_ = -1;
  uint64_t num_vertices_ = 0;
  bool symmetric_ = false;
  std::vector<Record> records_;
  uint64_t end_ = 0;
  bool appending_ = false;
  bool committed_ = false;
};

// The out-degrees section from an offsets array (degree v = offsets[v+1] - offsets[v]), and the
// identity original ids 0..n-1, written in bounded chunks.
void WriteDegreesFromOffsets(std::span<const uint64_t> offsets, SectionStream* out);
void WriteIdentityIds(uint64_t num_vertices, SectionStream* out);

}  // namespace cost::datasets

#endif  // COST_DATASETS_GRAPH_FILE_WRITER_H_
