#include "harness/sweep/demo.h"

#include "harness/run/implementations.h"

namespace cost::harness {

SweepSpec DemoSpec(const DemoOptions& options) {
  SweepSpec spec;
  spec.name = "demo";
  spec.datasets.push_back(KroneckerDataset(options.scale));
  spec.kernels = {Kernel::kPageRank, Kernel::kWcc};
  // Parallel BGL's rows are far slower than the rest and would take most of the demo's time:
  // harness/experiments/mpi-scaling.json measures them. Rows needing another edge layout would
  // find none in the demo's graph.
  for (const Implementation& impl : Implementations()) {
    if (impl.system == "pbgl" || impl.requires_layout != datasets::EdgeLayout::kVertex) continue;
    spec.implementations.emplace_back(impl.name);
  }
  spec.threads = ThreadsUpTo(options.max_threads);
  spec.repetitions = options.repetitions;
  spec.cache_dir = options.cache_dir;
  return spec;
}

}  // namespace cost::harness
