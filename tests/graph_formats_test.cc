// Every input format: detection, loading, error messages, and round trips through each writer.
#include "datasets/graph_formats.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <omp.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/dataset_error.h"
#include "datasets/graph_file.h"
#include "datasets/graph_writers.h"
#include "datasets/kronecker.h"
#include "datasets/matrix_market.h"
#include "datasets/output_file.h"
#include "datasets/text_file_build.h"
#include "datasets/text_loader.h"
#include "harness/prepare/graph_preparation.h"
#include "tests/test_support.h"

namespace cost::datasets {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kDataDir = COST_TEST_DATA_DIR;

class GraphFormatsTest : public testing_support::ScratchDirTest {
 protected:
  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::string LoadError(const std::string& path, GraphFormat format) {
    try {
      LoadGraphInput(path, format);
    } catch (const DatasetError& e) {
      return e.what();
    }
    return "no error";
  }
  std::vector<std::string> Files() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }
};

// 0 -> 1, 0 -> 2, 1 -> 2, 2 -> 0, 3 -> 1, 4 -> 3 (original ids 10, 20, ..., 50)
EdgeList SmallDirected() {
  EdgeList edges;
  edges.num_vertices = 5;
  edges.src = {0, 0, 1, 2, 3, 4};
  edges.dst = {1, 2, 2, 0, 1, 3};
  edges.original_ids = {10, 20, 30, 40, 50};
  return edges;
}

void ExpectSameCsr(const Graph& a, const Graph& b) {
  ASSERT_EQ(a.num_vertices(), b.num_vertices());
  EXPECT_TRUE(std::equal(a.out.offsets.begin(), a.out.offsets.end(), b.out.offsets.begin()));
  ASSERT_EQ(a.num_edges(), b.num_edges());
  EXPECT_TRUE(std::equal(a.out.targets.begin(), a.out.targets.end(), b.out.targets.begin()));
  EXPECT_TRUE(std::equal(a.in.targets.begin(), a.in.targets.end(), b.in.targets.begin()));
}

TEST_F(GraphFormatsTest, DetectsFormatsFromNameAndContents) {
  EXPECT_EQ(DetectGraphFormat(kDataDir + "/edges_mixed.txt"), GraphFormat::kSnap);
  EXPECT_EQ(DetectGraphFormat(kDataDir + "/small_integer.mtx"), GraphFormat::kMatrixMarket);
  // The banner decides, not the name.
  EXPECT_EQ(DetectGraphFormat(Write("m.txt", "%%MatrixMarket matrix coordinate pattern general\n")),
            GraphFormat::kMatrixMarket);
  EXPECT_EQ(DetectGraphFormat(Write("g.raw", "")), GraphFormat::kRaw);
  EXPECT_EQ(DetectGraphFormat(Write("g.nodes", "")), GraphFormat::kCostVertex);
  EXPECT_EQ(DetectGraphFormat(Write("g.properties", "")), GraphFormat::kEvlp);
  EXPECT_EQ(DetectGraphFormat(Write("g.bin", "COSTGRPH")), GraphFormat::kCgraph);
  EXPECT_THAT(
      [&] {
        try {
          DetectGraphFormat(Write("headerless.mtx", "2 1\n3 2\n"));
        } catch (const DatasetError& e) {
          return std::string(e.what());
        }
        return std::string();
      }(),
      AllOf(HasSubstr("headerless.mtx"), HasSubstr("no '%%MatrixMarket' banner"),
            HasSubstr("--format snap")));
  EXPECT_EQ(ParseFormatName("ldbc"), GraphFormat::kEvlp);
  EXPECT_THROW(ParseFormatName("csv"), DatasetError);
}

// small_integer.mtx (CRLF, weights): 1 -> 2, 2 -> 3, 4 -> 1 over 4 vertices.
TEST_F(GraphFormatsTest, ReadsMatrixMarketGeneralWithValues) {
  const LoadedGraph g = LoadGraphInput(kDataDir + "/small_integer.mtx");
  EXPECT_EQ(g.format, GraphFormat::kMatrixMarket);
  EXPECT_FALSE(g.undirected);
  EXPECT_EQ(g.edges.num_vertices, 4u);
  EXPECT_THAT(g.edges.src, ElementsAre(0, 1, 3));
  EXPECT_THAT(g.edges.dst, ElementsAre(1, 2, 0));
  EXPECT_THAT(g.edges.original_ids, ElementsAre(1, 2, 3, 4));
}

// Symmetric: (2,1) and (3,3) give 1 -> 0, 0 -> 1 and the loop 2 -> 2. Row 4, which no entry
// names, is not a vertex: indices are relabelled by those the entries use.
TEST_F(GraphFormatsTest, ReadsMatrixMarketSymmetricAsBothDirections) {
  const std::string path = Write("s.mtx",
                                 "%%MatrixMarket matrix coordinate real symmetric\n% c\n\n"
                                 "4 4 2\n2 1 0.5\n3 3 1e3\n");
  const LoadedGraph g = LoadGraphInput(path);
  EXPECT_TRUE(g.undirected);
  EXPECT_EQ(g.edges.num_vertices, 3u);
  EXPECT_THAT(g.edges.src, ElementsAre(1, 0, 2));
  EXPECT_THAT(g.edges.dst, ElementsAre(0, 1, 2));
  EXPECT_THAT(g.edges.original_ids, ElementsAre(1, 2, 3));
}

TEST_F(GraphFormatsTest, MalformedMatrixMarketNamesFileLineAndReason) {
  const std::string banner = "%%MatrixMarket matrix coordinate pattern general\n";
  auto error = [&](const std::string& name, const std::string& text) {
    return LoadError(Write(name, text), GraphFormat::kMatrixMarket);
  };
  EXPECT_THAT(error("nobanner.mtx", "3 3 1\n1 2\n"),
              AllOf(HasSubstr("nobanner.mtx:1:"), HasSubstr("banner")));
  EXPECT_THAT(error("array.mtx", "%%MatrixMarket matrix array real general\n2 2\n"),
              AllOf(HasSubstr("array.mtx:1:"), HasSubstr("'array'")));
  EXPECT_THAT(error("complex.mtx", "%%MatrixMarket matrix coordinate complex general\n"),
              AllOf(HasSubstr("complex.mtx:1:"), HasSubstr("'complex'")));
  EXPECT_THAT(error("hermitian.mtx", "%%MatrixMarket matrix coordinate real hermitian\n"),
              AllOf(HasSubstr("hermitian.mtx:1:"), HasSubstr("'hermitian'")));
  EXPECT_THAT(error("nosize.mtx", banner + "% only comments\n"),
              AllOf(HasSubstr("nosize.mtx:2:"), HasSubstr("missing size line")));
  EXPECT_THAT(error("rect.mtx", banner + "3 4 1\n1 2\n"),
              AllOf(HasSubstr("rect.mtx:2:"), HasSubstr("3 x 4"), HasSubstr("square")));
  EXPECT_THAT(error("fewer.mtx", banner + "3 3 3\n1 2\n2 3\n"),
              AllOf(HasSubstr("fewer.mtx:4:"), HasSubstr("after 2 of the 3 entries")));
  EXPECT_THAT(error("more.mtx", banner + "3 3 1\n1 2\n2 3\n"),
              AllOf(HasSubstr("more.mtx:4:"), HasSubstr("more entries than the 1")));
  EXPECT_THAT(error("range.mtx", banner + "3 3 2\n1 2\n0 3\n"),
              AllOf(HasSubstr("range.mtx:4:"), HasSubstr("(0, 3) is outside")));
  EXPECT_THAT(error("big.mtx", banner + "3 3 1\n4 1\n"),
              AllOf(HasSubstr("big.mtx:3:"), HasSubstr("(4, 1) is outside")));
  EXPECT_THAT(
      error("value.mtx", "%%MatrixMarket matrix coordinate integer general\n2 2 1\n1 2 x\n"),
      AllOf(HasSubstr("value.mtx:3:"), HasSubstr("value 'x' is not integer")));
  EXPECT_THAT(error("nonum.mtx", banner + "2 2 1\n1 b\n"),
              AllOf(HasSubstr("nonum.mtx:3:"), HasSubstr("column index 'b'")));
  EXPECT_THAT(error("fields.mtx", banner + "2 2 1\n1 2 3\n"),
              AllOf(HasSubstr("fields.mtx:3:"), HasSubstr("expected 'i j'")));
}

TEST_F(GraphFormatsTest, ReadsGzipEdgeListsAndRejectsTruncatedOnes) {
  const std::string text = "# Nodes: 3 Edges: 2\r\n5\t7\r\n7\t9\r\n";
  const std::string path = (dir_ / "g.txt.gz").string();
  gzFile gz = gzopen(path.c_str(), "wb");
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  gzclose(gz);
  const LoadedGraph g = LoadGraphInput(path);
  EXPECT_EQ(g.format, GraphFormat::kSnap);
  EXPECT_THAT(g.edges.original_ids, ElementsAre(5, 7, 9));
  EXPECT_THAT(g.edges.src, ElementsAre(0, 1));
  EXPECT_THAT(g.edges.dst, ElementsAre(1, 2));

  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string cut = Write("cut.txt.gz", bytes.substr(0, bytes.size() - 10));
  EXPECT_THAT(LoadError(cut, GraphFormat::kSnap),
              AllOf(HasSubstr("cut.txt.gz"), HasSubstr("gzip"), HasSubstr("byte offset")));
}

TEST_F(GraphFormatsTest, MalformedBinaryFilesNameFileAndByteOffset) {
  const std::string seven = Write("seven.raw", std::string(15, '\0'));
  EXPECT_THAT(LoadError(seven, GraphFormat::kRaw),
              AllOf(HasSubstr("seven.raw"), HasSubstr("7 trailing bytes at byte offset 8")));
  EXPECT_THAT(LoadError(Write("empty.raw", ""), GraphFormat::kRaw), HasSubstr("no edges"));

  // Vertex 0 claims 3 targets, the .edges file has 2.
  const uint32_t nodes[2] = {0, 3}, targets[2] = {1, 2};
  Write("over.nodes", std::string(reinterpret_cast<const char*>(nodes), sizeof nodes));
  Write("over.edges", std::string(reinterpret_cast<const char*>(targets), sizeof targets));
  EXPECT_THAT(LoadError((dir_ / "over.nodes").string(), GraphFormat::kCostVertex),
              AllOf(HasSubstr("over.nodes"), HasSubstr("byte offset 0"),
                    HasSubstr("degree 3 of vertex 0")));
  const uint32_t short_nodes[2] = {0, 1};
  Write("under.nodes", std::string(reinterpret_cast<const char*>(short_nodes), 8));
  Write("under.edges", std::string(reinterpret_cast<const char*>(targets), sizeof targets));
  EXPECT_THAT(LoadError((dir_ / "under").string(), GraphFormat::kCostVertex),
              AllOf(HasSubstr("under.nodes"), HasSubstr("add up to 1"), HasSubstr("2 targets")));
  Write("odd.nodes", std::string(12, '\0'));
  EXPECT_THAT(LoadError((dir_ / "odd.edges").string(), GraphFormat::kCostVertex),
              AllOf(HasSubstr("odd.nodes"), HasSubstr("4 trailing bytes at byte offset 8")));
}

TEST_F(GraphFormatsTest, FailedConversionLeavesNoOutput) {
  const std::string bad = Write("bad.mtx",
                                "%%MatrixMarket matrix coordinate pattern general\n"
                                "3 3 2\n1 2\n");
  const std::string out = (dir_ / "out.cgraph").string();
  EXPECT_THROW(harness::ConvertToGraphFile(bad, false, out), DatasetError);
  EXPECT_THAT(Files(), ElementsAre("bad.mtx"));
  {
    OutputFile file((dir_ / "partial.txt").string());
    file.Write("abandoned");
  }
  EXPECT_THAT(Files(), ElementsAre("bad.mtx"));
}

// Every writer, read back by its loader, gives the same prepared graph.
TEST_F(GraphFormatsTest, RoundTripsThroughEveryWriter) {
  for (const bool symmetric : {false, true}) {
    const Graph original = BuildGraph(SmallDirected(), {.symmetrize = symmetric});
    for (const GraphFormat format :
         {GraphFormat::kSnap, GraphFormat::kMatrixMarket, GraphFormat::kEvlp, GraphFormat::kRaw,
          GraphFormat::kCostVertex}) {
      SCOPED_TRACE(std::string(FormatName(format)) + (symmetric ? " symmetric" : " directed"));
      std::string path = (dir_ / (std::string("g.") + FormatName(format))).string();
      if (format == GraphFormat::kSnap) path += ".gz";
      WriteGraphAs(original, format, path);
      if (format == GraphFormat::kEvlp) path += ".properties";
      if (format == GraphFormat::kCostVertex) path += ".nodes";
      ASSERT_EQ(DetectGraphFormat(path), format);
      const LoadedGraph loaded = LoadGraphInput(path);
      const Graph again = BuildGraph(loaded.edges, {.symmetrize = symmetric});
      ExpectSameCsr(original, again);
      const bool keeps_ids = format == GraphFormat::kSnap || format == GraphFormat::kEvlp;
      if (keeps_ids) {
        EXPECT_TRUE(std::equal(original.original_ids.begin(), original.original_ids.end(),
                               again.original_ids.begin()));
      }
      const bool says_undirected =
          format == GraphFormat::kMatrixMarket || format == GraphFormat::kEvlp;
      if (says_undirected) {
        EXPECT_EQ(loaded.undirected, symmetric);
      }
    }
  }
}

// The streamed text conversion gives the same arrays, ids and stats as loading the edge list and
// building in memory, whatever the chunk size (1 byte cuts every line) and the thread count.
//   dense ids 0..4 with a duplicate, a self-loop, comments, CRLF and no final newline; sparse
//   ids up to 2^64-1 beside small ones; a file whose ids all exceed the dense bitmap.
TEST_F(GraphFormatsTest, StreamedTextBuildMatchesInMemoryBuild) {
  const std::string texts[] = {
      "# comment\n0 2\n0 1\r\n0 2\n1 1\n\n2 0 extra\n3\t1\n% other comment\n4 3",
      "18446744073709551615 7\n7 3000000000000\n3000000000000 18446744073709551615\n5 5\n"
      "0 7\n7 0\n",
      "900000001 900000002\n900000002 900000003\n900000003 900000001\n"};
  const int saved_threads = omp_get_max_threads();
  int index = 0;
  for (const std::string& text : texts) {
    const std::string path = Write("edges" + std::to_string(index++) + ".txt", text);
    ASSERT_TRUE(CanBuildFromTextFile(path));
    for (bool symmetrize : {false, true}) {
      BuildStats expected_stats;
      const Graph expected = BuildGraph(LoadTextEdgeList(path), {symmetrize}, &expected_stats);
      for (const uint64_t chunk : {uint64_t{1}, uint64_t{7}, kDefaultTextChunkBytes}) {
        for (int threads = 1; threads <= 3; ++threads) {
          SCOPED_TRACE(path + " chunk " + std::to_string(chunk) + " threads " +
                       std::to_string(threads) + " symmetrize " + std::to_string(symmetrize));
          omp_set_num_threads(threads);
          BuildStats stats;
          const Graph streamed = BuildGraphFromTextFile(path, {symmetrize}, &stats, chunk);
          ExpectSameCsr(expected, streamed);
          EXPECT_TRUE(std::ranges::equal(expected.in.offsets, streamed.in.offsets));
          EXPECT_TRUE(std::ranges::equal(expected.original_ids, streamed.original_ids));
          EXPECT_EQ(expected.symmetric, streamed.symmetric);
          EXPECT_EQ(stats.input_edges, expected_stats.input_edges);
          EXPECT_EQ(stats.self_loops_dropped, expected_stats.self_loops_dropped);
          EXPECT_EQ(stats.duplicates_removed, expected_stats.duplicates_removed);
        }
      }
    }
  }
  omp_set_num_threads(saved_threads);
}

// Same on a Kronecker graph written as text, through `convert`'s code path: the .cgraph holds
// the arrays the in-memory build gives.
TEST_F(GraphFormatsTest, ConvertedTextFileHoldsTheInMemoryArrays) {
  const EdgeList edges = GenerateKronecker({.scale = 12, .edge_factor = 8, .seed = 4});
  std::string text;
  for (uint64_t e = 0; e < edges.num_edges(); ++e) {
    text += std::to_string(edges.src[e]) + " " + std::to_string(edges.dst[e]) + "\n";
  }
  const std::string input = Write("kron.txt", text);
  for (bool symmetrize : {false, true}) {
    const std::string output = Path(symmetrize ? "sym.cgraph" : "dir.cgraph");
    harness::ConvertToGraphFile(input, symmetrize, output);
    const Graph converted = LoadGraphFile(output);
    const Graph expected = BuildGraph(LoadTextEdgeList(input), {symmetrize});
    ExpectSameCsr(expected, converted);
    EXPECT_TRUE(std::ranges::equal(expected.original_ids, converted.original_ids));
  }
}

// Errors name the file and the line, as the in-memory loader's do, also when the bad line
// straddles a chunk boundary; no edges is an error.
TEST_F(GraphFormatsTest, StreamedTextBuildReportsFileLineAndReason) {
  const std::string bad = Write("bad.txt", "# c\n1 2\n3 4\n5 -6\n7 x\n");
  const std::string one_column = Write("one.txt", "1 2\n3\n");
  const std::string comments = Write("comments.txt", "# only\n% comments\n");
  for (const uint64_t chunk : {uint64_t{1}, uint64_t{5}, kDefaultTextChunkBytes}) {
    auto error = [&](const std::string& path) -> std::string {
      try {
        BuildGraphFromTextFile(path, {}, nullptr, chunk);
      } catch (const DatasetError& e) {
        return e.what();
      }
      return "no error";
    };
    EXPECT_EQ(error(bad), bad + ":4: negative id '-6'");
    EXPECT_EQ(error(one_column), one_column + ":2: missing second column");
    EXPECT_EQ(error(comments), comments + ": no edges");
  }
  EXPECT_FALSE(CanBuildFromTextFile(Path("missing.txt")));
}
}  // namespace
}  // namespace cost::datasets
