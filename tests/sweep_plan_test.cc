// The specs a sweep runs and the rows it plans from them: which implementation runs at which
// configuration on which dataset (harness/sweep/plan.h), the demo's spec (demo.h) and
// `cost reproduce`'s (reproduce.h).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "datasets/catalog.h"
#include "harness/prepare/graph_preparation.h"
#include "harness/run/implementations.h"
#include "harness/sweep/demo.h"
#include "harness/sweep/plan.h"
#include "harness/sweep/reproduce.h"
#include "harness/sweep/spec.h"
#include "tests/test_support.h"

namespace cost {
namespace {

using harness::Kernel;
using harness::SweepSpec;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

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
  EXPECT_EQ(mpi.kernel, Kernel::kWcc);
  EXPECT_EQ(mpi.system, "mpi");
  EXPECT_EQ(mpi.algorithm, "union-find");
  EXPECT_EQ(mpi.kind, harness::Kind::kMultiprocess);
}

// "rank_threads": the mpi:* rows at every (threads per rank, procs) pair; Parallel BGL, whose
// ranks are single-threaded, at one thread only; "threads" is for the other rows.
TEST_F(SweepPlanTest, MpiRowsRunAtEveryRankThreadCountTimesEveryProcessCount) {
  SweepSpec spec;
  spec.datasets = {Grid("plain", datasets::EdgeLayout::kVertex)};
  spec.kernels = {Kernel::kWcc};
  spec.implementations = {"openmp:label-propagation", "mpi:union-find", "pbgl:wcc"};
  spec.threads = {1};
  spec.procs = {1, 2};
  spec.rank_threads = {1, 2};
  const std::vector<harness::SweepRow> rows =
      harness::PlanRows(spec, {spec.datasets[0].graph}, {}, /*quiet=*/true);
  EXPECT_THAT(
      Keys(rows),
      ElementsAre(RowKey{"plain", "openmp:label-propagation", 1, 1},
                  RowKey{"plain", "mpi:union-find", 1, 1}, RowKey{"plain", "mpi:union-find", 1, 2},
                  RowKey{"plain", "mpi:union-find", 2, 1}, RowKey{"plain", "mpi:union-find", 2, 2},
                  RowKey{"plain", "pbgl:wcc", 1, 1}, RowKey{"plain", "pbgl:wcc", 1, 2}));
}

TEST(SweepSpecRankThreads, ParsedWithADefaultOfOneAndCountsBelowOneRefused) {
  const nlohmann::json base = {
      {"name", "s"}, {"datasets", {{{"name", "g"}, {"graph", "g.cgraph"}}}}, {"kernels", {"wcc"}}};
  EXPECT_EQ(harness::ParseSweepSpec(base, "spec.json", "/tmp").rank_threads, std::vector<int>{1});
  nlohmann::json two = base;
  two["rank_threads"] = {1, 2};
  EXPECT_EQ(harness::ParseSweepSpec(two, "spec.json", "/tmp").rank_threads,
            (std::vector<int>{1, 2}));
  nlohmann::json zero = base;
  zero["rank_threads"] = {0};
  try {
    harness::ParseSweepSpec(zero, "spec.json", "/tmp");
    FAIL() << "accepted 0 threads per rank";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "spec.json: rank_threads[0]: must be in 1..4096, got 0");
  }
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

TEST(DemoSpec, BothBaselinesOfEveryKernelAndEveryRowButTheSlowOnes) {
  const SweepSpec spec =
      harness::DemoSpec({.scale = 12, .max_threads = 3, .repetitions = 2, .cache_dir = "here"});
  ASSERT_EQ(spec.datasets.size(), 1u);
  EXPECT_EQ(spec.datasets[0].name, "kron-12");
  ASSERT_TRUE(spec.datasets[0].kronecker.has_value());
  EXPECT_EQ(spec.datasets[0].kronecker->scale, 12);
  EXPECT_EQ(spec.datasets[0].kronecker->edge_factor, 16);
  // The optimised baselines read Hilbert-ordered arcs: the demo's graph carries them.
  EXPECT_EQ(spec.datasets[0].layout, datasets::EdgeLayout::kHilbert);
  EXPECT_EQ(spec.kernels, (std::vector<Kernel>{Kernel::kPageRank, Kernel::kWcc, Kernel::kBfs}));
  EXPECT_EQ(spec.threads, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(spec.repetitions, 2);
  EXPECT_EQ(spec.cache_dir, "here");
  const auto has = [&](std::string_view name) {
    return std::find(spec.implementations.begin(), spec.implementations.end(), name) !=
           spec.implementations.end();
  };
  // Chosen by the table's fields, so a new optimised row joins without an edit here.
  int simple = 0, optimised = 0;
  for (const harness::Implementation& impl : harness::Implementations()) {
    if (impl.baseline == harness::BaselineRole::kSimple) ++simple;
    if (impl.baseline == harness::BaselineRole::kOptimised) ++optimised;
    if (impl.baseline != harness::BaselineRole::kNone) {
      EXPECT_TRUE(has(impl.name)) << impl.name;
    }
    if (impl.slow) {
      EXPECT_FALSE(has(impl.name)) << impl.name;
    }
  }
  EXPECT_EQ(simple, 3);  // one per kernel
  EXPECT_GE(optimised, 3);
  EXPECT_TRUE(has("serial:pagerank-hilbert-float"));
  EXPECT_TRUE(has("serial:union-find-hilbert"));
  EXPECT_TRUE(has("serial:bfs"));
  EXPECT_TRUE(has("openmp:bfs-direction-optimizing"));
  EXPECT_TRUE(has("openmp:afforest"));
  EXPECT_TRUE(has("mpi:pagerank"));
  EXPECT_FALSE(has("pbgl:pagerank"));
  EXPECT_FALSE(has("pbgl:wcc"));
  EXPECT_FALSE(has("serial:pagerank-hilbert-compressed"));  // its layout is not in the file
}

// The rows the demo plans on a graph prepared as DemoSpec asks: the optimised baselines run.
TEST_F(SweepPlanTest, DemoPlanRunsTheOptimisedBaselinesAndBfs) {
  SweepSpec spec = harness::DemoSpec({.scale = 12, .max_threads = 2});
  spec.datasets = {Grid("demo", spec.datasets[0].layout)};
  const std::vector<harness::SweepRow> rows =
      harness::PlanRows(spec, {spec.datasets[0].graph}, {}, /*quiet=*/true);
  std::vector<std::string> planned;
  for (const harness::SweepRow& r : rows) planned.push_back(r.implementation);
  for (const harness::Implementation& impl : harness::Implementations()) {
    if (impl.baseline == harness::BaselineRole::kOptimised) {
      EXPECT_THAT(planned, ::testing::Contains(std::string(impl.name)));
    }
  }
  EXPECT_THAT(planned, ::testing::Contains("openmp:bfs-direction-optimizing"));
}

TEST(ReproduceSpec, RealGraphSelection) {
  std::vector<std::string> shipped;
  for (const datasets::CatalogEntry& e : datasets::Catalog()) {
    if (e.source == datasets::DatasetSource::kSharedFile) shipped.emplace_back(e.name);
  }
  EXPECT_EQ(harness::RealGraphNames("all"), shipped);
  EXPECT_THAT(harness::RealGraphNames("none"), IsEmpty());
  EXPECT_THAT(harness::RealGraphNames("karate,,wiki-Vote,"), ElementsAre("karate", "wiki-Vote"));
}

TEST(ReproduceSpec, HilbertLayoutEverywhereButAGivenPreparedFile) {
  const nlohmann::json published = {
      {"tables",
       {{{"measured", {"serial:union-find", "openmp:pagerank"}}},
        {{"measured", {"serial:union-find", "serial:pagerank-hilbert"}}}}}};
  harness::ReproduceOptions options;
  options.scale = 12;
  options.max_threads = 2;
  options.real = {"karate", "wiki-Vote"};
  options.shared_dir = COST_SHARED_DIR;
  options.twitter = "mine/twitter_rv.cgraph";
  std::vector<std::string> notes;
  const SweepSpec spec = harness::ReproduceSpec(options, published, &notes);
  EXPECT_THAT(notes, IsEmpty());
  ASSERT_EQ(spec.datasets.size(), 4u);
  EXPECT_EQ(spec.datasets[0].name, "kron-12");
  EXPECT_EQ(spec.datasets[1].name, "karate");
  EXPECT_EQ(spec.datasets[1].format, datasets::FindDataset("karate").format);
  EXPECT_TRUE(spec.datasets[1].symmetrize);
  EXPECT_EQ(spec.datasets[3].graph, "mine/twitter_rv.cgraph");
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(spec.datasets[i].layout, datasets::EdgeLayout::kHilbert) << spec.datasets[i].name;
  }
  EXPECT_EQ(spec.datasets[3].layout, datasets::EdgeLayout::kVertex);
  // The published lists and every optimised single thread of PageRank and WCC, sorted.
  EXPECT_THAT(spec.implementations,
              ElementsAre("openmp:pagerank", "serial:afforest", "serial:pagerank-hilbert",
                          "serial:pagerank-hilbert-float", "serial:union-find",
                          "serial:union-find-hilbert"));
  EXPECT_EQ(spec.threads, (std::vector<int>{1, 2}));

  options.shared_dir = "/nonexistent";  // the real graphs' files are missing: left out, noted
  options.twitter = "twitter_rv.net";
  const SweepSpec without = harness::ReproduceSpec(options, published, &notes);
  ASSERT_EQ(without.datasets.size(), 2u);
  EXPECT_EQ(notes.size(), 2u);
  EXPECT_EQ(without.datasets[1].edges, "twitter_rv.net");
  EXPECT_EQ(without.datasets[1].layout, datasets::EdgeLayout::kHilbert);
}

}  // namespace
}  // namespace cost
