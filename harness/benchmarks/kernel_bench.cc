// cost_kernel_bench: every in-process row of the implementation table on Kronecker graphs, with
// its rate (arcs per second; PageRank: arcs x iterations) and its fraction of this machine's limit
// from the cost model (harness/machine/cost_model.h). A benchmark, not a test: run it by hand.
//
//   cost_kernel_bench [--scale S ...] [--threads T ...] [--repetitions R] [--no-validate]
//                     [--benchmark_filter=REGEX] [--benchmark_out=FILE] ...
//
// Names are IMPLEMENTATION/scale:S/threads:T. Each benchmark is R repetitions of one kernel call
// (Google Benchmark reports their median, mean and spread); the time is our own steady clock
// around the call (manual time), the same region `cost run` times. The graph of each scale is
// generated once (Graph500 Kronecker, edge factor 16, seed 1, symmetrised), with its Hilbert
// layouts made only when a benchmark needs them. Before timing, each row's output is validated
// once against the harness's reference unless --no-validate. Machine limits are read from
// $COST_MACHINE_LIMITS or cost-data/machine-limits.json, measured (--quick) when absent.
#include <benchmark/benchmark.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/hilbert_layout.h"
#include "datasets/kronecker.h"
#include "harness/machine/cost_model.h"
#include "harness/machine/machine_limits.h"
#include "harness/run/implementations.h"
#include "harness/run/measurement.h"
#include "harness/run/validation.h"

namespace cost::harness {
namespace {

bool g_validate = true;
std::optional<MachineLimits> g_limits;

// The graph of a scale in one layout, made on first use and kept.
const datasets::Graph& GraphFor(int scale, datasets::EdgeLayout layout) {
  static std::map<int, datasets::Graph> vertex_order;
  static std::map<std::pair<int, datasets::EdgeLayout>, datasets::Graph> layouts;
  auto it = vertex_order.find(scale);
  if (it == vertex_order.end()) {
    std::fprintf(stderr, "kernel_bench: generating Kronecker scale %d\n", scale);
    const datasets::EdgeList edges =
        datasets::GenerateKronecker({.scale = scale, .edge_factor = 16, .seed = 1});
    it = vertex_order.emplace(scale, datasets::BuildGraph(edges, {.symmetrize = true})).first;
  }
  if (layout == datasets::EdgeLayout::kVertex) return it->second;
  auto jt = layouts.find({scale, layout});
  if (jt == layouts.end()) {
    std::fprintf(stderr, "kernel_bench: preparing the %s layout of scale %d\n",
                 datasets::EdgeLayoutName(layout), scale);
    jt = layouts.emplace(std::pair{scale, layout}, datasets::WithHilbertLayout(it->second, layout))
             .first;
  }
  return jt->second;
}

// Whether the row's output on the scale's graph is valid: checked once per row and scale, the
// reason printed on stderr when it is not.
bool OutputValid(const Implementation& impl, int scale, const datasets::Graph& graph,
                 const RunParams& params) {
  static std::map<std::string, bool> validated;
  const std::string key = std::string(impl.name) + "/" + std::to_string(scale);
  if (!validated.count(key)) {
    ValidationResult v =
        ValidateOutput(impl.kernel, graph, params, RunInProcess(impl, graph, params));
    NoteDeviation(impl, graph, &v);
    validated[key] = v.ok;
    if (!v.ok) std::fprintf(stderr, "kernel_bench: %s: %s\n", key.c_str(), v.message.c_str());
  }
  return validated[key];
}

void BM_Kernel(benchmark::State& state, const Implementation* impl, int scale, int threads) {
  const datasets::Graph& graph = GraphFor(scale, impl->requires_layout);
  RunParams params;
  params.threads = threads;
  if (impl->kernel == Kernel::kBfs) params.source = DefaultBfsSource(graph);
  if (g_validate && !OutputValid(*impl, scale, graph, params)) {
    state.SkipWithError("output failed validation (see stderr)");
    return;
  }
  double total = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    Values values = RunInProcess(*impl, graph, params);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    benchmark::DoNotOptimize(values);
    state.SetIterationTime(seconds);
    total += seconds;
  }
  const double passes = impl->kernel == Kernel::kPageRank ? params.iterations : 1;
  const double arcs = static_cast<double>(graph.num_edges());
  state.counters["arcs"] = arcs;
  state.counters["arcs_per_second"] =
      benchmark::Counter(arcs * passes, benchmark::Counter::kIsIterationInvariantRate);
  if (g_limits && total > 0) {
    const CostEstimate e = EstimateCost(
        WorkloadOf(impl->kernel, impl->requires_layout, graph, params.iterations, threads),
        *g_limits);
    state.counters["fraction_of_limit"] = e.limit_seconds * state.iterations() / total;
    state.counters["limit_seconds"] = e.limit_seconds;
  }
}

// This machine's limits from their file, measured (--quick) and saved when absent.
MachineLimits LoadOrMeasureLimits() {
  const std::string limits_path = DefaultMachineLimitsPath();
  if (std::optional<MachineLimits> limits = LoadMachineLimits(limits_path)) return *limits;
  std::fprintf(stderr, "kernel_bench: measuring this machine's limits (--quick) into %s\n",
               limits_path.c_str());
  MachineLimitsOptions options;
  options.quick = true;
  const MachineLimits limits = MeasureMachineLimits(options);
  SaveMachineLimits(limits, limits_path);
  return limits;
}

// One benchmark per in-process row, scale and thread count (single-threaded rows at 1 only). The
// multiprocess rows run under mpirun, where their ranks time themselves: not here.
void RegisterKernels(const std::vector<int>& scales, const std::vector<int>& threads,
                     int repetitions) {
  for (int scale : scales) {
    for (const Implementation* impl : InProcessImplementations()) {
      const std::vector<int> counts =
          impl->kind == Kind::kSingleThreaded ? std::vector<int>{1} : threads;
      for (int t : counts) {
        const std::string name = std::string(impl->name) + "/scale:" + std::to_string(scale) +
                                 "/threads:" + std::to_string(t);
        benchmark::RegisterBenchmark(name.c_str(), BM_Kernel, impl, scale, t)
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond)
            ->Iterations(1)
            ->Repetitions(repetitions);
      }
    }
  }
}

}  // namespace
}  // namespace cost::harness

int main(int argc, char** argv) {
  using namespace cost::harness;
  // Our flags first; whatever CLI11 leaves is Google Benchmark's.
  std::vector<int> scales{20};
  std::vector<int> threads;
  int repetitions = 3;
  bool no_validate = false;
  CLI::App app{
      "cost_kernel_bench: every in-process kernel row on Kronecker graphs, rate and "
      "fraction of the machine's limit (Google Benchmark; its --benchmark_* flags pass "
      "through)"};
  app.allow_extras();
  app.add_option("--scale", scales, "Kronecker scale(s) (default 20)");
  app.add_option("--threads", threads,
                 "Thread counts for threaded rows (default 1 and every CPU); single-threaded "
                 "rows run once");
  app.add_option("--repetitions", repetitions, "Kernel calls per benchmark (default 3)")
      ->check(CLI::PositiveNumber);
  app.add_flag("--no-validate", no_validate, "Skip validating each row's output first");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  g_validate = !no_validate;
  const int cpus = std::max(1u, std::thread::hardware_concurrency());
  if (threads.empty()) threads = cpus > 1 ? std::vector<int>{1, cpus} : std::vector<int>{1};
  g_limits = LoadOrMeasureLimits();
  RegisterKernels(scales, threads, repetitions);
  std::vector<std::string> extras = app.remaining();  // kept alive: rest points into it
  std::vector<char*> rest{argv[0]};
  for (std::string& r : extras) rest.push_back(r.data());
  int rest_argc = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_argc, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
