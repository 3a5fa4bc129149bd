// Hilbert-curve indices, the radix sort, the compressed stream, and Hilbert sections in the
// prepared-graph file.
#include "datasets/hilbert_layout.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <set>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/dataset_error.h"
#include "datasets/graph_file.h"
#include "datasets/hilbert.h"
#include "datasets/kronecker.h"

namespace cost::datasets {
namespace {

using ::testing::HasSubstr;

bool Neighbours(uint32_t x0, uint32_t y0, uint32_t x1, uint32_t y1) {
  const uint64_t dx = x0 > x1 ? x0 - x1 : x1 - x0, dy = y0 > y1 ? y0 - y1 : y1 - y0;
  return dx + dy == 1;
}

// The tables (4 lookups) against the plain bit-by-bit form, and decoding against encoding.
TEST(HilbertTest, TablesAgreeWithTheBitwiseFormAndInvert) {
  std::mt19937_64 random(7);
  for (int i = 0; i < 100000; ++i) {
    const uint32_t x = static_cast<uint32_t>(random()), y = static_cast<uint32_t>(random());
    const uint64_t d = HilbertIndex(x, y);
    ASSERT_EQ(d, HilbertIndexBitwise(x, y)) << x << "," << y;
    uint32_t px, py;
    HilbertPoint(d, &px, &py);
    ASSERT_EQ(px, x);
    ASSERT_EQ(py, y);
  }
  for (const uint32_t edge : {0u, 1u, 0xffffffffu, 0x80000000u}) {
    EXPECT_EQ(HilbertIndex(edge, edge), HilbertIndexBitwise(edge, edge));
  }
  EXPECT_EQ(HilbertIndex(0, 0), 0u);
}

// On a 2^k x 2^k grid the indices are exactly [0, 4^k), and consecutive indices are cells that
// share a side: the curve visits the unit blocks of the adjacency matrix one neighbour at a time.
TEST(HilbertTest, IsABijectionOnSmallGridsVisitingNeighbours) {
  for (int k : {1, 2, 4, 6}) {
    const uint32_t side = 1u << k;
    std::vector<std::pair<uint32_t, uint32_t>> cell_at(uint64_t{side} * side, {~0u, ~0u});
    for (uint32_t x = 0; x < side; ++x) {
      for (uint32_t y = 0; y < side; ++y) {
        const uint64_t d = HilbertIndex(x, y);
        ASSERT_LT(d, cell_at.size()) << "k=" << k;
        ASSERT_EQ(cell_at[d].first, ~0u) << "index " << d << " used twice";
        cell_at[d] = {x, y};
      }
    }
    for (size_t d = 1; d < cell_at.size(); ++d) {
      ASSERT_TRUE(Neighbours(cell_at[d - 1].first, cell_at[d - 1].second, cell_at[d].first,
                             cell_at[d].second))
          << "k=" << k << " index " << d;
    }
  }
  // Far from the origin too.
  std::mt19937_64 random(11);
  for (int i = 0; i < 10000; ++i) {
    const uint64_t d = random() % (~uint64_t{0});
    uint32_t x0, y0, x1, y1;
    HilbertPoint(d, &x0, &y0);
    HilbertPoint(d + 1, &x1, &y1);
    ASSERT_TRUE(Neighbours(x0, y0, x1, y1)) << d;
  }
}

TEST(HilbertTest, RadixSortSortsAnyKeys) {
  std::mt19937_64 random(3);
  for (const uint64_t mask : {uint64_t{0xff}, uint64_t{0xffffffffff}, ~uint64_t{0}}) {
    std::vector<uint64_t> keys(5000);
    for (uint64_t& k : keys) k = random() & mask;
    keys.push_back(0);
    keys.push_back(keys[5]);  // a duplicate
    std::vector<uint64_t> expected = keys;
    std::sort(expected.begin(), expected.end());
    RadixSort(&keys);
    EXPECT_EQ(keys, expected);
  }
  std::vector<uint64_t> empty;
  RadixSort(&empty);
  EXPECT_TRUE(empty.empty());
}

Graph SmallKronecker() {
  return BuildGraph(GenerateKronecker({.scale = 10, .edge_factor = 8, .seed = 5}),
                    {.symmetrize = true});
}

// The arrays hold every arc of the CSR exactly once, in increasing curve index.
TEST(HilbertLayoutTest, ArraysAreTheArcsInCurveOrder) {
  const Graph graph = SmallKronecker();
  const Graph hilbert = WithHilbertLayout(graph, EdgeLayout::kHilbert);
  ASSERT_EQ(hilbert.hilbert_src.size(), graph.num_edges());
  ASSERT_EQ(hilbert.hilbert_dst.size(), graph.num_edges());
  EXPECT_TRUE(hilbert.hilbert_compressed.empty());
  std::set<std::pair<VertexId, VertexId>> arcs, seen;
  for (VertexId u = 0; u < graph.num_vertices(); ++u) {
    for (VertexId v : graph.out.Neighbors(u)) arcs.insert({u, v});
  }
  for (size_t e = 0; e < hilbert.hilbert_src.size(); ++e) {
    seen.insert({hilbert.hilbert_src[e], hilbert.hilbert_dst[e]});
    if (e > 0) {
      ASSERT_LT(HilbertIndex(hilbert.hilbert_src[e - 1], hilbert.hilbert_dst[e - 1]),
                HilbertIndex(hilbert.hilbert_src[e], hilbert.hilbert_dst[e]));
    }
  }
  EXPECT_EQ(seen, arcs);
  // The CSR is untouched and still shared.
  EXPECT_EQ(hilbert.out.targets.data(), graph.out.targets.data());
}

TEST(HilbertLayoutTest, CompressedStreamDecodesToTheSameEdges) {
  const Graph graph = SmallKronecker();
  const Graph arrays = WithHilbertLayout(graph, EdgeLayout::kHilbert);
  HilbertStats stats;
  const Graph compressed = WithHilbertLayout(graph, EdgeLayout::kCompressed, &stats);
  EXPECT_TRUE(compressed.hilbert_src.empty());
  EXPECT_EQ(stats.compressed_bytes, compressed.hilbert_compressed.size());
  // 4 bytes per arc and a header per run: half the 8 bytes per arc of the arrays.
  EXPECT_LE(compressed.hilbert_compressed.size(),
            TileStreamBoundBytes(graph.num_vertices(), graph.num_edges()));
  EXPECT_GE(compressed.hilbert_compressed.size(), 4 * graph.num_edges() + kTileRunHeaderBytes);
  std::vector<VertexId> src, dst;
  DecodeHilbertCompressed(compressed.hilbert_compressed, graph.num_edges(), &src, &dst);
  EXPECT_TRUE(
      std::equal(src.begin(), src.end(), arrays.hilbert_src.begin(), arrays.hilbert_src.end()));
  EXPECT_TRUE(
      std::equal(dst.begin(), dst.end(), arrays.hilbert_dst.begin(), arrays.hilbert_dst.end()));

  std::vector<uint8_t> cut(compressed.hilbert_compressed.begin(),
                           compressed.hilbert_compressed.end());
  cut.resize(cut.size() - 4);  // the last run now claims an arc that is not there
  try {
    DecodeHilbertCompressed(cut, graph.num_edges(), &src, &dst);
    ADD_FAILURE() << "no error";
  } catch (const DatasetError& e) {
    EXPECT_THAT(e.what(), HasSubstr("truncated after"));
  }
  EXPECT_THROW(
      DecodeHilbertCompressed(compressed.hilbert_compressed, graph.num_edges() + 1, &src, &dst),
      DatasetError);
}

TEST(HilbertLayoutTest, SectionsSurviveTheGraphFile) {
  const std::string dir = testing::TempDir();
  const Graph graph = SmallKronecker();
  for (const EdgeLayout layout :
       {EdgeLayout::kVertex, EdgeLayout::kHilbert, EdgeLayout::kCompressed}) {
    const Graph prepared = WithHilbertLayout(graph, layout);
    const std::string path = dir + "/hilbert_" + EdgeLayoutName(layout) + ".cgraph";
    WriteGraphFile(prepared, "{}", path);
    GraphFileInfo info;
    const Graph loaded = LoadGraphFile(path, &info);
    EXPECT_EQ(info.has_hilbert, layout == EdgeLayout::kHilbert);
    EXPECT_EQ(info.hilbert_compressed_bytes, prepared.hilbert_compressed.size());
    EXPECT_TRUE(std::equal(loaded.hilbert_src.begin(), loaded.hilbert_src.end(),
                           prepared.hilbert_src.begin(), prepared.hilbert_src.end()));
    EXPECT_TRUE(std::equal(loaded.hilbert_dst.begin(), loaded.hilbert_dst.end(),
                           prepared.hilbert_dst.begin(), prepared.hilbert_dst.end()));
    EXPECT_TRUE(std::equal(loaded.hilbert_compressed.begin(), loaded.hilbert_compressed.end(),
                           prepared.hilbert_compressed.begin(), prepared.hilbert_compressed.end()));
    EXPECT_EQ(loaded.num_edges(), graph.num_edges());
    std::filesystem::remove(path);
  }
}

TEST(HilbertLayoutTest, LayoutNames) {
  EXPECT_EQ(ParseEdgeLayout("compressed"), EdgeLayout::kCompressed);
  EXPECT_THROW(ParseEdgeLayout("morton"), DatasetError);
}

}  // namespace
}  // namespace cost::datasets
