// `cost reproduce`: the paper's experiments at a scale this machine holds, published times
// beside measured ones (harness/sweep/reproduce.h), then the usual report.
#include "harness/sweep/reproduce.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "harness/cli/commands.h"
#include "harness/core/outcome.h"
#include "harness/report/report.h"

namespace cost::harness {
namespace {

struct ReproduceCommandOptions {
  ReproduceOptions run;
  std::string real = "all";
  std::string out = "cost-reproduce";
  std::string paper = DefaultPublishedTimesPath();
  bool resume = false;
};

void AddReproduceOptions(CLI::App& cmd, ReproduceCommandOptions* o) {
  cmd.add_option("--scale", o->run.scale,
                 "Kronecker scale of the twitter_rv stand-in: 2^SCALE vertices (default 20)")
      ->check(CLI::Range(4, 28));
  cmd.add_option("--max-threads", o->run.max_threads,
                 "Parallel rows at 1..MAX_THREADS threads (default: the number of CPUs)")
      ->check(CLI::PositiveNumber);
  cmd.add_option("--repetitions", o->run.repetitions, "Timed repetitions per row (default 5)")
      ->check(CLI::PositiveNumber);
  cmd.add_option("--real", o->real,
                 "Real graphs from the catalog: all (default), none, or a comma-separated list");
  cmd.add_option("--twitter", o->run.twitter,
                 "twitter_rv itself, if you have it: a prepared .cgraph or twitter_rv.net");
  cmd.add_option("--out", o->out, "Folder for the results and report (default cost-reproduce)");
  cmd.add_option("--cache", o->run.cache_dir, "Folder for prepared graphs (default cost-data)");
  cmd.add_option("--paper", o->paper, "Published times (default: results/paper/ of the source)");
  cmd.add_flag("--resume", o->resume, "Keep the rows already in OUT/results.json");
}

void RunReproduce(ReproduceCommandOptions& o, int* exit_code) {
  const nlohmann::json published = ReadPublishedTimes(o.paper);
  o.run.real = RealGraphNames(o.real);
  std::vector<std::string> notes;
  const SweepSpec spec = ReproduceSpec(o.run, published, &notes);
  for (const std::string& note : notes) std::cerr << "note: " << note << "\n";
  std::cerr << "reproduce: " << spec.datasets.size() << " datasets (kron-" << o.run.scale
            << " stands in for twitter_rv), " << spec.implementations.size()
            << " implementations, 1.." << o.run.max_threads << " threads, " << o.run.repetitions
            << " repetitions per row\n";
  const std::filesystem::path out(o.out);
  SweepOptions options;
  options.out = (out / "results.json").string();
  options.resume = o.resume;
  options.overwrite = !o.resume;
  bool interrupted = false;
  const ResultsFile results = RunSweep(spec, options, &interrupted);
  std::cout << "\n" << ReproduceTables(published, results, /*markdown=*/false);
  WriteReproduceMarkdown(published, results, (out / "reproduce.md").string());
  const ReportFiles files = WriteReport(results, (out / "report").string());
  std::cout << "results: " << options.out << "\ntables:  " << (out / "reproduce.md").string()
            << "\nreport:  " << files.html << "\n";
  if (interrupted) *exit_code = ExitCodeOf(Outcome::kInterrupted);
}

}  // namespace

void AddReproduceCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<ReproduceCommandOptions>();
  o->run.max_threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  CLI::App* cmd = app.add_subcommand(
      "reproduce",
      "Run the paper's experiments at a scale this machine holds (a Kronecker graph for "
      "twitter_rv, the catalog's real graphs, twitter_rv when given) and print the paper's "
      "Tables 2-5 beside the measured times, its claims as ratios and every COST; writes "
      "OUT/results.json, OUT/reproduce.md and OUT/report/");
  AddReproduceOptions(*cmd, o.get());
  cmd->callback([o, exit_code] { RunReproduce(*o, exit_code); });
}

}  // namespace cost::harness
