#include "harness/sweep.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "datasets/graph_file.h"
#include "harness/machine_info.h"
#include "harness/prepare.h"

namespace cost::harness {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void SpecError(const std::string& source, const std::string& field,
                            const std::string& reason) {
  throw std::runtime_error(source + ": " + field + ": " + reason);
}

std::string Resolve(const std::string& base_dir, const std::string& path) {
  if (path.empty() || fs::path(path).is_absolute()) return path;
  return (fs::path(base_dir) / path).lexically_normal().string();
}

DatasetSpec ParseDataset(const nlohmann::json& j, const std::string& source,
                         const std::string& base_dir, size_t index) {
  const std::string field = "datasets[" + std::to_string(index) + "]";
  if (!j.is_object()) SpecError(source, field, "must be an object");
  DatasetSpec d;
  d.name = j.value("name", "");
  if (d.name.empty()) SpecError(source, field + ".name", "missing");
  const int kinds = j.contains("graph") + j.contains("edges") + j.contains("kronecker");
  if (kinds != 1)
    SpecError(source, field, "give exactly one of \"graph\", \"edges\", \"kronecker\"");
  if (j.contains("graph")) d.graph = Resolve(base_dir, j.at("graph").get<std::string>());
  if (j.contains("edges")) d.edges = Resolve(base_dir, j.at("edges").get<std::string>());
  d.symmetrize = j.value("symmetrize", false);
  if (j.contains("kronecker")) {
    const nlohmann::json& k = j.at("kronecker");
    datasets::KroneckerOptions o;
    o.scale = k.value("scale", o.scale);
    o.edge_factor = k.value("edge_factor", o.edge_factor);
    o.seed = k.value("seed", o.seed);
    if (o.scale < 1 || o.scale > 31) SpecError(source, field + ".kronecker.scale", "must be 1..31");
    if (o.edge_factor < 1) SpecError(source, field + ".kronecker.edge_factor", "must be >= 1");
    d.kronecker = o;
    d.symmetrize = true;
  }
  return d;
}

// Produces the prepared file for a dataset, reusing a cached one.
std::string PrepareDataset(const DatasetSpec& d, const std::string& cache_dir, bool quiet) {
  if (!d.graph.empty()) return d.graph;
  fs::create_directories(cache_dir);
  std::string path;
  if (d.kronecker) {
    path = (fs::path(cache_dir) / KroneckerCacheName(*d.kronecker, true)).string();
  } else {
    path = (fs::path(cache_dir) / (d.name + (d.symmetrize ? "-sym" : "") + ".cgraph")).string();
  }
  if (fs::exists(path)) {
    datasets::ReadGraphFileInfo(path);  // a corrupt cache entry fails here, naming the file
    return path;
  }
  if (!quiet) std::cerr << "preparing " << d.name << " -> " << path << "\n";
  if (d.kronecker) {
    GenerateKroneckerFile(*d.kronecker, true, path);
  } else {
    ConvertToGraphFile(d.edges, d.symmetrize, path);
  }
  return path;
}

bool SameRow(const Measurement& m, const SweepRow& row) {
  return m.dataset == row.dataset && m.implementation == row.implementation &&
         m.kernel == row.kernel && m.threads == row.threads && m.procs == 1;
}

std::vector<SweepRow> PlanRows(const SweepSpec& spec, const std::vector<std::string>& graphs) {
  std::vector<SweepRow> rows;
  for (size_t d = 0; d < spec.datasets.size(); ++d) {
    for (Kernel kernel : spec.kernels) {
      for (const Implementation& impl : Implementations()) {
        if (impl.kernel != kernel) continue;
        if (!spec.implementations.empty() &&
            std::find(spec.implementations.begin(), spec.implementations.end(), impl.name) ==
                spec.implementations.end()) {
          continue;
        }
        for (int t : spec.threads) {
          if (impl.kind == Kind::kSingleThreaded && t != 1) continue;
          rows.push_back({spec.datasets[d].name, graphs[d], std::string(impl.name),
                          std::string(KernelName(kernel)), t});
        }
      }
    }
  }
  return rows;
}

volatile sig_atomic_t g_interrupted = 0;
void OnInterrupt(int) { g_interrupted = 1; }

std::string TailOf(const std::string& path, size_t bytes) {
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text.size() > bytes ? text.substr(text.size() - bytes) : text;
}

std::string FormatDuration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char text[32];
  std::snprintf(text, sizeof text, "%02ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return text;
}

}  // namespace

SweepSpec ParseSweepSpec(const nlohmann::json& j, const std::string& source,
                         const std::string& base_dir) {
  if (!j.is_object()) SpecError(source, "(top level)", "must be a JSON object");
  SweepSpec spec;
  try {
    spec.name = j.value("name", fs::path(source).stem().string());
    if (!j.contains("datasets") || !j.at("datasets").is_array() || j.at("datasets").empty()) {
      SpecError(source, "datasets", "must be a non-empty array");
    }
    for (size_t i = 0; i < j.at("datasets").size(); ++i) {
      spec.datasets.push_back(ParseDataset(j.at("datasets")[i], source, base_dir, i));
    }
    if (!j.contains("kernels") || !j.at("kernels").is_array() || j.at("kernels").empty()) {
      SpecError(source, "kernels", "must be a non-empty array of \"pagerank\" / \"wcc\"");
    }
    for (const auto& k : j.at("kernels")) {
      Kernel kernel;
      if (!ParseKernel(k.get<std::string>(), &kernel)) {
        SpecError(source, "kernels", "unknown kernel \"" + k.get<std::string>() + "\"");
      }
      spec.kernels.push_back(kernel);
    }
    spec.implementations = j.value("implementations", std::vector<std::string>{});
    for (const std::string& name : spec.implementations) {
      if (!FindImplementation(name)) {
        SpecError(source, "implementations",
                  "unknown implementation \"" + name + "\" (see `cost systems`)");
      }
    }
    spec.threads = j.value("threads", spec.threads);
    for (int t : spec.threads) {
      if (t < 1) SpecError(source, "threads", "thread counts must be >= 1");
    }
    spec.repetitions = j.value("repetitions", spec.repetitions);
    if (spec.repetitions < 1) SpecError(source, "repetitions", "must be >= 1");
    spec.iterations = j.value("iterations", spec.iterations);
    if (spec.iterations < 0) SpecError(source, "iterations", "must be >= 0");
    spec.timeout_seconds = j.value("timeout_seconds", spec.timeout_seconds);
    if (spec.timeout_seconds <= 0) SpecError(source, "timeout_seconds", "must be > 0");
    spec.cache_dir = Resolve(base_dir, j.value("cache_dir", spec.cache_dir));
  } catch (const nlohmann::json::exception& e) {
    // A field of the wrong type: nlohmann names the type problem, we name the file.
    throw std::runtime_error(source + ": " + e.what());
  }
  return spec;
}

SweepSpec ReadSweepSpec(const std::string& path) {
  if (fs::is_directory(path)) throw std::runtime_error(path + ": is a directory");
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": " + std::strerror(errno));
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw std::runtime_error(path + ": not valid JSON: " + e.what());
  }
  const fs::path parent = fs::path(path).parent_path();
  return ParseSweepSpec(j, path, parent.empty() ? "." : parent.string());
}

Measurement RunRowInChild(const SweepRow& row, const SweepSpec& spec, const std::string& binary) {
  char dir_template[] = "/tmp/cost-row-XXXXXX";
  if (!mkdtemp(dir_template))
    throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
  const fs::path dir = dir_template;
  const std::string json_path = (dir / "row.json").string();
  const std::string log_path = (dir / "row.log").string();
  std::vector<std::string> args = {binary,          "run",
                                   "--impl",        row.implementation,
                                   "--kernel",      row.kernel,
                                   "--graph",       row.graph_path,
                                   "--dataset",     row.dataset,
                                   "--threads",     std::to_string(row.threads),
                                   "--repetitions", std::to_string(spec.repetitions),
                                   "--iterations",  std::to_string(spec.iterations),
                                   "--json",        json_path,
                                   "--quiet"};
  Measurement m;
  m.dataset = row.dataset;
  m.graph_path = row.graph_path;
  m.implementation = row.implementation;
  m.kernel = row.kernel;
  m.threads = row.threads;
  m.repetitions = spec.repetitions;
  if (const Implementation* impl = FindImplementation(row.implementation)) {
    m.system = impl->system;
    m.algorithm = impl->algorithm;
    m.kind = KindName(impl->kind);
  }
  const pid_t pid = fork();
  if (pid < 0) {
    m.outcome = "failed-to-start";
    m.message = std::string("fork: ") + std::strerror(errno);
    fs::remove_all(dir);
    return m;
  }
  if (pid == 0) {
    setpgid(0, 0);  // its own process group: a timeout kills the measurement and its children
    const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (log >= 0) {
      dup2(log, STDOUT_FILENO);
      dup2(log, STDERR_FILENO);
    }
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    std::fprintf(stderr, "cannot execute %s: %s\n", argv[0], std::strerror(errno));
    _exit(127);
  }
  setpgid(pid, pid);
  const auto start = std::chrono::steady_clock::now();
  int status = 0;
  bool timed_out = false;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (elapsed > spec.timeout_seconds || g_interrupted) {
      timed_out = !g_interrupted;
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const std::string tail = TailOf(log_path, 2000);
  if (timed_out) {
    m.outcome = "timeout";
    m.message = "no result after " + std::to_string(spec.timeout_seconds) + " s; killed";
  } else if (g_interrupted) {
    m.outcome = "interrupted";
    m.message = "sweep interrupted";
  } else if (WIFSIGNALED(status)) {
    m.outcome = "crashed";
    m.message = std::string("killed by signal ") + std::to_string(WTERMSIG(status)) + " (" +
                strsignal(WTERMSIG(status)) + "); stderr: " + tail;
  } else if (WEXITSTATUS(status) == 127) {
    m.outcome = "failed-to-start";
    m.message = tail;
  } else {
    try {
      ResultsFile one = ReadResultsFile(json_path);
      if (one.measurements.size() != 1) throw std::runtime_error("expected one measurement");
      m = one.measurements[0];
    } catch (const std::exception& e) {
      m.outcome = "crashed";
      m.message = "exit code " + std::to_string(WEXITSTATUS(status)) + ", no result (" + e.what() +
                  "); stderr: " + tail;
    }
  }
  fs::remove_all(dir);
  return m;
}

ResultsFile RunSweep(const SweepSpec& spec, const SweepOptions& options, bool* interrupted) {
  if (options.out.empty()) throw std::runtime_error("no results file given (--out)");
  ResultsFile results;
  if (fs::exists(options.out) && options.resume) {
    results = ReadResultsFile(options.out);
  } else if (fs::exists(options.out) && !options.overwrite) {
    throw std::runtime_error(options.out +
                             ": already exists; use --resume to continue it or --overwrite");
  }
  results.created = UtcNow();
  results.machine = DescribeMachine();
  results.build = DescribeBuild();
  if (const fs::path parent = fs::path(options.out).parent_path(); !parent.empty()) {
    fs::create_directories(parent);
  }
  WriteResultsFile(results, options.out);  // fail now, not after an hour, if it cannot be written

  std::vector<std::string> graphs;
  for (const DatasetSpec& d : spec.datasets)
    graphs.push_back(PrepareDataset(d, spec.cache_dir, options.quiet));
  const std::vector<SweepRow> rows = PlanRows(spec, graphs);
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
  size_t done = 0, ran = 0;
  for (const SweepRow& row : rows) {
    ++done;
    bool finished = false;
    for (const Measurement& m : results.measurements) finished = finished || SameRow(m, row);
    if (finished) continue;
    if (g_interrupted) break;
    Measurement m = RunRowInChild(row, spec, binary);
    if (m.outcome == "interrupted") break;
    results.measurements.push_back(m);
    WriteResultsFile(results, options.out);
    ++ran;
    if (!options.quiet) {
      const double elapsed =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const double left =
          elapsed / static_cast<double>(ran) * static_cast<double>(rows.size() - done);
      std::fprintf(stderr,
                   "[%zu/%zu] %-26s %-8s %-12s threads=%-2d %9.4f s  %-14s elapsed %s, ~%s left\n",
                   done, rows.size(), row.implementation.c_str(), row.kernel.c_str(),
                   row.dataset.c_str(), row.threads, m.median_seconds, m.outcome.c_str(),
                   FormatDuration(elapsed).c_str(), FormatDuration(left).c_str());
    }
  }
  sigaction(SIGINT, &old_int, nullptr);
  sigaction(SIGTERM, &old_term, nullptr);
  if (interrupted) *interrupted = g_interrupted != 0;
  return results;
}

}  // namespace cost::harness
