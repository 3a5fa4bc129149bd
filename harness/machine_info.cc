// Reads the machine description from /proc and /sys (Linux).
#include "harness/machine_info.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <ctime>
#include <fstream>
#include <thread>

namespace cost::harness {
namespace {

// The value after "key<spaces>:" on the first matching line of a /proc file, or "".
std::string ProcField(const std::string& path, const std::string& key) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) != 0) continue;
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    const size_t start = line.find_first_not_of(" \t", colon + 1);
    return start == std::string::npos ? "" : line.substr(start);
  }
  return "";
}

std::string FirstLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

}  // namespace

nlohmann::json DescribeMachine() {
  nlohmann::json m;
  m["cpu_model"] = ProcField("/proc/cpuinfo", "model name");
  m["logical_cpus"] = std::thread::hardware_concurrency();
  const std::string mem_kb = ProcField("/proc/meminfo", "MemTotal");  // "24576000 kB"
  m["memory_bytes"] = mem_kb.empty() ? 0 : std::stoull(mem_kb) * 1024;
  utsname u{};
  if (uname(&u) == 0) {
    m["kernel"] = std::string(u.sysname) + " " + u.release;
    m["hostname"] = u.nodename;
    m["architecture"] = u.machine;
  }
  // "always [madvise] never": the bracketed word is the mode in force.
  m["transparent_hugepages"] = FirstLine("/sys/kernel/mm/transparent_hugepage/enabled");
  return m;
}

}  // namespace cost::harness
