// The machine's physical limits that graph kernels are judged against: sequential bandwidth and
// random-gather rates from arrays of sizes from half of L2 to past L3, on one core and on all.
// `cost machine` measures them once and caches them in a file; every results file then carries
// them (DescribeMachine adds them) and every measurement reports its fraction of the limit
// (cost_model.h).
#ifndef COST_HARNESS_MACHINE_MACHINE_LIMITS_H_
#define COST_HARNESS_MACHINE_MACHINE_LIMITS_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

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

// Random 4-byte gathers from an array of one size, on one core and on all cores (per second).
struct GatherPoint {
  uint64_t array_bytes = 0;
  double one_core = 0, all_cores = 0;
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
  // Gathers from l2_array_bytes up to l3_array_bytes in steps of 4x, then dram_array_bytes,
  // ascending. The rate falls steadily with the array's size inside a large L3, so one figure at
  // half of L3 would overstate the time of a gather from a few MiB.
  std::vector<GatherPoint> gather_curve;
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
// Measures the device's sequential read rate in `dir` (disk_read_rate.h; 64 MiB once when
// quick, 1 GiB three times otherwise) into the disk fields of `limits`.
void MeasureDiskLimit(const std::string& dir, bool quick, MachineLimits* limits);

nlohmann::json ToJson(const MachineLimits& limits);
// Throws std::runtime_error naming the missing field.
MachineLimits MachineLimitsFromJson(const nlohmann::json& j);

// $COST_MACHINE_LIMITS when set, else "cost-data/machine-limits.json" under the working folder
// (the default dataset cache).
std::string DefaultMachineLimitsPath();
// The limits in `path` when it exists and was measured on this machine (same CPU model, CPU
// count and host name) with a gather curve; std::nullopt otherwise, so the caller measures again.
// Throws for a file that is not a limits file.
std::optional<MachineLimits> LoadMachineLimits(const std::string& path);
// Creates the folder when missing; the write is atomic (datasets/output_file.h).
void SaveMachineLimits(const MachineLimits& limits, const std::string& path);

// The measured gather curve; for records measured before it, the L2, L3 and DRAM figures.
std::vector<GatherPoint> GatherCurve(const MachineLimits& limits);
// The point a gather from an array of `bytes` is charged at: the largest measured size not above
// `bytes`, whose rate is at least the true one (rates fall with size), so the time it gives stays
// a lower bound; the smallest point for arrays below every measured size.
GatherPoint ChargedGatherPoint(const MachineLimits& limits, uint64_t bytes);
// The gather rate for randomly reading an array of `bytes`, with `threads` workers: the charged
// point's one-core rate times threads, capped at its all-cores figure.
double GatherRate(const MachineLimits& limits, uint64_t bytes, int threads);
// Sequential read bandwidth with `threads` workers, scaled the same way.
double ReadBandwidth(const MachineLimits& limits, int threads);
// "L2", "L3" or "DRAM": the cache an array of `bytes` fits in (by the sizes sysfs reports).
const char* GatherLevel(const MachineLimits& limits, uint64_t bytes);
// "512 KiB", "16 MiB": an array size as the limits tables and the cost model's basis print it.
std::string GatherArrayText(uint64_t bytes);

}  // namespace cost::harness

#endif  // COST_HARNESS_MACHINE_MACHINE_LIMITS_H_
