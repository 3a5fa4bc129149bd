#include "harness/core/temp_folder.h"

#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>

namespace cost::harness {
namespace fs = std::filesystem;
namespace {

// The PID in "PREFIX-PID-XXXXXX", or 0 when the name is not one of ours.
pid_t OwnerOf(const std::string& name, const std::string& prefix) {
  if (name.size() <= prefix.size() + 1 || name.compare(0, prefix.size() + 1, prefix + "-") != 0) {
    return 0;
  }
  const char* begin = name.data() + prefix.size() + 1;
  const char* end = name.data() + name.size();
  long pid = 0;
  const auto [ptr, error] = std::from_chars(begin, end, pid);
  if (error != std::errc() || ptr == begin || ptr == end || *ptr != '-' || pid <= 0) return 0;
  return static_cast<pid_t>(pid);
}

// A zombie (killed, not yet reaped by whoever inherited it) answers kill(pid, 0) but will never
// use its folder again: it counts as dead.
bool IsZombie(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const size_t close = line.rfind(')');  // the command name may hold spaces and parentheses
  return close != std::string::npos && line.size() > close + 2 && line[close + 2] == 'Z';
}

bool IsAlive(pid_t pid) {
  if (::kill(pid, 0) != 0 && errno == ESRCH) return false;
  return !IsZombie(pid);
}

}  // namespace

TempFolder::TempFolder(const std::string& prefix) {
  std::string pattern =
      (fs::temp_directory_path() / (prefix + "-" + std::to_string(::getpid()) + "-XXXXXX"))
          .string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error(pattern +
                             ": cannot create a temporary folder: " + std::strerror(errno));
  }
  path_ = pattern;
}

TempFolder::~TempFolder() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

int RemoveStaleTempFolders(const std::string& prefix) {
  std::error_code error;
  int removed = 0;
  for (const fs::directory_entry& entry :
       fs::directory_iterator(fs::temp_directory_path(), error)) {
    const pid_t owner = OwnerOf(entry.path().filename().string(), prefix);
    if (owner == 0 || IsAlive(owner) || !entry.is_directory(error)) continue;
    std::error_code ignored;
    if (fs::remove_all(entry.path(), ignored) > 0) ++removed;
  }
  return removed;
}

}  // namespace cost::harness
