// `cost demo`'s experiment: a Kronecker graph, PageRank and WCC over every in-tree
// implementation that runs on its vertex layout except Parallel BGL's, at 1..max_threads threads.
#ifndef COST_HARNESS_SWEEP_DEMO_H_
#define COST_HARNESS_SWEEP_DEMO_H_

#include <string>

#include "harness/prepare/dataset_cache.h"
#include "harness/sweep/spec.h"

namespace cost::harness {

struct DemoOptions {
  int scale = 20;  // 2^scale vertices, 16 edges each
  int max_threads = 1;
  int repetitions = 5;
  std::string cache_dir = kDefaultCacheDir;
};

SweepSpec DemoSpec(const DemoOptions& options);

}  // namespace cost::harness

#endif  // COST_HARNESS_SWEEP_DEMO_H_
