#include "harness/core/same_file.h"

#include <sys/stat.h>

#include <stdexcept>

namespace cost::harness {

bool IsSameFile(const std::string& a, const std::string& b) {
  struct stat sa {
  }, sb{};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

void RequireOutputsAreNotInputs(const std::vector<std::string>& outputs,
                                const std::vector<std::string>& inputs) {
  for (const std::string& output : outputs) {
    for (const std::string& input : inputs) {
      if (!IsSameFile(output, input)) continue;
      throw std::runtime_error(
          output + ": is " +
          (output == input ? "the input" : "the same file as the input " + input) +
          "; writing it would replace what is being read: write the output "
          "elsewhere");
    }
  }
}

}  // namespace cost::harness
