#include "harness/sweep/demo.h"

#include <algorithm>
#include <stdexcept>

#include "harness/run/implementations.h"

namespace cost::harness {
namespace {

bool Has(const std::vector<Kernel>& kernels, Kernel kernel) {
  return std::find(kernels.begin(), kernels.end(), kernel) != kernels.end();
}

}  // namespace

datasets::EdgeLayout LayoutOfOptimisedBaselines(const std::vector<Kernel>& kernels) {
  datasets::EdgeLayout layout = datasets::EdgeLayout::kVertex;
  for (const Implementation& impl : Implementations()) {
    if (impl.baseline != BaselineRole::kOptimised || !Has(kernels, impl.kernel) ||
        impl.requires_layout == datasets::EdgeLayout::kVertex) {
      continue;
    }
    if (layout != datasets::EdgeLayout::kVertex && layout != impl.requires_layout) {
      throw std::logic_error(std::string(impl.name) + " needs another layout than the other " +
                             "optimised baselines: one prepared file holds one");
    }
    layout = impl.requires_layout;
  }
  return layout;
}

std::vector<BaselineCost> AgainstBestAndSimpleBaselines(const std::vector<BaselineCost>& costs) {
  std::vector<BaselineCost> kept;
  for (const BaselineCost& c : costs) {
    const Implementation* impl = FindImplementation(c.baseline.implementation);
    if (c.best || (impl != nullptr && impl->baseline == BaselineRole::kSimple)) kept.push_back(c);
  }
  return kept;
}

SweepSpec DemoSpec(const DemoOptions& options) {
  SweepSpec spec;
  spec.name = "demo";
  spec.kernels = {Kernel::kPageRank, Kernel::kWcc, Kernel::kBfs};
  spec.datasets.push_back(KroneckerDataset(options.scale));
  spec.datasets.back().layout = LayoutOfOptimisedBaselines(spec.kernels);
  // Slow rows would take most of the demo's time; rows needing a layout the graph lacks could
  // not run on it.
  for (const Implementation& impl : Implementations()) {
    const bool fits = impl.requires_layout == datasets::EdgeLayout::kVertex ||
                      impl.requires_layout == spec.datasets.back().layout;
    if (impl.slow || !fits || !Has(spec.kernels, impl.kernel)) continue;
    spec.implementations.emplace_back(impl.name);
  }
  spec.threads = ThreadsUpTo(options.max_threads);
  spec.repetitions = options.repetitions;
  spec.cache_dir = options.cache_dir;
  return spec;
}

}  // namespace cost::harness
