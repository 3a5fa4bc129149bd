// The uniform and grid generators: shapes, seeds, and the same output at any thread count.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <omp.h>

#include "datasets/dataset_error.h"
#include "datasets/grid_graph.h"
#include "datasets/kronecker.h"
#include "datasets/uniform_graph.h"

namespace cost::datasets {
namespace {

using ::testing::ElementsAre;

template <typename Generate>
void ExpectSameAtOneAndManyThreads(Generate generate) {
  const int threads = omp_get_max_threads();
  omp_set_num_threads(1);
  const EdgeList one = generate();
  omp_set_num_threads(std::max(threads, 4));
  const EdgeList many = generate();
  omp_set_num_threads(threads);
  EXPECT_EQ(one.num_vertices, many.num_vertices);
  EXPECT_EQ(one.src, many.src);
  EXPECT_EQ(one.dst, many.dst);
}

TEST(UniformGraphTest, DrawsMEdgesOverNVertices) {
  const EdgeList edges = GenerateUniform({.num_vertices = 1000, .num_edges = 50000, .seed = 3});
  EXPECT_EQ(edges.num_vertices, 1000u);
  ASSERT_EQ(edges.num_edges(), 50000u);
  std::vector<int> hits(1000, 0);
  for (uint64_t e = 0; e < edges.num_edges(); ++e) {
    ASSERT_LT(edges.src[e], 1000u);
    ASSERT_LT(edges.dst[e], 1000u);
    ++hits[edges.src[e]];
  }
  // 50 expected per vertex; a uniform draw keeps every count well inside [10, 110].
  EXPECT_GT(*std::min_element(hits.begin(), hits.end()), 10);
  EXPECT_LT(*std::max_element(hits.begin(), hits.end()), 110);
}

TEST(UniformGraphTest, SameSeedSameGraphAtAnyThreadCount) {
  ExpectSameAtOneAndManyThreads(
      [] { return GenerateUniform({.num_vertices = 1 << 12, .num_edges = 1 << 16, .seed = 9}); });
  const EdgeList a = GenerateUniform({.num_vertices = 100, .num_edges = 100, .seed = 1});
  const EdgeList b = GenerateUniform({.num_vertices = 100, .num_edges = 100, .seed = 2});
  EXPECT_NE(a.src, b.src);
  EXPECT_THROW(GenerateUniform({.num_vertices = 0, .num_edges = 1, .seed = 1}), DatasetError);
  EXPECT_THROW(GenerateUniform({.num_vertices = 5, .num_edges = 0, .seed = 1}), DatasetError);
}

// 2 x 3 grid:  0 - 1 - 2
//              |   |   |
//              3 - 4 - 5      right edges first, then down edges.
TEST(GridGraphTest, FullGridHasRightThenDownEdges) {
  const EdgeList edges = GenerateGrid({.rows = 2, .cols = 3});
  EXPECT_EQ(edges.num_vertices, 6u);
  EXPECT_THAT(edges.src, ElementsAre(0, 1, 3, 4, 0, 1, 2));
  EXPECT_THAT(edges.dst, ElementsAre(1, 2, 4, 5, 3, 4, 5));
}

TEST(GridGraphTest, DropsAboutTheRequestedFractionDeterministically) {
  const GridOptions options{.rows = 200, .cols = 300, .drop_probability = 0.25, .seed = 4};
  const EdgeList edges = GenerateGrid(options);
  const double total = 200.0 * 299 + 199.0 * 300;
  EXPECT_NEAR(edges.num_edges() / total, 0.75, 0.01);
  ExpectSameAtOneAndManyThreads([&] { return GenerateGrid(options); });
  EXPECT_THROW(GenerateGrid({.rows = 1, .cols = 1}), DatasetError);
  EXPECT_THROW(GenerateGrid({.rows = 2, .cols = 2, .drop_probability = 1.0}), DatasetError);
  EXPECT_THROW(GenerateGrid({.rows = 1u << 17, .cols = 1u << 16}), DatasetError);
}

// The chunked forms (what the bounded-memory builder calls) give the whole list's edges, in
// order, whatever the chunks.
TEST(GeneratorChunksTest, ChunksConcatenateToTheWholeList) {
  const KroneckerOptions kron{.scale = 9, .edge_factor = 5, .seed = 3};
  const UniformOptions uniform{.num_vertices = 1000, .num_edges = 2600, .seed = 8};
  const GridOptions grid{.rows = 30, .cols = 40, .drop_probability = 0.3, .seed = 2};
  const EdgeList whole[] = {GenerateKronecker(kron), GenerateUniform(uniform), GenerateGrid(grid)};
  const uint64_t candidates[] = {KroneckerEdgeCount(kron), uniform.num_edges,
                                 GridCandidateEdges(grid)};
  for (int g = 0; g < 3; ++g) {
    SCOPED_TRACE(g);
    std::vector<VertexId> src, dst;
    for (uint64_t first = 0, chunk = 1; first < candidates[g];
         first += chunk, chunk = 2 * chunk + 1) {
      const uint64_t count = std::min(chunk, candidates[g] - first);
      std::vector<VertexId> s(count), d(count);
      uint64_t kept = count;
      if (g == 0) GenerateKroneckerEdges(kron, first, s, d);
      if (g == 1) GenerateUniformEdges(uniform, first, s, d);
      if (g == 2) kept = GenerateGridEdges(grid, first, count, s.data(), d.data());
      src.insert(src.end(), s.begin(), s.begin() + kept);
      dst.insert(dst.end(), d.begin(), d.begin() + kept);
    }
    EXPECT_EQ(src, whole[g].src);
    EXPECT_EQ(dst, whole[g].dst);
  }
}

}  // namespace
}  // namespace cost::datasets
