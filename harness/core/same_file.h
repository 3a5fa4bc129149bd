// Refusing an output that is one of the command's inputs (`export X -o X`, `compare A B -o A`):
// the atomic writer would replace the input with the output it is still reading. The same file
// is the same inode, so a hard link, a symlink or another spelling of the path is caught too.
#ifndef COST_HARNESS_CORE_SAME_FILE_H_
#define COST_HARNESS_CORE_SAME_FILE_H_

#include <string>
#include <vector>

namespace cost::harness {

// Whether both paths name one existing file (same device and inode).
bool IsSameFile(const std::string& a, const std::string& b);

// Throws std::runtime_error("OUTPUT: is the input INPUT; write the output elsewhere") when an
// output names the same file as an input. Outputs that do not exist yet pass.
void RequireOutputsAreNotInputs(const std::vector<std::string>& outputs,
                                const std::vector<std::string>& inputs);

}  // namespace cost::harness

#endif  // COST_HARNESS_CORE_SAME_FILE_H_
