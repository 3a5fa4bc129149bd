// cost_prep_bench: how fast the preparation steps run, per Kronecker scale — Graph500
// Kronecker generation, symmetrised CSR construction (with transpose), Hilbert encode + radix
// sort of the out-CSR's arcs, and parsing a text edge list from a file (page-cached).
//
//   cost_prep_bench [--scale S ...] [--tmp DIR] [--benchmark_* flags]
//
// --scale may be given several times (default 20), e.g. `--scale 22 --scale 24
// --benchmark_filter=Csr`; benchmark names end in /scale:S so a filter can pick one. Inputs
// are made once per scale, outside the timed loops. Rates: edges_per_second counts generated
// (input) edges; the parse benchmark also reports bytes_per_second of the text file.
//
// Each step is also placed against the machine's memory bandwidth (`cost machine`, read from
// $COST_MACHINE_LIMITS or cost-data/machine-limits.json when present): moved_bytes is the least
// memory traffic the step needs (below), fraction_of_bandwidth is that traffic over the measured
// time divided by the sequential read bandwidth at OMP_NUM_THREADS threads. A step far below 1
// is bound by something else (random scatter, parsing, the generator's arithmetic). It is computed
// as a Google Benchmark rate, so the console prints it with a "/s" suffix; the value (and the
// JSON's) is the plain fraction.
//   generation      8 B per edge written (src, dst)
//   CSR build       8 B per input edge read, 4 B per arc written twice (out and in CSR)
//   Hilbert         4 B per arc read, 8 B key written, then 16 B per arc per radix pass
//   parse           the text read, 8 B per edge written
#include <benchmark/benchmark.h>
#include <omp.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/graph.h"
#include "datasets/hilbert_layout.h"
#include "datasets/kronecker.h"
#include "datasets/text_loader.h"

namespace cost::datasets {
namespace {

namespace fs = std::filesystem;

// Inputs for one scale, made on first use and kept for the other benchmarks of that scale.
struct ScaleInputs {
  EdgeList edges;
  Graph graph;  // symmetrised
  std::string text_path;
  uint64_t text_bytes = 0;
};

std::string g_tmp_dir;
double g_bandwidth = 0;  // bytes/s at this run's thread count; 0 when no limits were measured
std::vector<std::string> g_text_files;  // written by this run, removed at exit

KroneckerOptions OptionsFor(int scale) { return {.scale = scale, .edge_factor = 16, .seed = 1}; }

const EdgeList& EdgesFor(int scale) {
  static std::map<int, EdgeList> cache;
  auto it = cache.find(scale);
  if (it == cache.end()) it = cache.emplace(scale, GenerateKronecker(OptionsFor(scale))).first;
  return it->second;
}

const Graph& GraphFor(int scale) {
  static std::map<int, Graph> cache;
  auto it = cache.find(scale);
  if (it == cache.end()) {
    it = cache.emplace(scale, BuildGraph(EdgesFor(scale), {.symmetrize = true})).first;
  }
  return it->second;
}

// Writes the scale's edges as "src\tdst\n" lines (SNAP style) once; returns the file size.
const std::string& TextFileFor(int scale, uint64_t* bytes) {
  static std::map<int, std::string> cache;
  auto it = cache.find(scale);
  if (it == cache.end()) {
    const std::string path = (fs::path(g_tmp_dir) / ("cost_prep_bench_" + std::to_string(getpid()) +
                                                     "_kron" + std::to_string(scale) + ".txt"))
                                 .string();
    const EdgeList& edges = EdgesFor(scale);
    std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(path.c_str(), "w"), std::fclose);
    if (!out) throw std::runtime_error("cannot write " + path);
    for (uint64_t e = 0; e < edges.num_edges(); ++e) {
      std::fprintf(out.get(), "%u\t%u\n", edges.src[e], edges.dst[e]);
    }
    g_text_files.push_back(path);
    it = cache.emplace(scale, path).first;
  }
  *bytes = fs::file_size(it->second);
  return it->second;
}

void RemoveTextFiles() {
  std::error_code ignored;
  for (const std::string& path : g_text_files) fs::remove(path, ignored);
}

void SetEdgeRate(benchmark::State& state, uint64_t edges) {
  state.counters["edges"] = static_cast<double>(edges);
  state.counters["edges_per_second"] =
      benchmark::Counter(static_cast<double>(edges), benchmark::Counter::kIsIterationInvariantRate);
}

// Moved bytes as a counter, and their rate against the machine's bandwidth.
void SetTraffic(benchmark::State& state, double bytes) {
  state.counters["moved_bytes"] = bytes;
  if (g_bandwidth > 0) {
    // Counter kIsIterationInvariantRate divides by the elapsed time: bytes/s, then / bandwidth.
    state.counters["fraction_of_bandwidth"] =
        benchmark::Counter(bytes / g_bandwidth, benchmark::Counter::kIsIterationInvariantRate);
  }
}

// Radix passes RadixSort makes over keys of `bits` significant bits (11-bit digits).
int RadixPasses(int bits) { return (bits + 10) / 11; }

void BM_KroneckerGenerate(benchmark::State& state, int scale) {
  uint64_t edges = 0;
  for (auto _ : state) {
    EdgeList list = GenerateKronecker(OptionsFor(scale));
    edges = list.num_edges();
    benchmark::DoNotOptimize(list.src.data());
  }
  SetEdgeRate(state, edges);
  SetTraffic(state, 8.0 * edges);
}

void BM_CsrBuildSymmetrised(benchmark::State& state, int scale) {
  const EdgeList& edges = EdgesFor(scale);
  uint64_t arcs = 0;
  for (auto _ : state) {
    Graph graph = BuildGraph(edges, {.symmetrize = true});
    arcs = graph.num_edges();
    benchmark::DoNotOptimize(arcs);
  }
  SetEdgeRate(state, edges.num_edges());
  state.counters["arcs"] = static_cast<double>(arcs);
  SetTraffic(state, 8.0 * edges.num_edges() + 8.0 * arcs);
}

void BM_HilbertEncodeSort(benchmark::State& state, int scale) {
  const Graph& graph = GraphFor(scale);
  for (auto _ : state) {
    std::vector<uint64_t> keys = HilbertIndicesOf(graph.out);
    RadixSort(&keys);
    benchmark::DoNotOptimize(keys.data());
  }
  SetEdgeRate(state, graph.num_edges());  // arcs of the symmetrised CSR
  // The curve index of a 2^scale x 2^scale grid has 2 x scale significant bits.
  SetTraffic(state, (12.0 + 16.0 * RadixPasses(2 * scale)) * graph.num_edges());
}

void BM_TextEdgeListParse(benchmark::State& state, int scale) {
  uint64_t bytes = 0;
  const std::string& path = TextFileFor(scale, &bytes);
  uint64_t edges = 0;
  for (auto _ : state) {
    EdgeList list = LoadTextEdgeList(path);
    edges = list.num_edges();
    benchmark::DoNotOptimize(list.src.data());
  }
  SetEdgeRate(state, edges);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  SetTraffic(state, static_cast<double>(bytes) + 8.0 * edges);
}

// Sequential read bandwidth at omp_get_max_threads() threads from the limits `cost machine`
// saved (the one-core figure times threads, capped at the all-cores figure, as the harness's
// cost model scales it); 0 when there are none. Read as plain JSON: datasets/ does not link the
// harness.
double MachineBandwidth() {
  const char* env = std::getenv("COST_MACHINE_LIMITS");
  const std::string path = env && *env ? env : "cost-data/machine-limits.json";
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr,
                 "prep_bench: no machine limits at %s (run `cost machine`): "
                 "no fraction_of_bandwidth\n",
                 path.c_str());
    return 0;
  }
  try {
    const nlohmann::json j = nlohmann::json::parse(in);
    const int threads = omp_get_max_threads();
    const double one = j.at("one_core").at("read_bytes_per_second").get<double>();
    const double all = j.at("all_cores").at("read_bytes_per_second").get<double>();
    const double bandwidth =
        threads >= j.at("all_threads").get<int>() ? all : std::min(all, one * threads);
    std::fprintf(stderr, "prep_bench: read bandwidth %.1f GB/s at %d thread(s), from %s\n",
                 bandwidth / 1e9, threads, path.c_str());
    return bandwidth;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "prep_bench: %s: %s\n", path.c_str(), e.what());
    return 0;
  }
}

void RegisterScale(int scale) {
  const std::string suffix = "/scale:" + std::to_string(scale);
  using Fn = void (*)(benchmark::State&, int);
  const std::pair<const char*, Fn> benchmarks[] = {
      {"KroneckerGenerate", BM_KroneckerGenerate},
      {"CsrBuildSymmetrised", BM_CsrBuildSymmetrised},
      {"HilbertEncodeSort", BM_HilbertEncodeSort},
      {"TextEdgeListParse", BM_TextEdgeListParse},
  };
  for (const auto& [name, fn] : benchmarks) {
    const std::string full = name + suffix;
    benchmark::RegisterBenchmark(full.c_str(), fn, scale)
        ->UseRealTime()  // generation and CSR build use OpenMP threads
        ->Unit(benchmark::kMillisecond);
  }
}

}  // namespace
}  // namespace cost::datasets

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);  // strips --benchmark_* flags
  CLI::App app("Google Benchmark of the graph preparation steps at Kronecker scale S");
  std::vector<int> scales = {20};
  cost::datasets::g_tmp_dir = std::filesystem::temp_directory_path().string();
  app.add_option("--scale", scales, "Kronecker scale(s), edge factor 16 (default 20)")
      ->check(CLI::Range(10, 28));
  app.add_option("--tmp", cost::datasets::g_tmp_dir, "Folder for the temporary text edge list");
  CLI11_PARSE(app, argc, argv);
  cost::datasets::g_bandwidth = cost::datasets::MachineBandwidth();
  for (const int scale : scales) cost::datasets::RegisterScale(scale);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  cost::datasets::RemoveTextFiles();
  return 0;
}
