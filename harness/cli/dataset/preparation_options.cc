// The options of every `cost dataset` subcommand that prepares a graph (generate, convert,
// prepare): the sections to store, the memory budget, the temp folder, the threads, progress.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include "datasets/external/memory_budget.h"
#include "harness/cli/dataset/subcommands.h"
#include "harness/core/byte_size.h"

namespace cost::harness {
namespace {

// "12.3M" for 12'300'000: progress lines stay short whatever the graph's size.
std::string Count(double n) {
  const char* units[] = {"", "K", "M", "G", "T"};
  int unit = 0;
  while (n >= 1000 && unit < 4) {
    n /= 1000;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, unit == 0 ? "%.0f%s" : "%.1f%s", n, units[unit]);
  return text;
}

// One line per second at most on stderr (and each phase's last one): phase, edges done (of the
// total when known), rate, time left.
datasets::ProgressCallback StderrProgress(const std::string& what) {
  auto last = std::make_shared<std::chrono::steady_clock::time_point>();
  return [what, last](const datasets::PreparationProgress& p) {
    const auto now = std::chrono::steady_clock::now();
    if (!p.finished && now - *last < std::chrono::seconds(1)) return;
    *last = now;
    std::string line = what + ": " + p.phase + " " + Count(static_cast<double>(p.done));
    if (p.total > 0) {
      line += " of " + Count(static_cast<double>(p.total)) + " edges (" +
              std::to_string(p.done * 100 / p.total) + "%)";
    } else {
      line += " edges";
    }
    line += ", " + Count(p.rate) + "/s";
    if (p.finished) {
      line += ", done in " + std::to_string(static_cast<long long>(p.seconds + 0.5)) + " s";
    } else if (p.eta_seconds >= 0) {
      line += ", ETA " + std::to_string(static_cast<long long>(p.eta_seconds + 0.5)) + " s";
    }
    std::fprintf(stderr, "%s\n", line.c_str());
  };
}

}  // namespace

void AddPreparationOptions(CLI::App& cmd, PreparationFlags* flags) {
  CLI::Option* layout =
      cmd.add_option("--layout", flags->layout,
                     "Shorthand for --sections: vertex = csr,transpose (default), hilbert = "
                     "csr,transpose,hilbert, compressed = csr,transpose,compressed");
  layout->check(CLI::IsMember({"vertex", "hilbert", "compressed"}));
  cmd.add_option("--sections", flags->sections,
                 "Sections to store besides the original ids, out-degrees and metadata, comma "
                 "separated: csr (out-edges), transpose (in-edges; a symmetric graph's is its "
                 "csr), hilbert (arcs in Hilbert-curve order, 8 bytes per arc), compressed (the "
                 "Hilbert-ordered arcs in tiles, 4 bytes per arc). Default csr,transpose")
      ->excludes(layout);
  cmd.add_option("--memory-budget", flags->memory_budget,
                 "Most memory the preparation allocates: BYTES, or 512M, 8G (powers of 1024). "
                 "Default 60% of MemAvailable (or of the address-space limit, when lower); a graph "
                 "larger than the budget is sorted in runs spilled to --tmp-dir and merged");
  cmd.add_option("--tmp-dir", flags->tmp_dir,
                 "Folder for the temp folder of spilled runs (default: the output's folder); "
                 "removed on every way out");
  cmd.add_option("--threads", flags->threads, "Threads of the sorts (default: OpenMP's default)")
      ->check(CLI::PositiveNumber);
  cmd.add_flag("--progress", flags->progress,
               "Progress lines on stderr (phase, edges done, rate, ETA; one a second) even when "
               "stderr is not a terminal; on a terminal they are on by default");
}

PrepareOptions PreparationOf(const PreparationFlags& flags, const std::string& what) {
  PrepareOptions options;
  if (!flags.sections.empty()) {
    options.sections = datasets::ParsePreparedSections(flags.sections);
  } else if (!flags.layout.empty()) {
    options.layout = datasets::ParseEdgeLayout(flags.layout);
  }
  if (!flags.memory_budget.empty()) {
    const std::optional<uint64_t> budget = TryParseByteSize(flags.memory_budget);
    if (!budget || *budget == 0) {
      throw std::invalid_argument("--memory-budget " + flags.memory_budget +
                                  ": not a positive size (BYTES, or 512M, 8G)");
    }
    options.memory_budget = *budget;
  }
  options.tmp_dir = flags.tmp_dir;
  options.threads = flags.threads;
  if (flags.progress || isatty(STDERR_FILENO) == 1) options.progress = StderrProgress(what);
  return options;
}

}  // namespace cost::harness
