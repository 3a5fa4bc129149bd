// The folder a preparation spills its sorted runs (and a pipe's parsed pairs) into: created with
// a unique name on first use, removed with everything in it when the preparation ends, on
// success, on failure and on an interrupt alike (the destructor runs on every way out).
#ifndef COST_DATASETS_EXTERNAL_TEMP_FOLDER_H_
#define COST_DATASETS_EXTERNAL_TEMP_FOLDER_H_

#include <cstdint>
#include <string>

namespace cost::datasets {

class TempFolder {
 public:
  // `parent` is where the folder goes; nothing is created until NewFilePath.
  explicit TempFolder(std::string parent);
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  // A path for a new file inside the folder, "STEM-N" (N counts up), creating the folder (named
  // PARENT/cost-prepare-XXXXXX) the first time. Throws DatasetError naming the parent when it
  // cannot be created.
  std::string NewFilePath(const std::string& stem);

  const std::string& parent() const { return parent_; }
  // Empty until the folder exists.
  const std::string& path() const { return path_; }

 private:
  std::string parent_;
  std::string path_;
  uint64_t next_ = 0;
};

// The folder holding `path` ("." for a bare file name).
std::string FolderOf(const std::string& path);

}  // namespace cost::datasets

#endif  // COST_DATASETS_EXTERNAL_TEMP_FOLDER_H_
