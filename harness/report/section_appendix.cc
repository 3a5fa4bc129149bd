// The appendix: the machine the results were measured on (its caches readable), its measured
// limits that every "of limit" figure is relative to, and the build.
#include <cctype>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "harness/analysis/table_cells.h"
#include "harness/core/format.h"
#include "harness/machine/machine_limits.h"
#include "harness/report/report_sections.h"

namespace cost::harness {
namespace {

// The kernel's "32K", "2048K", "307200K" as "32 KiB", "2 MiB", "300 MiB"; other text unchanged.
std::string CacheSizeText(const std::string& size) {
  size_t digits = 0;
  while (digits < size.size() && std::isdigit(static_cast<unsigned char>(size[digits]))) ++digits;
  const std::string suffix = size.substr(digits);
  if (digits == 0 || digits > 12 || (suffix != "K" && suffix != "M")) return size;
  const uint64_t kib = std::stoull(size.substr(0, digits)) * (suffix == "M" ? 1024 : 1);
  if (kib >= 1024 && kib % 1024 == 0) return std::to_string(kib / 1024) + " MiB";
  return std::to_string(kib) + " KiB";
}

// "L1d 48 KiB, L1i 32 KiB, L2 2 MiB, L3 300 MiB" from the machine's cache list (machine_info.cc);
// the JSON as it is when it is not such a list.
std::string CachesText(const nlohmann::json& caches) {
  std::string text;
  try {
    for (const nlohmann::json& c : caches) {
      const std::string type = c.value("type", "");
      const std::string kind = type == "Data" ? "d" : type == "Instruction" ? "i" : "";
      text += (text.empty() ? "L" : ", L") + std::to_string(c.value("level", 0)) + kind + " " +
              CacheSizeText(c.value("size", ""));
    }
  } catch (const nlohmann::json::exception&) {
    return caches.dump();
  }
  return caches.is_array() && !text.empty() ? text : caches.dump();
}

// Known fields first, in a fixed order and with readable labels; then any others by name.
std::string MetadataList(const nlohmann::json& object,
                         const std::vector<std::pair<std::string, std::string>>& known) {
  if (!object.is_object()) {
    return object.is_null() ? "- (not recorded)\n" : "- " + object.dump() + "\n";
  }
  auto value_text = [](const std::string& key, const nlohmann::json& v) -> std::string {
    if (key == "memory_bytes" && v.is_number()) {
      return FormatGiB(v.get<double>(), 1) + " (" + v.dump() + " bytes)";
    }
    if (key == "caches") return CachesText(v);
    return v.is_string() ? v.get<std::string>() : v.dump();
  };
  std::string text;
  std::set<std::string> done;
  for (const auto& [key, label] : known) {
    if (!object.contains(key)) continue;
    text += "- " + label + ": " + value_text(key, object[key]) + "\n";
    done.insert(key);
  }
  for (const auto& [key, value] : object.items()) {
    if (key == "limits") continue;  // its own table: LimitsSection
    if (!done.count(key)) text += "- " + key + ": " + value_text(key, value) + "\n";
  }
  return text.empty() ? "- (not recorded)\n" : text;
}

// The machine's measured limits (`cost machine`), which every "of limit" figure is relative to.
std::string LimitsSection(const nlohmann::json& machine) {
  if (!machine.is_object() || !machine.contains("limits")) return "";
  MachineLimits m;
  try {
    m = MachineLimitsFromJson(machine["limits"]);
  } catch (const std::exception& e) {
    return "\n### Limits\n\n- (unreadable: " + std::string(e.what()) + ")\n";
  }
  std::string text = "\n### Limits\n\nMeasured by `cost machine` on " + m.measured +
                     "; the cost model (harness/machine/cost_model.h) judges every row against "
                     "them.\n\n| test | 1 core | " +
                     std::to_string(m.all_threads) + " threads |\n| --- | ---: | ---: |\n";
  auto row = [&](const std::string& name, double one, double all, double unit, const char* suffix) {
    text += "| " + name + " | " + Printf("%.1f ", one / unit) + suffix + " | " +
            Printf("%.1f ", all / unit) + suffix + " |\n";
  };
  row("sequential read", m.one_core.read_bytes_per_second, m.all_cores.read_bytes_per_second, 1e9,
      "GB/s");
  row("triad", m.one_core.triad_bytes_per_second, m.all_cores.triad_bytes_per_second, 1e9, "GB/s");
  for (const GatherPoint& p : GatherCurve(m)) {
    row("4-byte gathers from " + GatherArrayText(p.array_bytes), p.one_core, p.all_cores, 1e6,
        "M/s");
  }
  if (m.disk_read_bytes_per_second > 0) {  // one device, whatever the cores: the limit of disk rows
    text += "| disk sequential read (" + MarkdownCell(m.disk_read_method + ", " + m.disk_dir) +
            ") | " + Printf("%.2f GB/s", m.disk_read_bytes_per_second / 1e9) + " | - |\n";
  }
  return text;
}

std::string MachineAndBuild(const ResultsFile& results) {
  std::string text =
      "Measured: " + (results.created.empty() ? "(date not recorded)" : results.created) + "\n\n";
  text += "### Machine\n\n" + MetadataList(results.machine, {{"cpu_model", "CPU"},
                                                             {"physical_cores", "physical cores"},
                                                             {"logical_cpus", "logical CPUs"},
                                                             {"memory_bytes", "memory"},
                                                             {"caches", "caches"},
                                                             {"kernel", "kernel"},
                                                             {"os", "OS"},
                                                             {"hostname", "host"}});
  text += LimitsSection(results.machine);
  text += "\n### Build\n\n" + MetadataList(results.build, {{"compiler", "compiler"},
                                                           {"build_type", "build type"},
                                                           {"flags", "flags"},
                                                           {"git_revision", "git revision"}});
  return text;
}

}  // namespace

std::string AppendixSection(const ReportInput& in) {
  return "\n## Appendix: machine, limits and build\n\n" + MachineAndBuild(in.results);
}

}  // namespace cost::harness
