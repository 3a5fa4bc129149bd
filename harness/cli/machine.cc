// `cost machine`: measures this machine's bandwidth and gather rates, the limits every
// measurement is judged against, and caches them where `cost run` and sweeps find them.
#include <cstdio>
#include <filesystem>
#include <memory>

#include "harness/cli/commands.h"
#include "harness/machine/machine_limits.h"

namespace cost::harness {
namespace {

struct MachineOptions {
  std::string out;
  std::string disk_dir;
  bool quick = false;
  bool json = false;
  int threads = 0;
};

void PrintLimits(const MachineLimits& m) {
  std::printf("%s, %d logical CPUs; L2 %llu KiB, L3 %llu MiB\n", m.cpu_model.c_str(),
              m.logical_cpus, static_cast<unsigned long long>(m.l2_bytes >> 10),
              static_cast<unsigned long long>(m.l3_bytes >> 20));
  std::printf("%-34s %14s %14s\n", "test", "1 core",
              (std::to_string(m.all_threads) + " threads").c_str());
  auto row = [](const char* name, double one, double all, double unit, const char* suffix) {
    std::printf("%-34s %10.1f %-3s %10.1f %-3s\n", name, one / unit, suffix, all / unit, suffix);
  };
  row("sequential read", m.one_core.read_bytes_per_second, m.all_cores.read_bytes_per_second, 1e9,
      "GB/s");
  row("triad (STREAM)", m.one_core.triad_bytes_per_second, m.all_cores.triad_bytes_per_second, 1e9,
      "GB/s");
  for (const GatherPoint& p : GatherCurve(m)) {
    const std::string name = "4-byte gathers, " + GatherArrayText(p.array_bytes);
    row(name.c_str(), p.one_core, p.all_cores, 1e6, "M/s");
  }
  if (m.disk_read_bytes_per_second > 0) {
    std::printf("%-34s %10.2f GB/s   (%s, in %s)\n", "disk sequential read",
                m.disk_read_bytes_per_second / 1e9, m.disk_read_method.c_str(), m.disk_dir.c_str());
  }
}

// --disk-dir, else the folder the record is saved in (created first).
std::string DiskDirFor(const std::string& disk_dir, const std::string& path) {
  if (!disk_dir.empty()) return disk_dir;
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) return ".";
  std::filesystem::create_directories(folder);
  return folder.string();
}

}  // namespace

void AddMachineCommand(CLI::App& app, int* /*exit_code*/) {
  auto o = std::make_shared<MachineOptions>();
  CLI::App* cmd = app.add_subcommand(
      "machine",
      "Measure this machine's limits (sequential read and triad bandwidth; random 4-byte gathers "
      "from arrays of half of L2 to past L3, in 4x steps; 1 core and all cores) and save them. "
      "`cost run` and sweeps record them in every results file and report each measurement's "
      "fraction of the limit. A sweep measures them (--quick) when none are saved for this "
      "machine.");
  cmd->add_option("--out", o->out,
                  "Where to save them (default $COST_MACHINE_LIMITS, else "
                  "cost-data/machine-limits.json)");
  cmd->add_flag("--quick", o->quick, "Smaller arrays, fewer trials: a few seconds, less precise");
  cmd->add_option("--threads", o->threads, "Threads of the all-cores figures (default: every CPU)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--disk-dir", o->disk_dir,
                  "Folder on the device whose sequential read rate (O_DIRECT, a temporary file of "
                  "1 GiB, 64 MiB with --quick) is the limit of rows run with --storage disk "
                  "(default: the folder of the saved file)");
  cmd->add_flag("--json", o->json, "Print the saved record as JSON instead of a table");
  cmd->callback([o] {
    MachineLimitsOptions options;
    options.quick = o->quick;
    options.threads = o->threads;
    options.progress = !o->json;
    const std::string path = o->out.empty() ? DefaultMachineLimitsPath() : o->out;
    options.disk_dir = DiskDirFor(o->disk_dir, path);
    const MachineLimits limits = MeasureMachineLimits(options);
    if (limits.disk_read_method != "O_DIRECT") {
      std::fprintf(stderr, "cost machine: disk read rate measured %s\n",
                   limits.disk_read_method.c_str());
    }
    SaveMachineLimits(limits, path);
    if (o->json) {
      std::printf("%s\n", ToJson(limits).dump(2).c_str());
    } else {
      PrintLimits(limits);
      std::printf("saved to %s\n", path.c_str());
    }
  });
}

}  // namespace cost::harness
