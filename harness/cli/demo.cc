// `cost demo`: the embedded default. Generates a Kronecker graph (cached), sweeps PageRank and
// WCC (harness/sweep/demo.h says over what), prints the COST table, writes the report.
#include "harness/sweep/demo.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "harness/analysis/cost_table.h"
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

void RunDemo(const DemoCommandOptions& o, int* exit_code) {
  SweepOptions options;
  options.out = (std::filesystem::path(o.out) / "results.json").string();
  options.overwrite = true;  // each demo is a fresh measurement
  bool interrupted = false;
  const ResultsFile results = RunSweep(DemoSpec(o.demo), options, &interrupted);
  std::cout << "\n" << FormatCostTableText(ComputeCostTable(results.measurements));
  const ReportFiles files =
      WriteReport(results, (std::filesystem::path(o.out) / "report").string());
  std::cout << "results: " << options.out << "\nreport:  " << files.markdown << "\n";
  if (interrupted) *exit_code = ExitCodeOf(Outcome::kInterrupted);
}

}  // namespace

void AddDemoCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<DemoCommandOptions>();
  o->demo.max_threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  CLI::App* cmd = app.add_subcommand(
      "demo",
      "The embedded default: generate a Kronecker graph (cached), sweep PageRank and "
      "WCC over every implementation (but Parallel BGL's, minutes per call at this size) at "
      "1..nproc threads, print the COST table and write the report (OUT/results.json, "
      "OUT/report/report.md and report.html)");
  cmd->add_option("--scale", o->demo.scale,
                  "Kronecker scale: 2^SCALE vertices, 16 edges per vertex "
                  "(default 20)")
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
