// `cost reproduce --paper-scale`: the paper's experiment at the paper's size. The committed spec
// harness/experiments/paper-scale.json runs PageRank (vertex and Hilbert order), label
// propagation and union-find on twitter-like (a directed Kronecker graph of twitter_rv's size),
// every single-threaded and OpenMP row the implementation table has for them, at 1..nproc
// threads, from RAM and from disk. This file adapts it to what the user asks (the real graphs,
// uk-like, a small smoke-run stand-in), plans it without preparing anything (--dry-run) and
// prints the paper's tables with the measured rows in them (harness/analysis/paper_tables.h).
#ifndef COST_HARNESS_SWEEP_PAPER_SCALE_H_
#define COST_HARNESS_SWEEP_PAPER_SCALE_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/core/results.h"
#include "harness/sweep/plan.h"
#include "harness/sweep/spec.h"

namespace cost::harness {

// The committed spec in the source tree.
std::string DefaultPaperScaleSpecPath();

struct PaperScaleOptions {
  std::string spec_path = DefaultPaperScaleSpecPath();
  // Smoke run: > 0 gives every Kronecker dataset of the spec (twitter-like, uk-like) 2^scale
  // vertices, keeping its edge factor and direction, named "NAME-sSCALE" (e.g.
  // "twitter-like-s16"); 0 runs the spec's own datasets.
  int smoke_scale = 0;
  bool with_uk = false;   // add the catalog's uk-like beside twitter-like
  std::string twitter;    // twitter_rv itself: a prepared .cgraph or its edge list; "" none
  std::string uk;         // uk-2007-05 itself, the same way; "" none
  int max_threads = 0;    // > 0: threads 1..max_threads instead of the spec's
  int repetitions = 0;    // > 0: instead of the spec's
  std::string cache_dir;  // non-empty: instead of the spec's
};

// The spec to run. Throws std::runtime_error naming the spec file and field when it is malformed.
SweepSpec PaperScaleSpec(const PaperScaleOptions& options);

// The rows the sweep would run, from the layouts the spec asks for instead of prepared files:
// nothing is prepared or read but the "graph" files a dataset names (read for their layouts
// when they exist, else taken as vertex order only).
std::vector<SweepRow> PaperScalePlan(const SweepSpec& spec);

// The plan as text: the datasets and one line per row (dataset, kernel, implementation, threads).
std::string PaperScalePlanText(const SweepSpec& spec, const std::vector<SweepRow>& rows);

// The paper's Tables 2-5 with the measured rows in them (RAM and disk side by side), then the
// preparation of every prepared file beside the paper's 179 s. Markdown or aligned text.
std::string PaperScaleTablesText(const nlohmann::json& published, const ResultsFile& results,
                                 bool markdown);

}  // namespace cost::harness

#endif  // COST_HARNESS_SWEEP_PAPER_SCALE_H_
