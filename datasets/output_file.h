// Files the converters write: bytes go to a temp file beside the target, which is renamed into
// place only on Commit(), so a failed or interrupted write never leaves a partial output.
// Paths ending in ".gz" are gzip-compressed (zlib).
#ifndef COST_DATASETS_OUTPUT_FILE_H_
#define COST_DATASETS_OUTPUT_FILE_H_

#include <string>
#include <string_view>

namespace cost::datasets {

class OutputFile {
 public:
  // Creates the temp file. Throws DatasetError("PATH: reason") when it cannot.
  explicit OutputFile(std::string path);
  ~OutputFile();  // removes the temp file unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Buffered; throws DatasetError naming the path on an I/O error.
  void Write(std::string_view bytes);
  template <typename T>
  void WritePod(const T& value) {
    Write(std::string_view(reinterpret_cast<const char*>(&value), sizeof value));
  }
  // Flushes, fsyncs and renames the temp file to the path.
  void Commit();

  const std::string& path() const { return path_; }

 private:
  void Flush();

  std::string path_;
  std::string temp_path_;
  int fd_ = -1;
  void* gz_ = nullptr;  // gzFile when compressing
  std::string buffer_;
  bool committed_ = false;
};

// Reads a whole file; gzip files (magic 1f 8b) are decompressed. Throws DatasetError("PATH:
// reason") for a missing or unreadable file, a directory, or a corrupt or truncated gzip stream
// (naming the uncompressed byte offset where it broke).
std::string ReadWholeInput(const std::string& path);

// True when the file starts with the gzip magic bytes.
bool IsGzipFile(const std::string& path);

}  // namespace cost::datasets

#endif  // COST_DATASETS_OUTPUT_FILE_H_
