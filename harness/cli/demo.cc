// `cost demo`: the embedded default. Generates a Kronecker graph (cached), sweeps PageRank, WCC
// and BFS (harness/sweep/demo.h says over what), prints COST against the simple and the best
// single thread and the answer in words, writes the report.
#include "harness/sweep/demo.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "harness/analysis/cost_per_baseline.h"
#include "harness/analysis/cost_table.h"
#include "harness/analysis/plain_summary.h"
#include "harness/cli/commands.h"
#include "harness/core/outcome.h"
#include "harness/report/report.h"
#include "harness/sweep/sweep.h"

namespace cost::harness {
namespace {

struct DemoCommandOptions {
  DemoOptions demo;
  std::string out = "cost-demo";
};

// What the demo prints when its sweep ends: COST against the paper's two lines first (the simple
// and the best single thread of each kernel), then the answer in words.
void PrintDemoSummary(const ResultsFile& results) {
  std::cout << "\nCOST against the simple and the best single thread of each kernel\n\n"
            << CostAgainstEachBaselineText(
                   AgainstBestAndSimpleBaselines(CostAgainstEachBaseline(results.measurements)));
  std::cout << "\nIn short:\n";
  for (const std::string& line : PlainSummary(ComputeCostTable(results.measurements))) {
    std::cout << "  " << line << "\n";
  }
}

void RunDemo(const DemoCommandOptions& o, int* exit_code) {
  SweepOptions options;
  options.out = (std::filesystem::path(o.out) / "results.json").string();
  options.overwrite = true;  // each demo is a fresh measurement
  bool interrupted = false;
  const ResultsFile results = RunSweep(DemoSpec(o.demo), options, &interrupted);
  PrintDemoSummary(results);
  const ReportFiles files =
      WriteReport(results, (std::filesystem::path(o.out) / "report").string());
  std::cout << "\nresults: " << options.out << "\nreport:  " << files.markdown
            << " (every row, every baseline, the plots)\n";
  if (interrupted) *exit_code = ExitCodeOf(Outcome::kInterrupted);
}

}  // namespace

void AddDemoCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<DemoCommandOptions>();
  o->demo.max_threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  CLI::App* cmd = app.add_subcommand(
      "demo",
      "The embedded default: generate a Kronecker graph with Hilbert-ordered arcs (cached), "
      "sweep PageRank, WCC and BFS over every implementation (but Parallel BGL's, minutes per "
      "call at this size) at 1..nproc threads, print each parallel row's COST against the "
      "simple and the best single thread and write the report (OUT/results.json, "
      "OUT/report/report.md and report.html)");
  cmd->add_option("--scale", o->demo.scale,
                  "Kronecker scale: 2^SCALE vertices, 16 edges per vertex (default " +
                      std::to_string(DemoOptions{}.scale) + ")")
      ->check(CLI::Range(4, 26));
  cmd->add_option("--max-threads", o->demo.max_threads,
                  "Sweep 1..MAX_THREADS threads (default: "
                  "the number of CPUs)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--repetitions", o->demo.repetitions, "Timed repetitions per row (default 5)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--out", o->out, "Folder for results.json and report/ (default cost-demo)");
  cmd->add_option("--cache", o->demo.cache_dir, "Folder for generated graphs (default cost-data)");
  cmd->callback([o, exit_code] { RunDemo(*o, exit_code); });
}

}  // namespace cost::harness
