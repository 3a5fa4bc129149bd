#include "harness/sweep.h"

#include <signal.h>
#include <unistd.h>

#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "datasets/catalog.h"
#include "datasets/graph_file.h"
#include "harness/child_process.h"
#include "harness/cli.h"
#include "harness/external_system.h"
#include "harness/machine_info.h"
#include "harness/machine_limits.h"
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
  if (j.contains("format")) {
    if (d.edges.empty()) SpecError(source, field + ".format", "only an \"edges\" input has one");
    try {
      d.format = datasets::ParseFormatName(j.at("format").get<std::string>());
    } catch (const std::exception& e) {
      SpecError(source, field + ".format", e.what());
    }
  }
  if (j.contains("layout")) {
    if (!d.graph.empty())
      SpecError(source, field + ".layout", "a prepared \"graph\" has its layout already");
    try {
      d.layout = datasets::ParseEdgeLayout(j.at("layout").get<std::string>());
    } catch (const std::exception& e) {
      SpecError(source, field + ".layout", e.what());
    }
  }
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
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx",
                  static_cast<unsigned long long>(datasets::HashFile(d.edges)));
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

// Whether a prepared file carries the edge layout an implementation needs.
bool HasLayout(const datasets::GraphFileInfo& info, datasets::EdgeLayout layout) {
  switch (layout) {
    case datasets::EdgeLayout::kVertex:
      return true;
    case datasets::EdgeLayout::kHilbert:
      return info.has_hilbert;
    case datasets::EdgeLayout::kCompressed:
      return info.hilbert_compressed_bytes > 0;
  }
  return false;
}

bool SameRow(const Measurement& m, const SweepRow& row) {
  return m.dataset == row.dataset && m.implementation == row.implementation &&
         m.kernel == row.kernel && m.threads == row.threads && m.procs == row.procs;
}

bool Wanted(const SweepSpec& spec, std::string_view name) {
  return spec.implementations.empty() ||
         std::find(spec.implementations.begin(), spec.implementations.end(), name) !=
             spec.implementations.end();
}

// Every (dataset, kernel, implementation, threads) row, in-tree implementations first, then
// external systems; single-threaded ones at 1 thread only.
// Rows needing an edge layout their dataset was not prepared with are left out (a note says so).
std::vector<SweepRow> PlanRows(const SweepSpec& spec, const std::vector<std::string>& graphs,
                               const std::vector<ExternalSystem>& externals, bool quiet) {
  std::vector<datasets::GraphFileInfo> infos;
  for (const std::string& graph : graphs) infos.push_back(datasets::ReadGraphFileInfo(graph));
  std::vector<SweepRow> identities;
  std::vector<datasets::EdgeLayout> layouts;  // parallel to identities
  for (const Implementation& impl : Implementations()) {
    layouts.push_back(impl.requires_layout);
    identities.push_back({"", "", std::string(impl.name), std::string(KernelName(impl.kernel)), 1,
                          std::string(impl.system), std::string(impl.algorithm),
                          std::string(KindName(impl.kind))});
  }
  for (const ExternalSystem& e : externals) {
    layouts.push_back(datasets::EdgeLayout::kVertex);
    identities.push_back({"", "", e.name, std::string(KernelName(e.kernel)), 1, e.system,
                          e.algorithm, std::string(KindName(e.kind))});
  }
  std::vector<SweepRow> rows;
  for (size_t d = 0; d < spec.datasets.size(); ++d) {
    for (Kernel kernel : spec.kernels) {
      for (size_t i = 0; i < identities.size(); ++i) {
        const SweepRow& who = identities[i];
        if (who.kernel != KernelName(kernel) || !Wanted(spec, who.implementation)) continue;
        if (!HasLayout(infos[d], layouts[i])) {
          if (!quiet && !spec.implementations.empty()) {
            std::cerr << "note: " << who.implementation << " left out on " << spec.datasets[d].name
                      << ": it needs the " << EdgeLayoutName(layouts[i])
                      << " layout (\"layout\" in the dataset's spec entry)\n";
          }
          continue;
        }
        // In-tree multiprocess rows run one thread per rank at every process count.
        const Implementation* in_tree = FindImplementation(who.implementation);
        const bool multiprocess = in_tree != nullptr && in_tree->kind == Kind::kMultiprocess;
        for (int t : multiprocess ? std::vector<int>{1} : spec.threads) {
          if (who.kind == KindName(Kind::kSingleThreaded) && t != 1) continue;
          for (int p : multiprocess ? spec.procs : std::vector<int>{1}) {
            SweepRow row = who;
            row.dataset = spec.datasets[d].name;
            row.graph_path = graphs[d];
            row.threads = t;
            row.procs = p;
            rows.push_back(row);
          }
        }
      }
    }
  }
  return rows;
}

volatile sig_atomic_t g_interrupted = 0;
void OnInterrupt(int) { g_interrupted = 1; }

std::string FormatDuration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char text[32];
  std::snprintf(text, sizeof text, "%02ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return text;
}

}  // namespace

uint64_t ParseByteSize(const std::string& text) {
  uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [rest, ec] = std::from_chars(text.data(), end, value);
  int shift = 0;
  if (rest != end && rest + 1 == end) {
    const std::string units = "KMGT";
    const size_t unit = units.find(static_cast<char>(std::toupper(*rest)));
    shift = unit == std::string::npos ? -1 : 10 * static_cast<int>(unit + 1);
  } else if (rest != end) {
    shift = -1;
  }
  if (ec != std::errc() || shift < 0 || value == 0 || (shift && value > (~0ull >> shift))) {
    throw std::invalid_argument("\"" + text + "\" is not a size such as 512M or 8G");
  }
  return value << shift;
}

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
    for (const std::string& path : j.value("systems", std::vector<std::string>{})) {
      spec.systems.push_back(Resolve(base_dir, path));
    }
    std::vector<ExternalSystem> externals;
    for (const std::string& path : spec.systems) {
      for (ExternalSystem& e : LoadExternalSystems(path)) externals.push_back(std::move(e));
    }
    spec.implementations = j.value("implementations", std::vector<std::string>{});
    for (const std::string& name : spec.implementations) {
      if (!FindImplementation(name) && !FindExternalSystem(externals, name)) {
        SpecError(source, "implementations",
                  "unknown implementation \"" + name + "\" (see `cost systems`)");
      }
    }
    spec.threads = j.value("threads", spec.threads);
    for (int t : spec.threads) {
      if (t < 1) SpecError(source, "threads", "thread counts must be >= 1");
    }
    spec.procs = j.value("procs", spec.procs);
    for (int p : spec.procs) {
      if (p < 1) SpecError(source, "procs", "process counts must be >= 1");
    }
    if (j.contains("hostfile")) {
      spec.hostfile = Resolve(base_dir, j.at("hostfile").get<std::string>());
    }
    spec.repetitions = j.value("repetitions", spec.repetitions);
    if (spec.repetitions < 1) SpecError(source, "repetitions", "must be >= 1");
    spec.iterations = j.value("iterations", spec.iterations);
    if (spec.iterations < 0) SpecError(source, "iterations", "must be >= 0");
    spec.timeout_seconds = j.value("timeout_seconds", spec.timeout_seconds);
    if (spec.timeout_seconds <= 0) SpecError(source, "timeout_seconds", "must be > 0");
    if (j.contains("memory_cap")) {
      const nlohmann::json& cap = j.at("memory_cap");
      try {
        spec.memory_cap_bytes =
            cap.is_number_unsigned() ? cap.get<uint64_t>() : ParseByteSize(cap.get<std::string>());
      } catch (const std::invalid_argument& e) {
        SpecError(source, "memory_cap", e.what());
      }
    }
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
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for a
    // number too large for a double (found by the sweep_spec fuzzer)
    throw std::runtime_error(path + ": not valid JSON: " + e.what());
  }
  const fs::path parent = fs::path(path).parent_path();
  return ParseSweepSpec(j, path, parent.empty() ? "." : parent.string());
}

namespace {

// What became of a row whose process did not leave a results file.
void ClassifyFailure(const ChildResult& run, const SweepSpec& spec, Measurement* m) {
  using Status = ChildResult::Status;
  const std::string output = " Output: " + run.log_tail;
  const bool near_cap =
      spec.memory_cap_bytes > 0 && run.max_rss_bytes >= spec.memory_cap_bytes / 10 * 9;
  const bool says_oom = run.log_tail.find("bad_alloc") != std::string::npos ||
                        run.log_tail.find("out of memory") != std::string::npos;
  if (run.status == Status::kTimedOut) {
    m->outcome = "timeout";
    char limit[32];
    std::snprintf(limit, sizeof limit, "%g", spec.timeout_seconds);
    m->message = std::string("no result after ") + limit + " s; killed." + output;
  } else if (run.status == Status::kFailedToStart) {
    m->outcome = "failed-to-start";
    m->message = run.log_tail;
  } else if (says_oom || near_cap || (run.status == Status::kSignaled && run.signal == SIGKILL)) {
    // An unrequested SIGKILL is the kernel's OOM killer.
    m->outcome = "out-of-memory";
    m->message =
        "peak RSS " + std::to_string(run.max_rss_bytes >> 20) + " MiB" +
        (spec.memory_cap_bytes ? ", cap " + std::to_string(spec.memory_cap_bytes >> 20) + " MiB"
                               : std::string()) +
        "." + output;
  } else if (run.status == Status::kSignaled) {
    m->outcome = "crashed";
    m->message = "killed by " + DescribeSignal(run.signal) + "." + output;
  } else {
    m->outcome = "crashed";
    m->message = "exit status " + std::to_string(run.exit_code) + " and no result." + output;
  }
  m->peak_rss_bytes = run.max_rss_bytes;
}

}  // namespace

Measurement RunRowInChild(const SweepRow& row, const SweepSpec& spec, const std::string& binary,
                          const std::string& gbench_json) {
  char dir_template[] = "/tmp/cost-row-XXXXXX";
  if (!mkdtemp(dir_template)) {
    throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
  }
  const fs::path dir = dir_template;
  const std::string json_path = (dir / "row.json").string();
  ChildOptions child;
  child.argv = {binary,          "run",
                "--impl",        row.implementation,
                "--kernel",      row.kernel,
                "--graph",       row.graph_path,
                "--dataset",     row.dataset,
                "--threads",     std::to_string(row.threads),
                "--repetitions", std::to_string(spec.repetitions),
                "--iterations",  std::to_string(spec.iterations),
                "--json",        json_path,
                "--quiet"};
  for (const std::string& manifest : spec.systems) {
    child.argv.insert(child.argv.end(), {"--systems", manifest});
  }
  if (const Implementation* impl = FindImplementation(row.implementation);
      impl != nullptr && impl->kind == Kind::kMultiprocess) {
    // mpirun's own limit ends the ranks (which live outside this row's process group) before
    // the row's kill below would leave them orphaned.
    const double inner = spec.timeout_seconds > 50 ? spec.timeout_seconds - 15
                                                   : spec.timeout_seconds * 0.6;
    child.argv.insert(child.argv.end(),
                      {"--procs", std::to_string(row.procs), "--timeout", std::to_string(inner)});
    if (!spec.hostfile.empty()) child.argv.insert(child.argv.end(), {"--hostfile", spec.hostfile});
  }
  if (!gbench_json.empty()) child.argv.insert(child.argv.end(), {"--benchmark-json", gbench_json});
  child.log_path = (dir / "row.log").string();
  child.timeout_seconds = spec.timeout_seconds;
  child.memory_cap_bytes = spec.memory_cap_bytes;
  child.interrupt = &g_interrupted;
  const ChildResult run = RunChild(child);

  Measurement m;
  m.dataset = row.dataset;
  m.graph_path = row.graph_path;
  m.implementation = row.implementation;
  m.kernel = row.kernel;
  m.system = row.system;
  m.algorithm = row.algorithm;
  m.kind = row.kind;
  m.threads = row.threads;
  m.procs = row.procs;
  m.repetitions = spec.repetitions;
  m.oversubscribed = m.cores() > static_cast<int>(std::thread::hardware_concurrency());
  if (run.status == ChildResult::Status::kInterrupted) {
    m.outcome = "interrupted";
  } else if (run.status == ChildResult::Status::kExited && fs::exists(json_path)) {
    // `cost run` wrote its row: ok, invalid-output, or an external command's failure.
    try {
      ResultsFile one = ReadResultsFile(json_path);
      if (one.measurements.size() != 1) throw std::runtime_error("expected one measurement");
      m = one.measurements[0];
    } catch (const std::exception& e) {
      m.outcome = "crashed";
      m.message = std::string("unreadable result: ") + e.what();
    }
  } else {
    ClassifyFailure(run, spec, &m);
  }
  fs::remove_all(dir);
  return m;
}

namespace {

// One progress report: a line rewritten in place on a terminal, plain lines otherwise.
void ShowProgress(size_t done, size_t total, const SweepRow& row, const Measurement* m,
                  double elapsed, double left) {
  static const bool terminal = isatty(STDERR_FILENO);
  char line[320];
  if (m == nullptr) {  // starting a row: only worth showing on a terminal
    if (!terminal) return;
    std::snprintf(line, sizeof line, "[%zu/%zu] running %s %s on %s, %d thread(s); elapsed %s",
                  done, total, row.implementation.c_str(), row.kernel.c_str(), row.dataset.c_str(),
                  row.threads, FormatDuration(elapsed).c_str());
    std::fprintf(stderr, "\r\033[K%s", line);
    return;
  }
  std::snprintf(line, sizeof line,
                "[%zu/%zu] %-26s %-8s %-12s threads=%-2d procs=%-2d %9.4f s  %-15s elapsed %s, "
                "~%s left",
                done, total, row.implementation.c_str(), row.kernel.c_str(), row.dataset.c_str(),
                row.threads, row.procs, m->median_seconds, m->outcome.c_str(),
                FormatDuration(elapsed).c_str(),
                FormatDuration(left).c_str());
  std::fprintf(stderr, terminal ? "\r\033[K%s\n" : "%s\n", line);
}

std::string GbenchFileName(const SweepRow& row) {
  std::string name = row.dataset + "__" + row.implementation + "__" + row.kernel + "__t" +
                     std::to_string(row.threads) +
                     (row.procs > 1 ? "__p" + std::to_string(row.procs) : std::string()) + ".json";
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') c = '_';
  }
  return name;
}

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

// A results file records one build and one machine for all its rows, so --resume may only add
// rows measured by the same build on the same machine: otherwise the rows already there would be
// credited to a build or machine that did not measure them. (The machine limits are left out of
// the comparison: they are re-measured, and rows record their own fraction of them.)
void RequireSameBuildAndMachine(const ResultsFile& existing, const std::string& path) {
  if (existing.measurements.empty()) return;
  const nlohmann::json build = DescribeBuild();
  if (existing.build != build) {
    auto name = [](const nlohmann::json& b) {
      return b.value("git_revision", std::string("unknown")) +
             (b.value("git_dirty", false) ? " (uncommitted changes)" : "") + ", " +
             b.value("compiler", std::string("?")) + " " + b.value("cxx_flags", std::string());
    };
    throw std::runtime_error(path + ": its rows were measured by build " + name(existing.build) +
                             "; this is build " + name(build) +
                             ". One results file holds one build's rows: use --overwrite or "
                             "another --out");
  }
  nlohmann::json machine = DescribeMachine(), recorded = existing.machine;
  machine.erase("limits");
  recorded.erase("limits");
  if (recorded != machine) {
    throw std::runtime_error(path + ": its rows were measured on another machine (" +
                             recorded.value("hostname", std::string("?")) + ", " +
                             recorded.value("cpu_model", std::string("?")) +
                             "). One results file holds one machine's rows: use --overwrite or "
                             "another --out");
  }
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
    bool finished = false;
    for (const Measurement& m : results.measurements) finished = finished || SameRow(m, row);
    if (finished) continue;
    if (g_interrupted) break;
    if (!options.quiet) ShowProgress(done, rows.size(), row, nullptr, elapsed(), 0);
    // External systems and MPI ranks do not time with Google Benchmark: no JSON of its own.
    const Implementation* in_tree = FindImplementation(row.implementation);
    const bool gbench = in_tree != nullptr && in_tree->kind != Kind::kMultiprocess;
    Measurement m = RunRowInChild(row, spec, binary,
                                  gbench ? (gbench_dir / GbenchFileName(row)).string() : "");
    if (m.outcome == "interrupted") break;
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
