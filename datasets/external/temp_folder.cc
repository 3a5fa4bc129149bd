// The temp folder; see temp_folder.h.
#include "datasets/external/temp_folder.h"

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "datasets/dataset_error.h"

namespace cost::datasets {

TempFolder::TempFolder(std::string parent) : parent_(std::move(parent)) {}

TempFolder::~TempFolder() {
  if (path_.empty()) return;
  std::error_code ignored;  // a destructor must not throw; a leftover folder is named by mkdtemp
  std::filesystem::remove_all(path_, ignored);
}

std::string TempFolder::NewFilePath(const std::string& stem) {
  if (path_.empty()) {
    std::string pattern = (std::filesystem::path(parent_) / "cost-prepare-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw DatasetError(parent_ + ": cannot create a temp folder: " + std::strerror(errno));
    }
    path_ = pattern;
  }
  return (std::filesystem::path(path_) / (stem + "-" + std::to_string(next_++))).string();
}

std::string FolderOf(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

}  // namespace cost::datasets
