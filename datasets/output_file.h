// Files written whole or not at all, as every prepared graph, converted file, results file and
// report file is: bytes go to a temp file beside the target (the same folder, so the rename is
// atomic), which is fsynced and renamed into place only on Commit(), and the folder is then
// fsynced so the rename survives a crash too. A failed or interrupted write leaves neither a
// partial target nor a temp file, and an existing target stays as it was. Paths ending in ".gz"
// are gzip-compressed (zlib) unless the writer asks for its bytes as given.
#ifndef COST_DATASETS_OUTPUT_FILE_H_
#define COST_DATASETS_OUTPUT_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cost::datasets {

// Whether a path ending in ".gz" gets gzip-compressed bytes.
enum class Gzip { kByExtension, kNever };

class OutputFile {
 public:
  // Creates the temp file. Throws DatasetError("PATH: reason") when it cannot (a missing or
  // unwritable folder).
  explicit OutputFile(std::string path, Gzip gzip = Gzip::kByExtension);
  ~OutputFile();  // removes the temp file unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Buffered; throws DatasetError naming the path on an I/O error.
  void Write(std::string_view bytes);
  template <typename T>
  void WritePod(const T& value) {
    Write(std::string_view(reinterpret_cast<const char*>(&value), sizeof value));
  }
  // Overwrites bytes already written, from `offset` on: for a header whose checksum is known only
  // once the body is written. Throws DatasetError for a gzip file (its bytes cannot be rewritten).
  void WriteAt(uint64_t offset, std::string_view bytes);
  // Flushes, fsyncs and renames the temp file to the path, then fsyncs the folder.
  void Commit();
  // Flushes, closes and fsyncs the temp file without renaming it (Commit or CommitTogether
  // does). Throws DatasetError naming the path; a no-op when finished already.
  void Finish();

  const std::string& path() const { return path_; }

 private:
  void Flush();
  void WriteThrough(std::string_view bytes);

  std::string path_;
  std::string temp_path_;
  int fd_ = -1;
  void* gz_ = nullptr;  // gzFile when compressing
  std::string buffer_;
  bool committed_ = false;

  friend void CommitTogether(const std::vector<OutputFile*>& files);
};

// The files of a multi-file format (EVLP's .v, .e and .properties), all or none: every file is
// finished first (a full disk fails there, before anything is replaced), then each renamed into
// place with the previous version set aside; a failing rename puts back every file already
// replaced. Throws DatasetError naming the file; the temp files are removed by their owners.
void CommitTogether(const std::vector<OutputFile*>& files);

// `bytes`, exactly as given (never compressed), as the whole content of `path`, atomically as
// OutputFile writes. Throws DatasetError("PATH: reason").
void WriteFileAtomically(const std::string& path, std::string_view bytes);

// Moves a file that is already complete (a verified download, a report file built in a staging
// folder) to `to` on the same file system with OutputFile's guarantees: fsyncs it, renames it
// over any existing `to`, fsyncs to's folder. Throws DatasetError("TO: reason").
void MoveFileIntoPlace(const std::string& from, const std::string& to);

// The mode of every file written here: 0644 less the process's umask, as open(2) would give
// (mkstemp's temp files start at 0600).
unsigned NewFileMode();

// Reads a whole file; gzip files (magic 1f 8b) are decompressed. Throws DatasetError("PATH:
// reason") for a missing or unreadable file, a directory, or a corrupt or truncated gzip stream
// (naming the uncompressed byte offset where it broke).
std::string ReadWholeInput(const std::string& path);

// True when the file starts with the gzip magic bytes.
bool IsGzipFile(const std::string& path);

}  // namespace cost::datasets

#endif  // COST_DATASETS_OUTPUT_FILE_H_
