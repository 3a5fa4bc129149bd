// The committed experiment specs (harness/experiments/*.json, the commands behind results/):
// each parses, and its plan, over stand-in prepared graphs with the layouts it asks for, holds
// every implementation it names on every dataset at every configuration that implementation's
// kind runs: single-threaded at 1 thread; threaded at each thread count; multiprocess at each
// process count, one thread per rank. A renamed row, a row for a kernel the spec does not run,
// or one needing a layout its dataset is not prepared with would otherwise be noticed only when
// someone reran a reference experiment at full scale.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "harness/prepare/graph_preparation.h"
#include "harness/run/external_system.h"
#include "harness/run/implementations.h"
#include "harness/sweep/plan.h"
#include "harness/sweep/spec.h"

namespace cost {
namespace {

namespace fs = std::filesystem;

// (dataset, implementation, threads, procs): what a planned row is keyed by.
using RowKey = std::tuple<std::string, std::string, int, int>;

std::vector<std::string> CommittedSpecs() {
  std::vector<std::string> names;
  for (const auto& entry :
       fs::directory_iterator(std::string(COST_SOURCE_DIR) + "/harness/experiments")) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::ranges::sort(names);
  return names;
}

// The (threads, procs) pairs a sweep runs an implementation of `kind` at.
std::vector<std::pair<int, int>> ConfigurationsOf(harness::Kind kind, bool in_tree,
                                                  const harness::SweepSpec& spec) {
  std::vector<std::pair<int, int>> configurations;
  if (kind == harness::Kind::kSingleThreaded) return {{1, 1}};
  if (kind == harness::Kind::kMultiprocess && in_tree) {
    for (int p : spec.procs) configurations.push_back({1, p});
    return configurations;
  }
  for (int t : spec.threads) configurations.push_back({t, 1});
  return configurations;
}

class ExperimentSpecTest : public testing::TestWithParam<std::string> {
 protected:
  // One small prepared Kronecker graph per edge layout, made as a sweep prepares its datasets.
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("cost_ExperimentSpecTest_" + std::to_string(getpid()));
    fs::create_directories(dir_);
    for (datasets::EdgeLayout layout :
         {datasets::EdgeLayout::kVertex, datasets::EdgeLayout::kHilbert,
          datasets::EdgeLayout::kCompressed}) {
      const std::string path = (dir_ / (std::string(EdgeLayoutName(layout)) + ".cgraph")).string();
      harness::GenerateKroneckerFile({.scale = 4, .edge_factor = 4},
                                     {.symmetrize = true, .layout = layout}, path);
      stand_ins_[layout] = path;
    }
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static fs::path dir_;
  static std::map<datasets::EdgeLayout, std::string> stand_ins_;
};

fs::path ExperimentSpecTest::dir_;
std::map<datasets::EdgeLayout, std::string> ExperimentSpecTest::stand_ins_;

TEST_P(ExperimentSpecTest, PlansEveryNamedRowAtEveryConfiguration) {
  const std::string path =
      std::string(COST_SOURCE_DIR) + "/harness/experiments/" + GetParam() + ".json";
  harness::SweepSpec spec;
  ASSERT_NO_THROW(spec = harness::ReadSweepSpec(path));
  ASSERT_FALSE(spec.implementations.empty()) << "a committed spec names its rows";
  std::vector<harness::ExternalSystem> externals;
  for (const std::string& manifest : spec.systems) {
    for (harness::ExternalSystem& e : harness::LoadExternalSystems(manifest)) {
      externals.push_back(std::move(e));
    }
  }
  // Each dataset is stood in for by the small graph with the layout its entry asks for.
  std::vector<std::string> graphs;
  for (const harness::DatasetSpec& d : spec.datasets) graphs.push_back(stand_ins_.at(d.layout));

  std::set<RowKey> expected;
  for (const std::string& name : spec.implementations) {
    const harness::Implementation* in_tree = harness::FindImplementation(name);
    const harness::Kind kind =
        in_tree != nullptr ? in_tree->kind : harness::FindExternalSystem(externals, name)->kind;
    for (const harness::DatasetSpec& d : spec.datasets) {
      for (auto [threads, procs] : ConfigurationsOf(kind, in_tree != nullptr, spec)) {
        expected.insert({d.name, name, threads, procs});
      }
    }
  }
  std::set<RowKey> planned;
  for (const harness::SweepRow& row : harness::PlanRows(spec, graphs, externals, /*quiet=*/true)) {
    if (row.storage == "disk") continue;  // each configuration again from disk (spec "storage")
    EXPECT_TRUE(planned.insert({row.dataset, row.implementation, row.threads, row.procs}).second)
        << "planned twice: " << row.implementation << " on " << row.dataset;
  }
  EXPECT_EQ(planned, expected);
}

// A spec that measures a parallel row of a kernel names that kernel's optimised single threads
// (implementations.h's BaselineRole): its COST tables say "the best single thread", and that
// must be the best the tree has, not the best of the rows someone remembered to list.
TEST_P(ExperimentSpecTest, ParallelRowsMeetEveryOptimisedBaselineOfTheirKernel) {
  const harness::SweepSpec spec = harness::ReadSweepSpec(
      std::string(COST_SOURCE_DIR) + "/harness/experiments/" + GetParam() + ".json");
  const auto named = [&](std::string_view name) {
    return std::ranges::find(spec.implementations, name) != spec.implementations.end();
  };
  std::set<harness::Kernel> parallel_kernels;
  for (const std::string& name : spec.implementations) {
    const harness::Implementation* impl = harness::FindImplementation(name);
    if (impl != nullptr && impl->kind != harness::Kind::kSingleThreaded) {
      parallel_kernels.insert(impl->kernel);
    }
  }
  // A baseline reading a layout none of the spec's datasets is prepared with cannot run there.
  const auto offered = [&spec](datasets::EdgeLayout layout) {
    return std::ranges::any_of(spec.datasets, [layout](const harness::DatasetSpec& d) {
      return !d.graph.empty() || d.layout == layout || layout == datasets::EdgeLayout::kVertex;
    });
  };
  for (const harness::Implementation& impl : harness::Implementations()) {
    if (impl.baseline == harness::BaselineRole::kOptimised &&
        parallel_kernels.contains(impl.kernel) && offered(impl.requires_layout)) {
      EXPECT_TRUE(named(impl.name)) << GetParam() << " lacks " << impl.name;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Committed, ExperimentSpecTest, testing::ValuesIn(CommittedSpecs()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           std::ranges::replace(name, '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace cost
