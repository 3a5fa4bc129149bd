// `cost reproduce`: the paper's experiments at a scale this machine holds, published times
// beside measured ones (harness/sweep/reproduce.h), then the usual report.
#include "harness/sweep/reproduce.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <thread>

#include "datasets/output_file.h"
#include "harness/cli/commands.h"
#include "harness/core/outcome.h"
#include "harness/report/report.h"
#include "harness/sweep/paper_scale.h"

namespace cost::harness {
namespace {

struct ReproduceCommandOptions {
  ReproduceOptions run;
  std::string real = "all";
  std::string out = "cost-reproduce";
  std::string paper = DefaultPublishedTimesPath();
  bool resume = false;
  // --paper-scale: harness/experiments/paper-scale.json (harness/sweep/paper_scale.h).
  bool paper_scale = false;
  bool dry_run = false;
  PaperScaleOptions paper_scale_options;
  // Whether --scale, --max-threads, --repetitions, --cache were given: with --paper-scale they
  // change the spec only then.
  CLI::Option *scale_given = nullptr, *threads_given = nullptr, *repetitions_given = nullptr,
              *cache_given = nullptr;
};

// --paper-scale and the options that only it reads.
void AddPaperScaleOptions(CLI::App& cmd, ReproduceCommandOptions* o) {
  cmd.add_flag("--paper-scale", o->paper_scale,
               "The paper's experiment at its size: harness/experiments/paper-scale.json "
               "(twitter-like, ~1.47 B edges; hours, a 16-24 GiB machine) instead of the small "
               "stand-ins; --scale makes it a smoke run");
  cmd.add_option("--spec", o->paper_scale_options.spec_path,
                 "With --paper-scale: the spec to run (default the committed paper-scale.json)");
  cmd.add_flag("--with-uk", o->paper_scale_options.with_uk,
               "With --paper-scale: uk-like (2^27 vertices, ~3.76 B edges) beside twitter-like");
  cmd.add_option("--uk", o->paper_scale_options.uk,
                 "With --paper-scale: uk-2007-05 itself, a prepared .cgraph or its edge list");
  cmd.add_flag("--dry-run", o->dry_run,
               "With --paper-scale: print the datasets and rows the sweep would run; prepare "
               "and run nothing");
}

// The paper's tables of a run: a function of the published times and the results (as text for the
// terminal, or Markdown), and the file under OUT that holds the Markdown, headed by `title`.
struct PaperTablesFile {
  std::string (*tables)(const nlohmann::json& published, const ResultsFile& results, bool markdown);
  std::string name, title;
};

// Runs the spec into OUT/results.json (resumed with --resume), prints the paper's tables and
// writes them to OUT/NAME, writes the report with the paper's figures to OUT/report/, and says
// where each went. An interrupted sweep still writes all three, from the rows it finished.
void SweepAndReport(const SweepSpec& spec, const ReproduceCommandOptions& o,
                    const nlohmann::json& published, const PaperTablesFile& tables,
                    int* exit_code) {
  const std::filesystem::path out(o.out);
  SweepOptions options;
  options.out = (out / "results.json").string();
  options.resume = o.resume;
  options.overwrite = !o.resume;
  bool interrupted = false;
  const ResultsFile results = RunSweep(spec, options, &interrupted);
  std::cout << "\n" << tables.tables(published, results, /*markdown=*/false);
  const std::string tables_path = (out / tables.name).string();
  datasets::WriteFileAtomically(
      tables_path, "# " + tables.title + "\n\n" + tables.tables(published, results, true));
  const ReportFiles files = WriteReport(results, (out / "report").string(), &published);
  std::cout << "results: " << options.out << "\ntables:  " << tables_path
            << "\nreport:  " << files.html << "\n";
  if (interrupted) *exit_code = ExitCodeOf(Outcome::kInterrupted);
}

// `cost reproduce --paper-scale`: the committed spec, adapted by the options, then the paper's
// tables with the measured rows in them and the report with the paper's figure.
void RunPaperScale(ReproduceCommandOptions& o, int* exit_code) {
  const nlohmann::json published = ReadPublishedTimes(o.paper);
  PaperScaleOptions p = o.paper_scale_options;
  p.twitter = o.run.twitter;
  if (o.scale_given->count() > 0) p.smoke_scale = o.run.scale;
  if (o.threads_given->count() > 0) p.max_threads = o.run.max_threads;
  if (o.repetitions_given->count() > 0) p.repetitions = o.run.repetitions;
  if (o.cache_given->count() > 0) p.cache_dir = o.run.cache_dir;
  const SweepSpec spec = PaperScaleSpec(p);
  if (o.dry_run) {
    std::cout << PaperScalePlanText(spec, PaperScalePlan(spec));
    return;
  }
  SweepAndReport(spec, o, published,
                 {PaperScaleTablesText, "paper-scale.md", "cost reproduce --paper-scale"},
                 exit_code);
}

void AddReproduceOptions(CLI::App& cmd, ReproduceCommandOptions* o) {
  o->scale_given =
      cmd.add_option("--scale", o->run.scale,
                     "Kronecker scale of the twitter_rv stand-in: 2^SCALE vertices (default 20); "
                     "with --paper-scale a smoke run: twitter-like (and uk-like) at 2^SCALE "
                     "vertices, named twitter-like-sSCALE")
          ->check(CLI::Range(4, 28));
  o->threads_given =
      cmd.add_option("--max-threads", o->run.max_threads,
                     "Parallel rows at 1..MAX_THREADS threads (default: the number of CPUs)")
          ->check(CLI::PositiveNumber);
  o->repetitions_given =
      cmd.add_option("--repetitions", o->run.repetitions,
                     "Timed repetitions per row (default 5; with --paper-scale the spec's)")
          ->check(CLI::PositiveNumber);
  cmd.add_option("--real", o->real,
                 "Real graphs from the catalog: all (default), none, or a comma-separated list");
  cmd.add_option("--twitter", o->run.twitter,
                 "twitter_rv itself, if you have it: a prepared .cgraph or twitter_rv.net");
  cmd.add_option("--out", o->out, "Folder for the results and report (default cost-reproduce)");
  o->cache_given = cmd.add_option("--cache", o->run.cache_dir,
                                  "Folder for prepared graphs (default cost-data; with "
                                  "--paper-scale the spec's cache_dir)");
  cmd.add_option("--paper", o->paper, "Published times (default: results/paper/ of the source)");
  cmd.add_flag("--resume", o->resume, "Keep the rows already in OUT/results.json");
  AddPaperScaleOptions(cmd, o);
}

void RunReproduce(ReproduceCommandOptions& o, int* exit_code) {
  if (o.paper_scale) {
    RunPaperScale(o, exit_code);
    return;
  }
  if (o.dry_run || o.paper_scale_options.with_uk || !o.paper_scale_options.uk.empty()) {
    throw std::runtime_error("--dry-run, --with-uk and --uk go with --paper-scale");
  }
  const nlohmann::json published = ReadPublishedTimes(o.paper);
  o.run.real = RealGraphNames(o.real);
  std::vector<std::string> notes;
  const SweepSpec spec = ReproduceSpec(o.run, published, &notes);
  for (const std::string& note : notes) std::cerr << "note: " << note << "\n";
  std::cerr << "reproduce: " << spec.datasets.size() << " datasets (kron-" << o.run.scale
            << " stands in for twitter_rv), " << spec.implementations.size()
            << " implementations, 1.." << o.run.max_threads << " threads, " << o.run.repetitions
            << " repetitions per row\n";
  SweepAndReport(spec, o, published, {ReproduceTables, "reproduce.md", "cost reproduce"},
                 exit_code);
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
      "OUT/results.json, OUT/reproduce.md and OUT/report/. --paper-scale runs the paper's "
      "experiment at its size instead (harness/experiments/paper-scale.json, twitter-like)");
  AddReproduceOptions(*cmd, o.get());
  cmd->callback([o, exit_code] { RunReproduce(*o, exit_code); });
}

}  // namespace cost::harness
