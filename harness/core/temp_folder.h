// Scratch folders of a row or an external command: TMPDIR/PREFIX-PID-XXXXXX, removed when the
// owner goes out of scope however it leaves (return, exception), and, for owners that were
// killed (SIGKILL runs no destructor), removed by the next start of a sweep or run: the PID in
// the name says whose a folder is, and a folder whose owner no longer exists is stale.
#ifndef COST_HARNESS_CORE_TEMP_FOLDER_H_
#define COST_HARNESS_CORE_TEMP_FOLDER_H_

#include <filesystem>
#include <string>

namespace cost::harness {

class TempFolder {
 public:
  // Creates TMPDIR/PREFIX-PID-XXXXXX (std::filesystem::temp_directory_path()). Throws
  // std::runtime_error when it cannot.
  explicit TempFolder(const std::string& prefix);
  ~TempFolder();  // removes the folder and everything in it
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Removes every TMPDIR/PREFIX-PID-* folder whose PID is no longer a live process; returns how
// many. Folders of live processes (this one included) and other names are left alone.
int RemoveStaleTempFolders(const std::string& prefix);

}  // namespace cost::harness

#endif  // COST_HARNESS_CORE_TEMP_FOLDER_H_
