// GenerateKronecker: counts, id range, determinism across thread counts and seeds, skew.
#include "datasets/kronecker.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <omp.h>

#include <algorithm>
#include <vector>

#include "datasets/dataset_error.h"

namespace cost::datasets {
namespace {

using ::testing::HasSubstr;

EdgeList GenerateWithThreads(const KroneckerOptions& options, int threads) {
  const int saved = omp_get_max_threads();
  omp_set_num_threads(threads);
  EdgeList edges = GenerateKronecker(options);
  omp_set_num_threads(saved);
  return edges;
}

TEST(KroneckerTest, GeneratesEdgeFactorTimesVerticesEdgesWithIdsInRange) {
  const KroneckerOptions options{.scale = 10, .edge_factor = 8, .seed = 3};
  const EdgeList edges = GenerateKronecker(options);
  EXPECT_EQ(edges.num_vertices, 1024u);
  EXPECT_EQ(edges.num_edges(), 8u * 1024u);
  EXPECT_EQ(edges.dst.size(), edges.src.size());
  EXPECT_TRUE(edges.original_ids.empty());
  EXPECT_LT(*std::max_element(edges.src.begin(), edges.src.end()), 1024u);
  EXPECT_LT(*std::max_element(edges.dst.begin(), edges.dst.end()), 1024u);
}

TEST(KroneckerTest, SameSeedGivesIdenticalEdgesAtOneAndTwoThreads) {
  const KroneckerOptions options{.scale = 14, .edge_factor = 16, .seed = 42};
  const EdgeList one = GenerateWithThreads(options, 1);
  const EdgeList two = GenerateWithThreads(options, 2);
  EXPECT_EQ(one.src, two.src);
  EXPECT_EQ(one.dst, two.dst);
}

TEST(KroneckerTest, DifferentSeedsGiveDifferentEdges) {
  const EdgeList a = GenerateKronecker({.scale = 12, .edge_factor = 4, .seed = 1});
  const EdgeList b = GenerateKronecker({.scale = 12, .edge_factor = 4, .seed = 2});
  ASSERT_EQ(a.num_edges(), b.num_edges());
  EXPECT_NE(a.src, b.src);
  EXPECT_NE(a.dst, b.dst);
}

TEST(KroneckerTest, DegreesAreSkewedAndHubsAreSpreadOut) {
  const EdgeList edges = GenerateKronecker({.scale = 16, .edge_factor = 16, .seed = 7});
  std::vector<uint64_t> degree(edges.num_vertices, 0);
  for (uint64_t e = 0; e < edges.num_edges(); ++e) ++degree[edges.src[e]];
  const auto hub = std::max_element(degree.begin(), degree.end());
  const double average = static_cast<double>(edges.num_edges()) / edges.num_vertices;
  EXPECT_GT(*hub, 50 * average);  // R-MAT hubs are orders of magnitude above the mean
  // The relabelling moves the hub away from vertex 0, where unpermuted R-MAT puts it.
  EXPECT_NE(hub - degree.begin(), 0);
  // Many vertices are isolated or nearly so: the median is below the mean.
  std::vector<uint64_t> sorted = degree;
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
  EXPECT_LT(sorted[sorted.size() / 2], average);
}

TEST(KroneckerTest, ScaleOneUsesBothVertices) {
  const EdgeList edges = GenerateKronecker({.scale = 1, .edge_factor = 64, .seed = 5});
  EXPECT_EQ(edges.num_vertices, 2u);
  EXPECT_EQ(edges.num_edges(), 128u);
  EXPECT_NE(std::count(edges.src.begin(), edges.src.end(), 0u), 0);
  EXPECT_NE(std::count(edges.src.begin(), edges.src.end(), 1u), 0);
}

TEST(KroneckerTest, RejectsBadOptions) {
  auto message = [](const KroneckerOptions& options) -> std::string {
    try {
      GenerateKronecker(options);
    } catch (const DatasetError& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_THAT(message({.scale = 0}), HasSubstr("scale 0"));
  EXPECT_THAT(message({.scale = 32}), HasSubstr("scale 32"));
  EXPECT_THAT(message({.scale = 4, .edge_factor = 0}), HasSubstr("edge_factor 0"));
  EXPECT_THAT(message({.scale = 4, .a = 0.9, .b = 0.2, .c = 0.1}), HasSubstr("probabilities"));
  EXPECT_THAT(message({.scale = 4, .a = -0.1}), HasSubstr("probabilities"));
}

}  // namespace
}  // namespace cost::datasets
