// cost_prepare_bench: one bounded-memory preparation measured by hand — its phases (seconds,
// items, items per second), its peak resident set against the budget, and the bytes per edge of
// every section of the file it wrote.
//
//   cost_prepare_bench kronecker --scale S [--edge-factor F] [--directed] OPTIONS
//   cost_prepare_bench convert INPUT [--format F] [--symmetrize] OPTIONS
//   OPTIONS: --budget BYTES (suffix K, M, G; default 60% of MemAvailable)
//            --sections csr,transpose,hilbert,compressed (default csr,transpose)
//            --tmp-dir DIR   -o OUTPUT (default: a file in the temp folder, removed at the end)
//            --keep (keep OUTPUT)   --fan-in K (test the merge passes)
//
// Peak RSS is the process's VmHWM, so it includes the binary and libraries (about 10 MB) beside
// what the budget covers. Threads: OMP_NUM_THREADS. Not a Google Benchmark: one preparation of
// a large graph is the measurement, repetitions would only rewrite the same file.
#include <omp.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "datasets/dataset_error.h"
#include "datasets/external/interrupt.h"
#include "datasets/external/memory_budget.h"
#include "datasets/prepare_graph.h"

namespace cost::datasets {
namespace {

namespace fs = std::filesystem;

// The process's peak resident set when each phase ended, in phase order.
std::vector<uint64_t> g_phase_peaks;

struct BenchOptions {
  std::string budget, sections = "csr,transpose", tmp_dir, output, input, format;
  int scale = 18, edge_factor = 16;
  bool directed = false, symmetrize = false, keep = false;
  uint64_t fan_in = 0;
};

uint64_t ParseBytes(const std::string& text) {
  size_t used = 0;
  const double value = std::stod(text, &used);
  const std::string unit = text.substr(used);
  const double scale = unit.empty()  ? 1
                       : unit == "K" ? 1 << 10
                       : unit == "M" ? 1 << 20
                       : unit == "G" ? double(uint64_t{1} << 30)
                                     : -1;
  if (scale < 0) throw DatasetError("--budget " + text + ": unit must be K, M or G");
  return static_cast<uint64_t>(value * scale);
}

PreparationOptions OptionsFrom(const BenchOptions& b, bool symmetrize) {
  PreparationOptions o;
  o.sections = ParsePreparedSections(b.sections);
  o.symmetrize = symmetrize;
  o.memory_budget = b.budget.empty() ? 0 : ParseBytes(b.budget);
  o.tmp_dir = b.tmp_dir;
  o.max_merge_fan_in = b.fan_in;
  o.progress = [](const PreparationProgress& p) {
    if (p.finished) {
      g_phase_peaks.push_back(PeakResidentBytes());
      return;
    }
    std::fprintf(stderr, "  %-16s %12llu / %-12llu %8.1f M/s  eta %6.1f s\r", p.phase.c_str(),
                 static_cast<unsigned long long>(p.done), static_cast<unsigned long long>(p.total),
                 p.rate / 1e6, p.eta_seconds);
  };
  return o;
}

void PrintReport(const PreparationReport& r) {
  std::printf("\n%s (%s): %llu vertices, %llu arcs, threads %d, budget %.1f MiB\n",
              r.source.c_str(), PreparedSectionsName(r.sections).c_str(),
              static_cast<unsigned long long>(r.num_vertices),
              static_cast<unsigned long long>(r.num_edges), omp_get_max_threads(),
              r.memory_budget / 1048576.0);
  double total = 0;
  for (size_t i = 0; i < r.phases.size(); ++i) {
    const PhaseReport& p = r.phases[i];
    const double peak = i < g_phase_peaks.size() ? g_phase_peaks[i] / 1048576.0 : 0;
    std::printf("  phase %-16s %8.2f s  %12llu items  %8.2f M/s  peak RSS so far %.1f MiB\n",
                p.name.c_str(), p.seconds, static_cast<unsigned long long>(p.items),
                p.seconds > 0 ? p.items / p.seconds / 1e6 : 0.0, peak);
    total += p.seconds;
  }
  std::printf("  total %.2f s; input edges %llu: %.2f M/s\n", total,
              static_cast<unsigned long long>(r.stats.input_edges),
              total > 0 ? r.stats.input_edges / total / 1e6 : 0.0);
  std::printf("  runs spilled %llu, merge passes %llu, peak run bytes %llu\n",
              static_cast<unsigned long long>(r.runs_spilled),
              static_cast<unsigned long long>(r.merge_passes),
              static_cast<unsigned long long>(r.peak_run_bytes));
  const uint64_t peak = PeakResidentBytes();
  std::printf("  peak RSS %.1f MiB = %.2f x budget\n", peak / 1048576.0,
              static_cast<double>(peak) / r.memory_budget);
  for (const GraphFileSectionInfo& s : r.info.sections) {
    std::printf("  section %-20s %14llu bytes  %7.3f bytes/edge\n", s.name(),
                static_cast<unsigned long long>(s.bytes), s.bytes_per_edge);
  }
  std::printf("  file %llu bytes, content checksum %016llx\n",
              static_cast<unsigned long long>(r.info.file_bytes),
              static_cast<unsigned long long>(r.info.content_checksum));
}

int Run(const BenchOptions& b, bool kronecker) {
  const std::string output =
      b.output.empty()
          ? (fs::path(b.tmp_dir.empty() ? fs::temp_directory_path().string() : b.tmp_dir) /
             ("cost_prepare_bench_" + std::to_string(::getpid()) + ".cgraph"))
                .string()
          : b.output;
  PreparationReport report;
  if (kronecker) {
    const KroneckerOptions k{.scale = b.scale, .edge_factor = b.edge_factor, .seed = 1};
    report = PrepareKronecker(k, OptionsFrom(b, !b.directed), output);
  } else {
    const std::optional<GraphFormat> format =
        b.format.empty() ? std::nullopt : std::optional(ParseFormatName(b.format));
    report = PrepareFromInput(b.input, format, OptionsFrom(b, b.symmetrize), output);
  }
  PrintReport(report);
  if (!b.keep) fs::remove(output);
  return 0;
}

}  // namespace
}  // namespace cost::datasets

int main(int argc, char** argv) {
  using cost::datasets::BenchOptions;
  CLI::App app("One bounded-memory preparation: phases, peak RSS, bytes per edge per section");
  BenchOptions b;
  const auto common = [&b](CLI::App* cmd) {
    cmd->add_option("--budget", b.budget, "Memory budget in bytes (suffix K, M, G)");
    cmd->add_option("--sections", b.sections, "csr,transpose,hilbert,compressed");
    cmd->add_option("--tmp-dir", b.tmp_dir, "Folder for the temp folder");
    cmd->add_option("-o,--output", b.output, "The prepared file (removed unless --keep)");
    cmd->add_flag("--keep", b.keep, "Keep the output");
    cmd->add_option("--fan-in", b.fan_in, "Most runs merged at once (0: from the budget)");
  };
  CLI::App* kron = app.add_subcommand("kronecker", "Generate a Graph500 Kronecker graph");
  kron->add_option("--scale", b.scale, "2^scale vertices")->check(CLI::Range(1, 31));
  kron->add_option("--edge-factor", b.edge_factor, "edges per vertex");
  kron->add_flag("--directed", b.directed, "Do not symmetrise");
  common(kron);
  CLI::App* convert = app.add_subcommand("convert", "Convert an input file or pipe");
  convert->add_option("input", b.input, "Input file")->required();
  convert->add_option("--format", b.format, "snap, mtx, evlp, raw, cost-vertex, cgraph");
  convert->add_flag("--symmetrize", b.symmetrize, "Store both directions");
  common(convert);
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  try {
    return cost::datasets::Run(b, kron->parsed());
  } catch (const cost::datasets::PreparationInterrupted& e) {
    std::fprintf(stderr, "cost_prepare_bench: %s\n", e.what());
    return 130;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cost_prepare_bench: %s\n", e.what());
    return 1;
  }
}
