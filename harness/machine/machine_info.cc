// Reads the machine description from /proc and /sys (Linux).
#include "harness/machine/machine_info.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <ctime>
#include <fstream>
#include <set>
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

// Physical cores = distinct (package, core) pairs among the online CPUs.
int PhysicalCores(int logical) {
  std::set<std::pair<std::string, std::string>> cores;
  for (int cpu = 0; cpu < logical; ++cpu) {
    const std::string topology = "/sys/devices/system/cpu/cpu" + std::to_string(cpu) + "/topology/";
    cores.emplace(FirstLine(topology + "physical_package_id"), FirstLine(topology + "core_id"));
  }
  return static_cast<int>(cores.size());
}

// CPU 0's caches as the kernel reports them: [{"level": 1, "type": "Data", "size": "32K"}, ...].
nlohmann::json Caches() {
  nlohmann::json caches = nlohmann::json::array();
  for (int index = 0;; ++index) {
    const std::string dir =
        "/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(index) + "/";
    const std::string level = FirstLine(dir + "level");
    if (level.empty()) break;
    caches.push_back({{"level", std::stoi(level)},
                      {"type", FirstLine(dir + "type")},
                      {"size", FirstLine(dir + "size")},
                      {"shared_with_cpus", FirstLine(dir + "shared_cpu_list")}});
  }
  return caches;
}

}  // namespace

// Read from /proc and /sys directly (what hwloc reads too), so the record needs no library.
nlohmann::json DescribeMachine() {
  nlohmann::json m;
  m["cpu_model"] = ProcField("/proc/cpuinfo", "model name");
  const int logical = static_cast<int>(std::thread::hardware_concurrency());
  m["logical_cpus"] = logical;
  m["physical_cores"] = PhysicalCores(logical);
  m["caches"] = Caches();
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
