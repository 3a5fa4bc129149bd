// `cost demo`'s experiment: a Kronecker graph prepared with the edge layout the optimised
// single-threaded rows read, PageRank, WCC and BFS over every in-tree implementation that runs
// on it but the slow ones (Parallel BGL's), at 1..max_threads threads. Both baselines of each
// kernel (the simple and the optimised single thread, implementations.h's BaselineRole) are in
// it, so its COST tables carry the paper's two lines.
#ifndef COST_HARNESS_SWEEP_DEMO_H_
#define COST_HARNESS_SWEEP_DEMO_H_

#include <string>
#include <vector>

#include "datasets/hilbert_layout.h"
#include "harness/analysis/cost_per_baseline.h"
#include "harness/prepare/dataset_cache.h"
#include "harness/sweep/spec.h"

namespace cost::harness {

struct DemoOptions {
  int scale = 18;  // 2^scale vertices, 16 edges each: a few minutes on 2 cores
  int max_threads = 1;
  int repetitions = 5;
  std::string cache_dir = kDefaultCacheDir;
};

SweepSpec DemoSpec(const DemoOptions& options);

// The edge layout every kOptimised row of `kernels` reads (kVertex when none needs one).
// Throws std::logic_error when two of them need different layouts: one prepared file holds one.
datasets::EdgeLayout LayoutOfOptimisedBaselines(const std::vector<Kernel>& kernels);

// The rows of CostAgainstEachBaseline against the paper's two lines only: the best single thread
// of each group and the simple one (BaselineRole::kSimple), in the same order.
std::vector<BaselineCost> AgainstBestAndSimpleBaselines(const std::vector<BaselineCost>& costs);

}  // namespace cost::harness

#endif  // COST_HARNESS_SWEEP_DEMO_H_
