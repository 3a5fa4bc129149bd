// The machine's physical limits that graph kernels are judged against: sequential bandwidth and
// random-gather rates from arrays sized for L2, L3 and DRAM, on one core and on all of them.
// `cost machine` measures them once and caches them in a file; every results file then carries
// them (DescribeMachine adds them) and every measurement reports its fraction of the limit
// (cost_model.h).
#ifndef COST_HARNESS_MACHINE_MACHINE_LIMITS_H_
#define COST_HARNESS_MACHINE_MACHINE_LIMITS_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace cost::harness {

// One core or all cores.
struct LimitRates {
  double read_bytes_per_second = 0;   // sum over a DRAM-sized array, sequential
  double triad_bytes_per_second = 0;  // a[i] = b[i] + s*c[i], 24 bytes per element (STREAM)
  // Random 4-byte gathers (data[index[i]], indices streamed) from an array of the given size.
  double l2_gathers_per_second = 0;
  double l3_gathers_per_second = 0;
  double dram_gathers_per_second = 0;
};

struct MachineLimits {
  // Which machine they were measured on: a file measured elsewhere is not used.
  std::string cpu_model;
  int logical_cpus = 0;
  std::string hostname;
  std::string measured;  // ISO 8601 UTC
  // Array sizes of the gather tests, and the cache sizes they were chosen from.
  uint64_t l2_bytes = 0, l3_bytes = 0;  // the caches (sysfs)
  uint64_t l2_array_bytes = 0, l3_array_bytes = 0, dram_array_bytes = 0;
  int all_threads = 0;  // threads of the "all cores" figures
  LimitRates one_core, all_cores;
  // The storage device's sequential read rate (disk_read_rate.h), measured in disk_dir by
  // `cost machine`; 0 when not measured (older files, sweeps' quick measurement).
  double disk_read_bytes_per_second = 0;
  std::string disk_read_method, disk_dir;
};

struct MachineLimitsOptions {
  bool quick = false;     // smaller arrays and fewer trials (seconds, for sweeps and tests)
  int threads = 0;        // 0: every logical CPU
  bool progress = false;  // one line per test on stderr
  std::string disk_dir;   // where to measure the disk read rate; empty: not measured
};

MachineLimits MeasureMachineLimits(const MachineLimitsOptions& options);

nlohmann::json ToJson(const MachineLimits& limits);
// Throws std::runtime_error naming the missing field.
MachineLimits MachineLimitsFromJson(const nlohmann::json& j);

// $COST_MACHINE_LIMITS when set, else "cost-data/machine-limits.json" under the working folder
// (the default dataset cache).
std::string DefaultMachineLimitsPath();
// The limits in `path` when it exists and was measured on this machine (same CPU model, CPU
// count and host name); std::nullopt otherwise. Throws for a file that is not a limits file.
std::optional<MachineLimits> LoadMachineLimits(const std::string& path);
// Creates the folder when missing; the write is atomic (datasets/output_file.h).
void SaveMachineLimits(const MachineLimits& limits, const std::string& path);

// The gather rate for randomly reading an array of `bytes`, with `threads` workers: the L2, L3 or
// DRAM figure by size, one-core rate times threads, capped at the all-cores figure.
double GatherRate(const MachineLimits& limits, uint64_t bytes, int threads);
// Sequential read bandwidth with `threads` workers, scaled the same way.
double ReadBandwidth(const MachineLimits& limits, int threads);
// "L2", "L3" or "DRAM": which gather figure GatherRate uses for an array of `bytes`.
const char* GatherLevel(const MachineLimits& limits, uint64_t bytes);

}  // namespace cost::harness

#endif  // COST_HARNESS_MACHINE_MACHINE_LIMITS_H_
