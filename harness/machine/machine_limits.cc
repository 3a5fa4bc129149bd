// Measures the machine's bandwidth and gather rates with OpenMP loops shaped like the kernels'
// inner loops: a streamed index array driving random 4-byte reads (CSR targets gathering vertex
// values), and STREAM's sequential read and triad.
#include "harness/machine/machine_limits.h"

#include <omp.h>
#include <sys/utsname.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "baselines/huge_pages.h"
#include "datasets/output_file.h"
#include "datasets/random_streams.h"
#include "harness/core/byte_size.h"
#include "harness/core/format.h"
#include "harness/core/median.h"
#include "harness/machine/disk_read_rate.h"
#include "harness/machine/machine_info.h"

namespace cost::harness {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Median of `trials` timings of `body` (after one untimed call that faults the pages in).
template <typename Body>
double MedianSeconds(int trials, Body body) {
  body();
  std::vector<double> times;
  for (int t = 0; t < trials; ++t) {
    const auto start = Clock::now();
    body();
    times.push_back(Seconds(start));
  }
  return Median(std::move(times));
}

// The largest data or unified cache of `level` that CPU 0 sees.
uint64_t CacheBytes(const nlohmann::json& caches, int level) {
  uint64_t bytes = 0;
  for (const auto& c : caches) {
    if (c.value("level", 0) != level || c.value("type", "") == "Instruction") continue;
    bytes = std::max(bytes, TryParseByteSize(c.value("size", "")).value_or(0));  // sysfs "48K"
  }
  return bytes;
}

// Sums a `bytes`-sized array of uint64 sequentially.
double MeasureRead(uint64_t bytes, int threads, int trials) {
  const size_t n = bytes / sizeof(uint64_t);
  std::vector<uint64_t> a = baselines::HugePageVector<uint64_t>(n, 1);
  volatile uint64_t sink = 0;
  const double s = MedianSeconds(trials, [&] {
    uint64_t total = 0;
#pragma omp parallel for num_threads(threads) schedule(static) reduction(+ : total)
    for (size_t i = 0; i < n; ++i) total += a[i];
    sink = total;
  });
  (void)sink;
  return static_cast<double>(n * sizeof(uint64_t)) / s;
}

// STREAM triad over three arrays of `bytes` / 3 each; 24 bytes per element moved (write-allocate
// not counted, as STREAM reports it).
double MeasureTriad(uint64_t bytes, int threads, int trials) {
  const size_t n = bytes / 3 / sizeof(double);
  std::vector<double> a = baselines::HugePageVector<double>(n, 0.0);
  std::vector<double> b = baselines::HugePageVector<double>(n, 1.0);
  std::vector<double> c = baselines::HugePageVector<double>(n, 2.0);
  const double s = MedianSeconds(trials, [&] {
#pragma omp parallel for num_threads(threads) schedule(static)
    for (size_t i = 0; i < n; ++i) a[i] = b[i] + 3.0 * c[i];
  });
  if (a[n / 2] != 7.0) throw std::logic_error("triad computed a wrong value");
  return static_cast<double>(3 * n * sizeof(double)) / s;
}

// Random gathers data[index[i]] from a uint32 array of `bytes`; `gathers` indices per trial.
double MeasureGathers(uint64_t bytes, uint64_t gathers, int threads, int trials) {
  const size_t n = bytes / sizeof(uint32_t);
  std::vector<uint32_t> data = baselines::HugePageVector<uint32_t>(n, 1);
  std::vector<uint32_t> index(gathers);
#pragma omp parallel num_threads(threads)
  {
    // Each thread draws its own slice from its own stream: deterministic per thread count.
    datasets::SplitMix64 random{static_cast<uint64_t>(omp_get_thread_num()) + 1};
#pragma omp for schedule(static)
    for (size_t i = 0; i < gathers; ++i) index[i] = static_cast<uint32_t>(random.Next() % n);
  }
  volatile uint64_t sink = 0;
  const double s = MedianSeconds(trials, [&] {
    uint64_t total = 0;
#pragma omp parallel for num_threads(threads) schedule(static) reduction(+ : total)
    for (size_t i = 0; i < gathers; ++i) total += data[index[i]];
    sink = total;
  });
  if (sink != gathers) throw std::logic_error("gather test summed a wrong value");
  return static_cast<double>(gathers) / s;
}

// The gather tests' array sizes: half of L2, then 4x steps below half of L3, half of L3, and the
// DRAM array; ascending, no size twice.
std::vector<uint64_t> GatherSizes(const MachineLimits& m) {
  std::vector<uint64_t> sizes;
  for (uint64_t s = m.l2_array_bytes; s > 0 && s < m.l3_array_bytes; s *= 4) sizes.push_back(s);
  sizes.push_back(m.l3_array_bytes);
  sizes.push_back(m.dram_array_bytes);
  std::sort(sizes.begin(), sizes.end());
  sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
  return sizes;
}

// Bandwidth and the gathers from every size in `sizes` (their rates in `gather_rates`), with
// `threads` workers; the L2, L3 and DRAM fields take the rates at their array sizes.
LimitRates MeasureRates(const MachineLimits& m, int threads, const std::vector<uint64_t>& sizes,
                        const MachineLimitsOptions& o, std::vector<double>* gather_rates) {
  const int trials = o.quick ? 3 : 7;
  const uint64_t stream_bytes = o.quick ? (uint64_t{256} << 20) : (uint64_t{1} << 30);
  const uint64_t gathers = (o.quick ? uint64_t{8} : uint64_t{32}) << 20;
  auto note = [&](const std::string& what) {
    if (o.progress) std::fprintf(stderr, "cost machine: %s, %d thread(s)\n", what.c_str(), threads);
  };
  LimitRates r;
  note("sequential read");
  r.read_bytes_per_second = MeasureRead(stream_bytes, threads, trials);
  note("triad");
  r.triad_bytes_per_second = MeasureTriad(stream_bytes, threads, trials);
  gather_rates->clear();
  for (const uint64_t bytes : sizes) {
    note("gathers from a " + GatherArrayText(bytes) + " array");
    const double rate = MeasureGathers(bytes, gathers, threads, trials);
    gather_rates->push_back(rate);
    if (bytes == m.l2_array_bytes) r.l2_gathers_per_second = rate;
    if (bytes == m.l3_array_bytes) r.l3_gathers_per_second = rate;
    if (bytes == m.dram_array_bytes) r.dram_gathers_per_second = rate;
  }
  return r;
}

nlohmann::json ToJson(const LimitRates& r) {
  return {{"read_bytes_per_second", r.read_bytes_per_second},
          {"triad_bytes_per_second", r.triad_bytes_per_second},
          {"l2_gathers_per_second", r.l2_gathers_per_second},
          {"l3_gathers_per_second", r.l3_gathers_per_second},
          {"dram_gathers_per_second", r.dram_gathers_per_second}};
}

LimitRates RatesFromJson(const nlohmann::json& j) {
  return {j.at("read_bytes_per_second").get<double>(), j.at("triad_bytes_per_second").get<double>(),
          j.at("l2_gathers_per_second").get<double>(), j.at("l3_gathers_per_second").get<double>(),
          j.at("dram_gathers_per_second").get<double>()};
}

nlohmann::json GatherCurveJson(const std::vector<GatherPoint>& curve) {
  nlohmann::json j = nlohmann::json::array();
  for (const GatherPoint& p : curve) {
    j.push_back({{"array_bytes", p.array_bytes},
                 {"one_core_gathers_per_second", p.one_core},
                 {"all_cores_gathers_per_second", p.all_cores}});
  }
  return j;
}

// Throws nlohmann::json exceptions for a missing field, as RatesFromJson does.
std::vector<GatherPoint> GatherCurveFromJson(const nlohmann::json& j) {
  std::vector<GatherPoint> curve;
  for (const auto& p : j) {
    curve.push_back({p.at("array_bytes").get<uint64_t>(),
                     p.at("one_core_gathers_per_second").get<double>(),
                     p.at("all_cores_gathers_per_second").get<double>()});
  }
  std::sort(curve.begin(), curve.end(), [](const GatherPoint& a, const GatherPoint& b) {
    return a.array_bytes < b.array_bytes;
  });
  return curve;
}

std::string HostName() {
  utsname u{};
  return uname(&u) == 0 ? u.nodename : "";
}

// One core's rate times `threads`, never above what all cores measured.
double Scaled(double one, double all, int threads, int all_threads) {
  if (threads <= 1) return one;
  if (threads >= all_threads) return all;
  return std::min(all, one * threads);
}

}  // namespace

MachineLimits MeasureMachineLimits(const MachineLimitsOptions& options) {
  const nlohmann::json machine = DescribeMachine();
  MachineLimits m;
  m.cpu_model = machine.value("cpu_model", "");
  m.logical_cpus = machine.value("logical_cpus", 0);
  m.hostname = HostName();
  m.measured = UtcNow();
  m.l2_bytes = CacheBytes(machine["caches"], 2);
  m.l3_bytes = CacheBytes(machine["caches"], 3);
  if (m.l2_bytes == 0) m.l2_bytes = uint64_t{1} << 20;  // unknown: a common size
  if (m.l3_bytes == 0) m.l3_bytes = uint64_t{32} << 20;
  // Half of each cache, so the array and the streamed indices both fit; DRAM well past L3.
  m.l2_array_bytes = m.l2_bytes / 2;
  m.l3_array_bytes = m.l3_bytes / 2;
  m.dram_array_bytes = options.quick ? (uint64_t{512} << 20) : (uint64_t{1} << 30);
  m.all_threads = options.threads > 0
                      ? options.threads
                      : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  const std::vector<uint64_t> sizes = GatherSizes(m);
  std::vector<double> one, all;
  m.one_core = MeasureRates(m, 1, sizes, options, &one);
  if (m.all_threads == 1) {
    m.all_cores = m.one_core;
    all = one;
  } else {
    m.all_cores = MeasureRates(m, m.all_threads, sizes, options, &all);
  }
  for (size_t i = 0; i < sizes.size(); ++i) m.gather_curve.push_back({sizes[i], one[i], all[i]});
  if (!options.disk_dir.empty()) {
    if (options.progress)
      std::fprintf(stderr, "cost machine: disk read, %s\n", options.disk_dir.c_str());
    MeasureDiskLimit(options.disk_dir, options.quick, &m);
  }
  return m;
}

void MeasureDiskLimit(const std::string& dir, bool quick, MachineLimits* limits) {
  const DiskReadRate disk =
      MeasureDiskReadRate(dir, quick ? uint64_t{64} << 20 : uint64_t{1} << 30, quick ? 1 : 3);
  limits->disk_read_bytes_per_second = disk.bytes_per_second;
  limits->disk_read_method = disk.method;
  limits->disk_dir = disk.dir;
}

nlohmann::json ToJson(const MachineLimits& m) {
  return {{"cpu_model", m.cpu_model},
          {"logical_cpus", m.logical_cpus},
          {"hostname", m.hostname},
          {"measured", m.measured},
          {"l2_bytes", m.l2_bytes},
          {"l3_bytes", m.l3_bytes},
          {"l2_array_bytes", m.l2_array_bytes},
          {"l3_array_bytes", m.l3_array_bytes},
          {"dram_array_bytes", m.dram_array_bytes},
          {"all_threads", m.all_threads},
          {"one_core", ToJson(m.one_core)},
          {"all_cores", ToJson(m.all_cores)},
          {"gather_curve", GatherCurveJson(m.gather_curve)},
          {"disk_read_bytes_per_second", m.disk_read_bytes_per_second},
          {"disk_read_method", m.disk_read_method},
          {"disk_dir", m.disk_dir}};
}

MachineLimits MachineLimitsFromJson(const nlohmann::json& j) {
  try {
    MachineLimits m;
    m.cpu_model = j.at("cpu_model").get<std::string>();
    m.logical_cpus = j.at("logical_cpus").get<int>();
    m.hostname = j.at("hostname").get<std::string>();
    m.measured = j.at("measured").get<std::string>();
    m.l2_bytes = j.at("l2_bytes").get<uint64_t>();
    m.l3_bytes = j.at("l3_bytes").get<uint64_t>();
    m.l2_array_bytes = j.at("l2_array_bytes").get<uint64_t>();
    m.l3_array_bytes = j.at("l3_array_bytes").get<uint64_t>();
    m.dram_array_bytes = j.at("dram_array_bytes").get<uint64_t>();
    m.all_threads = j.at("all_threads").get<int>();
    m.one_core = RatesFromJson(j.at("one_core"));
    m.all_cores = RatesFromJson(j.at("all_cores"));
    if (j.contains("gather_curve")) m.gather_curve = GatherCurveFromJson(j.at("gather_curve"));
    // Optional: files measured before the curve or the disk figure read as without them.
    m.disk_read_bytes_per_second = j.value("disk_read_bytes_per_second", 0.0);
    m.disk_read_method = j.value("disk_read_method", std::string());
    m.disk_dir = j.value("disk_dir", std::string());
    return m;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("not a machine limits record: ") + e.what());
  }
}

std::string DefaultMachineLimitsPath() {
  const char* env = std::getenv("COST_MACHINE_LIMITS");
  return env && *env ? env : "cost-data/machine-limits.json";
}

std::optional<MachineLimits> LoadMachineLimits(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  MachineLimits limits;
  try {
    limits = MachineLimitsFromJson(nlohmann::json::parse(in));
  } catch (const std::exception& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
  const nlohmann::json machine = DescribeMachine();
  if (limits.cpu_model != machine.value("cpu_model", "") ||
      limits.logical_cpus != machine.value("logical_cpus", 0) || limits.hostname != HostName()) {
    return std::nullopt;  // measured on another machine
  }
  // Measured before the gather curve: its single L3 figure is what misjudged mid-sized arrays.
  if (limits.gather_curve.empty()) return std::nullopt;
  return limits;
}

void SaveMachineLimits(const MachineLimits& limits, const std::string& path) {
  const std::filesystem::path target(path);
  if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path());
  datasets::WriteFileAtomically(path, ToJson(limits).dump(2) + "\n");
}

std::vector<GatherPoint> GatherCurve(const MachineLimits& m) {
  if (!m.gather_curve.empty()) return m.gather_curve;
  return {{m.l2_array_bytes, m.one_core.l2_gathers_per_second, m.all_cores.l2_gathers_per_second},
          {m.l3_array_bytes, m.one_core.l3_gathers_per_second, m.all_cores.l3_gathers_per_second},
          {m.dram_array_bytes, m.one_core.dram_gathers_per_second,
           m.all_cores.dram_gathers_per_second}};
}

GatherPoint ChargedGatherPoint(const MachineLimits& m, uint64_t bytes) {
  const std::vector<GatherPoint> curve = GatherCurve(m);
  GatherPoint charged = curve.front();
  for (const GatherPoint& p : curve) {
    if (p.array_bytes <= bytes) charged = p;
  }
  return charged;
}

double GatherRate(const MachineLimits& m, uint64_t bytes, int threads) {
  const GatherPoint p = ChargedGatherPoint(m, bytes);
  return Scaled(p.one_core, p.all_cores, threads, m.all_threads);
}

double ReadBandwidth(const MachineLimits& m, int threads) {
  return Scaled(m.one_core.read_bytes_per_second, m.all_cores.read_bytes_per_second, threads,
                m.all_threads);
}

std::string GatherArrayText(uint64_t bytes) {
  const double b = static_cast<double>(bytes);
  if (bytes < (uint64_t{1} << 20)) return Printf("%.0f KiB", b / 1024);
  if (bytes < (uint64_t{1} << 30)) return Printf("%.0f MiB", b / 1048576);
  return Printf("%.1f GiB", b / 1073741824);
}

const char* GatherLevel(const MachineLimits& m, uint64_t bytes) {
  if (bytes <= m.l2_bytes) return "L2";
  if (bytes <= m.l3_bytes) return "L3";
  return "DRAM";
}

}  // namespace cost::harness
