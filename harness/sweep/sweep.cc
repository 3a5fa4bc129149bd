#include "harness/sweep/sweep.h"

#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <stdexcept>

#include "datasets/catalog.h"
#include "datasets/graph_file.h"
#include "harness/core/format.h"
#include "harness/machine/machine_info.h"
#include "harness/machine/machine_limits.h"
#include "harness/prepare/graph_preparation.h"
#include "harness/run/implementations.h"
#include "harness/sweep/progress.h"
#include "harness/sweep/resume.h"
#include "harness/sweep/row_process.h"

namespace cost::harness {
namespace fs = std::filesystem;
namespace {

std::string PrepareDataset(const DatasetSpec& d, const std::string& cache_dir, bool quiet) {
  if (!d.graph.empty()) return d.graph;
  fs::create_directories(cache_dir);
  std::string path;
  // The layout is part of the cache key: the same source prepared with Hilbert order is another
  // file.
  const std::string layout =
      d.layout == datasets::EdgeLayout::kVertex ? "" : std::string("-") + EdgeLayoutName(d.layout);
  if (d.kronecker) {
    std::string name = KroneckerCacheName(*d.kronecker, true);
    name.insert(name.size() - std::string(".cgraph").size(), layout);
    path = (fs::path(cache_dir) / name).string();
  } else {
    // Keyed by the source's content too: an edited source file is prepared again, never served
    // from a stale cache entry.
    const std::string hash = Hex16(datasets::HashFile(d.edges));
    path = (fs::path(cache_dir) /
            (d.name + "-" + hash + (d.symmetrize ? "-sym" : "") + layout + ".cgraph"))
               .string();
  }
  if (fs::exists(path)) {
    datasets::ReadGraphFileInfo(path);  // a corrupt cache entry fails here, naming the file
    return path;
  }
  if (!quiet) std::cerr << "preparing " << d.name << " -> " << path << "\n";
  if (d.kronecker) {
    GenerateKroneckerFile(*d.kronecker, {.symmetrize = true, .layout = d.layout}, path);
  } else {
    ConvertToGraphFile(d.edges,
                       {.symmetrize = d.symmetrize, .format = d.format, .layout = d.layout}, path);
  }
  return path;
}

volatile sig_atomic_t g_interrupted = 0;
void OnInterrupt(int) { g_interrupted = 1; }


// Every results file carries the machine's limits, and every row its fraction of them: measured
// once per machine (--quick, a few seconds) into the cache folder unless $COST_MACHINE_LIMITS
// names a file. The rows' `cost run` children find the file through that variable.
void RecordMachineLimits(const std::string& cache_dir, bool quiet, nlohmann::json* machine) {
  const char* env = std::getenv("COST_MACHINE_LIMITS");
  const std::string path = env && *env ? std::string(env)
                                       : (fs::path(cache_dir) / "machine-limits.json").string();
  std::optional<MachineLimits> limits = LoadMachineLimits(path);
  if (!limits) {
    if (!quiet) {
      std::fprintf(stderr, "sweep: measuring this machine's limits once (cost machine --quick), "
                           "saved to %s\n", path.c_str());
    }
    limits = MeasureMachineLimits({.quick = true});
    SaveMachineLimits(*limits, path);
  }
  (*machine)["limits"] = ToJson(*limits);
  setenv("COST_MACHINE_LIMITS", fs::absolute(path).c_str(), 1);
}
}  // namespace

ResultsFile RunSweep(const SweepSpec& spec, const SweepOptions& options, bool* interrupted) {
  if (options.out.empty()) throw std::runtime_error("no results file given (--out)");
  ResultsFile results;
  if (fs::exists(options.out) && options.resume) {
    results = ReadResultsFile(options.out);
    RequireSameBuildAndMachine(results, options.out);
  } else if (fs::exists(options.out) && !options.overwrite) {
    throw std::runtime_error(options.out +
                             ": already exists; use --resume to continue it or --overwrite");
  }
  results.created = UtcNow();
  results.machine = DescribeMachine();
  results.build = DescribeBuild();
  RecordMachineLimits(spec.cache_dir, options.quiet, &results.machine);
  if (const fs::path parent = fs::path(options.out).parent_path(); !parent.empty()) {
    fs::create_directories(parent);
  }
  // Fail now, not after an hour, if the results cannot be written. An existing file is left as
  // it was until the datasets are ready, so a sweep that fails to start never touches it.
  const bool existed = fs::exists(options.out);
  const fs::path folder = fs::path(options.out).parent_path().empty()
                              ? fs::path(".")
                              : fs::path(options.out).parent_path();
  if (!existed) {
    WriteResultsFile(results, options.out);
  } else if (::access(folder.c_str(), W_OK) != 0) {
    throw std::runtime_error(options.out + ": cannot write its folder: " + std::strerror(errno));
  }
  const fs::path gbench_dir = options.out + ".gbench";
  fs::create_directories(gbench_dir);

  std::vector<ExternalSystem> externals;
  for (const std::string& path : spec.systems) {
    for (ExternalSystem& e : LoadExternalSystems(path)) externals.push_back(std::move(e));
  }
  std::vector<std::string> graphs;
  for (const DatasetSpec& d : spec.datasets) {
    graphs.push_back(PrepareDataset(d, spec.cache_dir, options.quiet));
  }
  const std::vector<SweepRow> rows = PlanRows(spec, graphs, externals, options.quiet);
  if (existed) WriteResultsFile(results, options.out);
  const std::string binary = options.cost_binary.empty()
                                 ? fs::read_symlink("/proc/self/exe").string()
                                 : options.cost_binary;

  g_interrupted = 0;
  struct sigaction action {
  }, old_int{}, old_term{};
  action.sa_handler = OnInterrupt;
  sigaction(SIGINT, &action, &old_int);
  sigaction(SIGTERM, &action, &old_term);
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  size_t done = 0, ran = 0;
  for (const SweepRow& row : rows) {
    ++done;
    if (HasRow(results, row)) continue;
    if (g_interrupted) break;
    if (!options.quiet) ShowProgress(done, rows.size(), row, nullptr, elapsed(), 0);
    // External systems and MPI ranks do not time with Google Benchmark: no JSON of its own.
    const Implementation* in_tree = FindImplementation(row.implementation);
    const bool gbench = in_tree != nullptr && in_tree->kind != Kind::kMultiprocess;
    Measurement m = RunRowInChild(row, spec, binary,
                                  gbench ? (gbench_dir / GbenchFileName(row)).string() : "",
                                  &g_interrupted);
    if (m.outcome == Outcome::kInterrupted) break;
    results.measurements.push_back(m);
    WriteResultsFile(results, options.out);
    ++ran;
    if (!options.quiet) {
      const double left =
          elapsed() / static_cast<double>(ran) * static_cast<double>(rows.size() - done);
      ShowProgress(done, rows.size(), row, &m, elapsed(), left);
    }
  }
  sigaction(SIGINT, &old_int, nullptr);
  sigaction(SIGTERM, &old_term, nullptr);
  if (interrupted) *interrupted = g_interrupted != 0;
  return results;
}

}  // namespace cost::harness
