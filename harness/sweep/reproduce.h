// `cost reproduce`: the paper's experiments at a scale this machine holds, its published times
// beside the measured ones. The published tables are data (results/paper/published_times.json,
// with their source); the measurement is an ordinary sweep (harness/sweep/sweep.h) over a Kronecker
// graph standing in for twitter_rv, the real graphs of the catalog, and twitter_rv itself when
// the user supplies it.
#ifndef COST_HARNESS_SWEEP_REPRODUCE_H_
#define COST_HARNESS_SWEEP_REPRODUCE_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/core/results.h"
#include "harness/sweep/sweep.h"

namespace cost::harness {

// The published times file compiled in (the source tree's results/paper/published_times.json).
std::string DefaultPublishedTimesPath();

// Throws std::runtime_error("PATH: reason") when missing or not a "cost-published-times" file.
nlohmann::json ReadPublishedTimes(const std::string& path);

struct ReproduceOptions {
  int scale = 20;       // Kronecker stand-in: 2^scale vertices, 16 edges each
  int max_threads = 1;  // parallel rows at 1..max_threads
  int repetitions = 5;
  std::vector<std::string> real;  // catalog names of the real graphs to include
  std::string twitter;            // twitter_rv: a prepared .cgraph or the edge list; "" none
  std::string cache_dir = kDefaultCacheDir;
  std::string shared_dir;  // "": datasets::DefaultSharedDir()
};

// The sweep: every dataset with vertex and Hilbert layouts, PageRank and WCC, the
// implementations the published tables name as their measured counterparts. Real graphs whose
// file is missing are left out (a note goes to *notes).
SweepSpec ReproduceSpec(const ReproduceOptions& options, const nlohmann::json& published,
                        std::vector<std::string>* notes);

// The paper's Tables 2-5 with the measured counterparts beside them, the single-thread claims as
// ratios, and the COST of every parallel implementation against each baseline. Markdown when
// `markdown`, else aligned text for a terminal.
std::string ReproduceTables(const nlohmann::json& published, const ResultsFile& results,
                            bool markdown);

// `cost reproduce --real`: "all" (every real graph the catalog ships), "none", or a
// comma-separated list of catalog names (empty items skipped; checked by ReproduceSpec).
std::vector<std::string> RealGraphNames(const std::string& selection);

}  // namespace cost::harness

#endif  // COST_HARNESS_SWEEP_REPRODUCE_H_
