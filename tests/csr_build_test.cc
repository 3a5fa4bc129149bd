// BuildGraph: self-loops and duplicates removed, rows sorted, transpose consistent, symmetrise.
#include "datasets/csr_build.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <omp.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "datasets/dataset_error.h"
#include "datasets/kronecker.h"

namespace cost::datasets {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<VertexId> Row(const Csr& csr, VertexId v) {
  const auto row = csr.Neighbors(v);
  return {row.begin(), row.end()};
}

// Checks every structural invariant BuildGraph promises.
void ExpectWellFormed(const Graph& g) {
  const uint64_t n = g.num_vertices();
  for (const Csr* csr : {&g.out, &g.in}) {
    ASSERT_EQ(csr->num_vertices, n);
    ASSERT_EQ(csr->offsets.size(), n + 1);
    EXPECT_EQ(csr->offsets.front(), 0u);
    EXPECT_EQ(csr->offsets.back(), csr->num_edges());
    EXPECT_TRUE(std::is_sorted(csr->offsets.begin(), csr->offsets.end()));
    for (VertexId v = 0; v < n; ++v) {
      const auto row = csr->Neighbors(v);
      EXPECT_TRUE(std::adjacent_find(row.begin(), row.end(), std::greater_equal<>()) == row.end())
          << "row " << v << " is not strictly ascending";
      EXPECT_TRUE(std::find(row.begin(), row.end(), v) == row.end()) << "self-loop at " << v;
    }
  }
  ASSERT_EQ(g.in.num_edges(), g.out.num_edges());
  // (u,v) is an out-arc iff u is among v's in-neighbours; equal counts make one direction enough.
  for (VertexId u = 0; u < n; ++u) {
    for (VertexId v : g.out.Neighbors(u)) {
      const auto in = g.in.Neighbors(v);
      EXPECT_TRUE(std::binary_search(in.begin(), in.end(), u)) << u << "->" << v;
    }
  }
  EXPECT_EQ(g.original_ids.size(), n);
}

EdgeList MakeEdges(uint64_t n, std::vector<std::pair<VertexId, VertexId>> pairs) {
  EdgeList edges;
  edges.num_vertices = n;
  for (auto [u, v] : pairs) {
    edges.src.push_back(u);
    edges.dst.push_back(v);
  }
  return edges;
}

//   0 -> 2, 0 -> 1, 0 -> 2 (duplicate), 1 -> 1 (self-loop), 2 -> 0, 3 -> 1;  vertex 4 isolated.
TEST(CsrBuildTest, DropsSelfLoopsAndDuplicatesAndSortsRows) {
  const EdgeList edges = MakeEdges(5, {{0, 2}, {0, 1}, {0, 2}, {1, 1}, {2, 0}, {3, 1}});
  BuildStats stats;
  const Graph g = BuildGraph(edges, {}, &stats);
  ExpectWellFormed(g);
  EXPECT_FALSE(g.symmetric);
  EXPECT_EQ(g.num_vertices(), 5u);
  EXPECT_EQ(g.num_edges(), 4u);
  EXPECT_THAT(Row(g.out, 0), ElementsAre(1, 2));
  EXPECT_THAT(Row(g.out, 1), ElementsAre());
  EXPECT_THAT(Row(g.out, 3), ElementsAre(1));
  EXPECT_THAT(Row(g.in, 1), ElementsAre(0, 3));
  EXPECT_THAT(Row(g.in, 0), ElementsAre(2));
  EXPECT_THAT(Row(g.in, 4), ElementsAre());
  EXPECT_THAT(g.original_ids, ElementsAre(0, 1, 2, 3, 4));
  EXPECT_EQ(stats.input_edges, 6u);
  EXPECT_EQ(stats.self_loops_dropped, 1u);
  EXPECT_EQ(stats.duplicates_removed, 1u);
}

// Symmetrising 0 -> 1, 1 -> 0, 1 -> 2: the pair (0,1),(1,0) yields two duplicate arcs.
TEST(CsrBuildTest, SymmetrizeAddsReverseArcsAndCountsDuplicatesAfterwards) {
  const EdgeList edges = MakeEdges(3, {{0, 1}, {1, 0}, {1, 2}});
  BuildStats stats;
  const Graph g = BuildGraph(edges, {.symmetrize = true}, &stats);
  ExpectWellFormed(g);
  EXPECT_TRUE(g.symmetric);
  EXPECT_THAT(Row(g.out, 0), ElementsAre(1));
  EXPECT_THAT(Row(g.out, 1), ElementsAre(0, 2));
  EXPECT_THAT(Row(g.out, 2), ElementsAre(1));
  EXPECT_EQ(g.num_edges(), 4u);
  EXPECT_EQ(stats.input_edges, 3u);
  EXPECT_EQ(stats.self_loops_dropped, 0u);
  EXPECT_EQ(stats.duplicates_removed, 2u);
  for (VertexId v = 0; v < 3; ++v) EXPECT_EQ(Row(g.in, v), Row(g.out, v));
}

TEST(CsrBuildTest, KeepsOriginalIds) {
  EdgeList edges = MakeEdges(2, {{1, 0}});
  edges.original_ids = {77, 1000000000000};
  const Graph g = BuildGraph(edges, {});
  EXPECT_THAT(g.original_ids, ElementsAre(77, 1000000000000u));
}

TEST(CsrBuildTest, GraphOutlivesItsEdgeListAndCopiesShareStorage) {
  Graph copy;
  {
    const Graph g = BuildGraph(MakeEdges(3, {{0, 1}, {0, 2}}), {});
    copy = g;
  }
  EXPECT_THAT(Row(copy.out, 0), ElementsAre(1, 2));
  EXPECT_THAT(Row(copy.in, 2), ElementsAre(0));
}

TEST(CsrBuildTest, KroneckerGraphIsWellFormedAndIndependentOfThreads) {
  const EdgeList edges = GenerateKronecker({.scale = 12, .edge_factor = 16, .seed = 9});
  const int saved_threads = omp_get_max_threads();
  for (bool symmetrize : {false, true}) {
    omp_set_num_threads(1);
    BuildStats stats1;
    const Graph one = BuildGraph(edges, {.symmetrize = symmetrize}, &stats1);
    omp_set_num_threads(2);
    const Graph two = BuildGraph(edges, {.symmetrize = symmetrize});
    ExpectWellFormed(one);
    EXPECT_TRUE(std::ranges::equal(one.out.offsets, two.out.offsets));
    EXPECT_TRUE(std::ranges::equal(one.out.targets, two.out.targets));
    EXPECT_TRUE(std::ranges::equal(one.in.targets, two.in.targets));
    const uint64_t arcs = (stats1.input_edges - stats1.self_loops_dropped) * (symmetrize ? 2 : 1);
    EXPECT_EQ(one.num_edges(), arcs - stats1.duplicates_removed);
    EXPECT_GT(stats1.duplicates_removed, 0u);
  }
  omp_set_num_threads(saved_threads);
}

// Bucketing depends on the thread count (each thread fills its own slots), the result must not:
// every array is compared between 1, 2 and 3 threads, on a graph big enough for many buckets,
// with duplicates, self-loops and hubs (Kronecker) and on a sparse one with isolated vertices.
TEST(CsrBuildTest, ArraysAreIdenticalAtOneTwoAndThreeThreads) {
  EdgeList sparse = GenerateKronecker({.scale = 14, .edge_factor = 2, .seed = 3});
  sparse.num_vertices = uint64_t{1} << 18;  // most vertices isolated: many empty buckets
  const EdgeList inputs[] = {GenerateKronecker({.scale = 15, .edge_factor = 16, .seed = 5}),
                             sparse};
  const int saved_threads = omp_get_max_threads();
  for (const EdgeList& edges : inputs) {
    for (bool symmetrize : {false, true}) {
      std::vector<Graph> graphs;
      std::vector<BuildStats> stats(3);
      for (int threads = 1; threads <= 3; ++threads) {
        omp_set_num_threads(threads);
        graphs.push_back(BuildGraph(edges, {.symmetrize = symmetrize}, &stats[threads - 1]));
      }
      ExpectWellFormed(graphs[0]);
      for (int i = 1; i < 3; ++i) {
        SCOPED_TRACE("threads " + std::to_string(i + 1) + ", symmetrize " +
                     std::to_string(symmetrize));
        EXPECT_TRUE(std::ranges::equal(graphs[0].out.offsets, graphs[i].out.offsets));
        EXPECT_TRUE(std::ranges::equal(graphs[0].out.targets, graphs[i].out.targets));
        EXPECT_TRUE(std::ranges::equal(graphs[0].in.offsets, graphs[i].in.offsets));
        EXPECT_TRUE(std::ranges::equal(graphs[0].in.targets, graphs[i].in.targets));
        EXPECT_EQ(stats[0].duplicates_removed, stats[i].duplicates_removed);
        EXPECT_EQ(stats[0].self_loops_dropped, stats[i].self_loops_dropped);
      }
    }
  }
  omp_set_num_threads(saved_threads);
}

// The plain form (a set of arcs per vertex) agrees with the bucketed build row by row.
TEST(CsrBuildTest, MatchesAPlainSetOfArcsPerVertex) {
  const EdgeList edges = GenerateKronecker({.scale = 13, .edge_factor = 8, .seed = 11});
  for (bool symmetrize : {false, true}) {
    const Graph g = BuildGraph(edges, {.symmetrize = symmetrize});
    std::vector<std::set<VertexId>> out(edges.num_vertices), in(edges.num_vertices);
    for (uint64_t e = 0; e < edges.num_edges(); ++e) {
      const VertexId u = edges.src[e], v = edges.dst[e];
      if (u == v) continue;
      out[u].insert(v);
      in[v].insert(u);
      if (symmetrize) out[v].insert(u), in[u].insert(v);
    }
    for (VertexId v = 0; v < edges.num_vertices; ++v) {
      ASSERT_TRUE(std::ranges::equal(g.out.Neighbors(v), out[v])) << "out row " << v;
      ASSERT_TRUE(std::ranges::equal(g.in.Neighbors(v), in[v])) << "in row " << v;
    }
  }
}

TEST(CsrBuildTest, RejectsOutOfRangeIds) {
  try {
    BuildGraph(MakeEdges(3, {{0, 1}, {5, 2}}), {});
    ADD_FAILURE() << "no error";
  } catch (const DatasetError& e) {
    EXPECT_THAT(e.what(), HasSubstr("vertex id 5"));
  }
}

TEST(CsrBuildTest, EmptyGraph) {
  const Graph g = BuildGraph(MakeEdges(0, {}), {});
  EXPECT_EQ(g.num_vertices(), 0u);
  EXPECT_EQ(g.num_edges(), 0u);
  EXPECT_THAT(g.out.offsets, ElementsAre(0));
}

}  // namespace
}  // namespace cost::datasets
