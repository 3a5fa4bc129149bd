// The rows a sweep plans from its spec: which implementation runs at which configuration on which
// dataset (harness/sweep/plan.h).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "harness/prepare/graph_preparation.h"
#include "harness/run/implementations.h"
#include "harness/sweep/plan.h"
#include "tests/test_support.h"

namespace cost {
namespace {

using harness::Kernel;
using harness::SweepSpec;
using ::testing::ElementsAre;

// (dataset, implementation, threads, procs) of each row, in plan order.
using RowKey = std::tuple<std::string, std::string, int, int>;
std::vector<RowKey> Keys(const std::vector<harness::SweepRow>& rows) {
  std::vector<RowKey> keys;
  for (const auto& r : rows) keys.emplace_back(r.dataset, r.implementation, r.threads, r.procs);
  return keys;
}

class SweepPlanTest : public testing_support::ScratchDirTest {
 protected:
  // A 4 x 4 grid prepared with the given layout; a dataset entry naming it.
  harness::DatasetSpec Grid(const std::string& name, datasets::EdgeLayout layout) {
    const std::string path = Path(name + ".cgraph");
    harness::PrepareGraphFile({.name = name,
                               .source = datasets::GridOptions{.rows = 4, .cols = 4},
                               .symmetrize = true,
                               .layout = layout},
                              path);
    harness::DatasetSpec d;
    d.name = name;
    d.graph = path;
    return d;
  }
};

TEST_F(SweepPlanTest, EachKindRunsAtItsConfigurations) {
  SweepSpec spec;
  spec.datasets = {Grid("plain", datasets::EdgeLayout::kVertex),
                   Grid("curved", datasets::EdgeLayout::kHilbert)};
  spec.kernels = {Kernel::kWcc, Kernel::kPageRank};
  spec.implementations = {"serial:union-find", "openmp:label-propagation", "mpi:union-find",
                          "serial:pagerank-hilbert"};
  spec.threads = {1, 2};
  spec.procs = {1, 3};
  const std::vector<harness::SweepRow> rows =
      harness::PlanRows(spec, {spec.datasets[0].graph, spec.datasets[1].graph}, {}, /*quiet=*/true);
  // Datasets, then kernels in spec order, then the table's order; single-threaded rows at one
  // thread, MPI rows at one thread per rank; the Hilbert row only where that layout is.
  EXPECT_THAT(Keys(rows), ElementsAre(RowKey{"plain", "serial:union-find", 1, 1},
                                      RowKey{"plain", "openmp:label-propagation", 1, 1},
                                      RowKey{"plain", "openmp:label-propagation", 2, 1},
                                      RowKey{"plain", "mpi:union-find", 1, 1},
                                      RowKey{"plain", "mpi:union-find", 1, 3},
                                      RowKey{"curved", "serial:union-find", 1, 1},
                                      RowKey{"curved", "openmp:label-propagation", 1, 1},
                                      RowKey{"curved", "openmp:label-propagation", 2, 1},
                                      RowKey{"curved", "mpi:union-find", 1, 1},
                                      RowKey{"curved", "mpi:union-find", 1, 3},
                                      RowKey{"curved", "serial:pagerank-hilbert", 1, 1}));
  const harness::SweepRow& mpi = rows[3];
  EXPECT_EQ(mpi.graph_path, spec.datasets[0].graph);
  EXPECT_EQ(mpi.kernel, "wcc");
  EXPECT_EQ(mpi.system, "mpi");
  EXPECT_EQ(mpi.algorithm, "union-find");
  EXPECT_EQ(mpi.kind, "multiprocess");
}

TEST_F(SweepPlanTest, NoImplementationListMeansEveryOneOfTheKernel) {
  SweepSpec spec;
  spec.datasets = {Grid("g", datasets::EdgeLayout::kVertex)};
  spec.kernels = {Kernel::kBfs};
  spec.threads = {2};  // single-threaded rows need 1 in the list
  const std::vector<harness::SweepRow> rows =
      harness::PlanRows(spec, {spec.datasets[0].graph}, {}, true);
  std::vector<std::string> expected;
  for (const harness::Implementation& impl : harness::Implementations()) {
    if (impl.kernel != Kernel::kBfs || impl.requires_layout != datasets::EdgeLayout::kVertex) {
      continue;
    }
    if (impl.kind == harness::Kind::kThreaded) expected.emplace_back(impl.name);
    if (impl.kind == harness::Kind::kMultiprocess) expected.emplace_back(impl.name);
  }
  std::vector<std::string> planned;
  for (const auto& r : rows) planned.push_back(r.implementation);
  EXPECT_EQ(planned, expected);
  EXPECT_FALSE(expected.empty());
}

}  // namespace
}  // namespace cost
