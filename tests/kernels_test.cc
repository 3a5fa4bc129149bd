// Every implementation in the table on small graphs with the expected value per vertex.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <numeric>

#include "datasets/csr_build.h"
#include "harness/systems.h"
#include "harness/validation.h"

namespace cost {
namespace {

using harness::Implementation;
using harness::Kernel;

datasets::Graph MakeGraph(uint64_t n, std::vector<std::pair<uint32_t, uint32_t>> edges,
                          bool symmetrize = false) {
  datasets::EdgeList list;
  list.num_vertices = n;
  for (auto [u, v] : edges) {
    list.src.push_back(u);
    list.dst.push_back(v);
  }
  return datasets::BuildGraph(list, {.symmetrize = symmetrize});
}

std::vector<const Implementation*> ImplementationsOf(Kernel kernel) {
  std::vector<const Implementation*> result;
  for (const Implementation& impl : harness::Implementations()) {
    if (impl.kernel == kernel) result.push_back(&impl);
  }
  return result;
}

//   0 --> 1
//   |     |        3 (isolated: no out-edges, so its rank is dangling mass)
//   v     v
//   2 <---'   and 2 --> 0
// One iteration from rank 1/4, d = 0.85: dangling = 0.25, base = 0.15/4 + 0.85*0.25/4 = 0.090625
//   r0 = base + 0.85 * r2/1             = 0.303125
//   r1 = base + 0.85 * r0/2             = 0.196875
//   r2 = base + 0.85 * (r0/2 + r1/1)    = 0.409375
//   r3 = base                           = 0.090625
TEST(PageRank, OneIterationByHand) {
  const datasets::Graph g = MakeGraph(4, {{0, 1}, {0, 2}, {1, 2}, {2, 0}});
  for (const Implementation* impl : ImplementationsOf(Kernel::kPageRank)) {
    for (int threads : {1, 2, 3}) {
      if (impl->kind == harness::Kind::kSingleThreaded && threads > 1) continue;
      SCOPED_TRACE(std::string(impl->name) + " threads=" + std::to_string(threads));
      const auto rank = std::get<std::vector<double>>(impl->run(g, {.threads = threads, .iterations = 1}));
      ASSERT_EQ(rank.size(), 4u);
      EXPECT_NEAR(rank[0], 0.303125, 1e-12);
      EXPECT_NEAR(rank[1], 0.196875, 1e-12);
      EXPECT_NEAR(rank[2], 0.409375, 1e-12);
      EXPECT_NEAR(rank[3], 0.090625, 1e-12);
    }
  }
}

// Zero iterations leave the start value 1/n; twenty keep the total mass at 1 (dangling mass is
// spread, not dropped).
TEST(PageRank, StartValueAndMassConservation) {
  const datasets::Graph g = MakeGraph(4, {{0, 1}, {0, 2}, {1, 2}, {2, 0}});
  for (const Implementation* impl : ImplementationsOf(Kernel::kPageRank)) {
    SCOPED_TRACE(impl->name);
    const auto start = std::get<std::vector<double>>(impl->run(g, {.iterations = 0}));
    EXPECT_THAT(start, testing::Each(testing::DoubleEq(0.25)));
    const auto rank = std::get<std::vector<double>>(impl->run(g, {.iterations = 20}));
    EXPECT_NEAR(std::accumulate(rank.begin(), rank.end(), 0.0), 1.0, 1e-12);
  }
}

TEST(PageRank, EmptyGraph) {
  const datasets::Graph g = MakeGraph(0, {});
  for (const Implementation* impl : ImplementationsOf(Kernel::kPageRank)) {
    EXPECT_TRUE(std::get<std::vector<double>>(impl->run(g, {})).empty()) << impl->name;
  }
}

//   0 <-- 1 --> 2      3 <-- 4      5
// Components {0,1,2}, {3,4}, {5}; edge direction does not matter.
TEST(Wcc, ThreeComponents) {
  const datasets::Graph g = MakeGraph(6, {{1, 0}, {1, 2}, {4, 3}});
  for (const Implementation* impl : ImplementationsOf(Kernel::kWcc)) {
    for (int threads : {1, 2, 3}) {
      if (impl->kind == harness::Kind::kSingleThreaded && threads > 1) continue;
      SCOPED_TRACE(std::string(impl->name) + " threads=" + std::to_string(threads));
      const auto label = std::get<std::vector<uint32_t>>(impl->run(g, {.threads = threads}));
      ASSERT_EQ(label.size(), 6u);
      EXPECT_EQ(label[0], label[1]);
      EXPECT_EQ(label[1], label[2]);
      EXPECT_EQ(label[3], label[4]);
      EXPECT_NE(label[0], label[3]);
      EXPECT_NE(label[0], label[5]);
      EXPECT_NE(label[3], label[5]);
    }
  }
}

// Label propagation labels each component by its smallest id.
//   5 --> 4 --> 3 --> 2 --> 1 --> 0      (a path whose edges point toward the smallest id)
TEST(Wcc, LabelPropagationLabelsBySmallestId) {
  const datasets::Graph path = MakeGraph(6, {{5, 4}, {4, 3}, {3, 2}, {2, 1}, {1, 0}});
  const datasets::Graph split = MakeGraph(6, {{1, 0}, {1, 2}, {4, 3}});
  for (const char* name : {"serial:label-propagation", "openmp:label-propagation"}) {
    const Implementation* impl = harness::FindImplementation(name);
    ASSERT_NE(impl, nullptr) << name;
    EXPECT_THAT(std::get<std::vector<uint32_t>>(impl->run(path, {.threads = 2})),
                testing::ElementsAre(0, 0, 0, 0, 0, 0));
    EXPECT_THAT(std::get<std::vector<uint32_t>>(impl->run(split, {.threads = 2})),
                testing::ElementsAre(0, 0, 0, 3, 3, 5));
  }
}

// Union-find labels are roots: each label is a member of its own component.
TEST(Wcc, UnionFindLabelsAreRoots) {
  const datasets::Graph g = MakeGraph(6, {{1, 0}, {1, 2}, {4, 3}});
  const auto label =
      std::get<std::vector<uint32_t>>(harness::FindImplementation("serial:union-find")->run(g, {}));
  for (uint32_t v = 0; v < 6; ++v) EXPECT_EQ(label[label[v]], label[v]) << "vertex " << v;
}

}  // namespace
}  // namespace cost
