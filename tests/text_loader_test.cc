// LoadTextEdgeList / ParseTextEdgeList: format variants, dense relabelling, error messages.
#include "datasets/text_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "datasets/dataset_error.h"

namespace cost::datasets {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kDataDir = COST_TEST_DATA_DIR;

std::vector<std::pair<uint64_t, uint64_t>> OriginalPairs(const EdgeList& edges) {
  std::vector<std::pair<uint64_t, uint64_t>> pairs;
  for (uint64_t e = 0; e < edges.num_edges(); ++e) {
    pairs.emplace_back(edges.original_ids[edges.src[e]], edges.original_ids[edges.dst[e]]);
  }
  return pairs;
}

// Writes `text` to a fresh file under the test temp dir and returns its path.
std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::string path = testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// The message of the DatasetError that loading `text` from a file called `name` throws.
std::string LoadError(const std::string& name, const std::string& text) {
  try {
    LoadTextEdgeList(WriteTemp(name, text));
  } catch (const DatasetError& e) {
    return e.what();
  }
  return "no error";
}

// edges_mixed.txt:  0 -> 1, 0 -> 2 (tab, weight), 1 -> 2 (extra words), 2 -> 0, 3 -> 3,
// between '#' and '%' comments and blank lines.
TEST(TextLoaderTest, ReadsCommentsTabsBlankLinesAndExtraColumns) {
  const EdgeList edges = LoadTextEdgeList(kDataDir + "/edges_mixed.txt");
  EXPECT_EQ(edges.num_vertices, 4u);
  EXPECT_THAT(edges.src, ElementsAre(0, 0, 1, 2, 3));
  EXPECT_THAT(edges.dst, ElementsAre(1, 2, 2, 0, 3));
  EXPECT_THAT(edges.original_ids, ElementsAre(0, 1, 2, 3));
}

TEST(TextLoaderTest, ReadsCrlfLineEndings) {
  const EdgeList edges = LoadTextEdgeList(kDataDir + "/edges_crlf.txt");
  EXPECT_EQ(edges.num_vertices, 3u);
  EXPECT_THAT(edges.original_ids, ElementsAre(1, 2, 3));
  EXPECT_THAT(edges.src, ElementsAre(0, 1, 2));
  EXPECT_THAT(edges.dst, ElementsAre(1, 2, 0));
}

// edges_sparse_ids.txt: 10^12 -> 5, 5 -> 42, (2^64-1) -> 5.
TEST(TextLoaderTest, RelabelsSparseIdsInAscendingOrderAndKeepsOriginals) {
  const EdgeList edges = LoadTextEdgeList(kDataDir + "/edges_sparse_ids.txt");
  EXPECT_EQ(edges.num_vertices, 4u);
  EXPECT_THAT(edges.original_ids, ElementsAre(5, 42, 1000000000000u, 18446744073709551615u));
  EXPECT_THAT(edges.src, ElementsAre(2, 0, 3));
  EXPECT_THAT(edges.dst, ElementsAre(0, 1, 0));
}

TEST(TextLoaderTest, RelabellingDoesNotDependOnEdgeOrder) {
  const EdgeList a = ParseTextEdgeList("30 10\n20 30\n", "a");
  const EdgeList b = ParseTextEdgeList("20 30\n30 10\n", "b");
  EXPECT_EQ(a.original_ids, b.original_ids);
  EXPECT_THAT(OriginalPairs(a), ElementsAre(std::pair<uint64_t, uint64_t>{30, 10},
                                            std::pair<uint64_t, uint64_t>{20, 30}));
  EXPECT_THAT(a.src, ElementsAre(2, 1));
  EXPECT_THAT(b.src, ElementsAre(1, 2));
}

// Small id ranges are relabelled through a table indexed by id, huge ones through a hash map;
// both must give the same dense ids.
TEST(TextLoaderTest, DenseAndSparseIdsRelabelAlike) {
  std::string small, huge;
  for (uint64_t i = 0; i < 500; ++i) {
    const uint64_t u = (i * 7919) % 300, v = (i * 104729 + 13) % 300;
    small += std::to_string(u) + " " + std::to_string(v) + "\n";
    huge += std::to_string(u * 1000000000000000ULL + 1) + " " +
            std::to_string(v * 1000000000000000ULL + 1) + "\n";
  }
  const EdgeList a = ParseTextEdgeList(small, "small");
  const EdgeList b = ParseTextEdgeList(huge, "huge");
  EXPECT_EQ(a.num_vertices, b.num_vertices);
  EXPECT_EQ(a.src, b.src);
  EXPECT_EQ(a.dst, b.dst);
  EXPECT_EQ(b.original_ids[1], a.original_ids[1] * 1000000000000000ULL + 1);
}

TEST(TextLoaderTest, LastLineWithoutNewlineIsRead) {
  const EdgeList edges = ParseTextEdgeList("1 2\n2 7", "buffer");
  EXPECT_EQ(edges.num_edges(), 2u);
  EXPECT_THAT(edges.original_ids, ElementsAre(1, 2, 7));
}

TEST(TextLoaderTest, MalformedLinesNameFileLineAndReason) {
  EXPECT_THAT(
      LoadError("nonnumeric.txt", "0 1\n# c\n2 x1\n"),
      AllOf(HasSubstr("nonnumeric.txt"), HasSubstr(":3:"), HasSubstr("non-numeric token 'x1'")));
  EXPECT_THAT(LoadError("negative.txt", "0 1\n-3 4\n"),
              AllOf(HasSubstr("negative.txt"), HasSubstr(":2:"), HasSubstr("negative id '-3'")));
  EXPECT_THAT(
      LoadError("onecolumn.txt", "0 1\r\n\r\n7\r\n"),
      AllOf(HasSubstr("onecolumn.txt"), HasSubstr(":3:"), HasSubstr("missing second column")));
  EXPECT_THAT(LoadError("toobig.txt", "18446744073709551616 1\n"),
              AllOf(HasSubstr("toobig.txt"), HasSubstr(":1:"), HasSubstr("'18446744073709551616'"),
                    HasSubstr("2^64-1")));
  EXPECT_THAT(LoadError("float.txt", "1 2\n1.5 2\n"),
              AllOf(HasSubstr("float.txt"), HasSubstr(":2:"), HasSubstr("'1.5'")));
}

TEST(TextLoaderTest, EmptyOrCommentOnlyFileHasNoEdges) {
  EXPECT_THAT(LoadError("empty.txt", ""), AllOf(HasSubstr("empty.txt"), HasSubstr("no edges")));
  EXPECT_THAT(LoadError("comments.txt", "# only\n% comments\n\n"),
              AllOf(HasSubstr("comments.txt"), HasSubstr("no edges")));
}

TEST(TextLoaderTest, DirectoryAndMissingFileAreErrors) {
  const std::string dir = testing::TempDir() + "/a_directory";
  std::filesystem::create_directories(dir);
  try {
    LoadTextEdgeList(dir);
    ADD_FAILURE() << "no error for a directory";
  } catch (const DatasetError& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr(dir), HasSubstr("is a directory")));
  }
  const std::string missing = testing::TempDir() + "/no_such_file.txt";
  try {
    LoadTextEdgeList(missing);
    ADD_FAILURE() << "no error for a missing file";
  } catch (const DatasetError& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr(missing), HasSubstr("No such file")));
  }
}

TEST(TextLoaderTest, ParseUsesTheGivenNameInErrors) {
  try {
    ParseTextEdgeList("1 2\n3\n", "inline-buffer");
    ADD_FAILURE() << "no error";
  } catch (const DatasetError& e) {
    EXPECT_THAT(e.what(), HasSubstr("inline-buffer:2: missing second column"));
  }
}

// SNAP wiki-Vote: 7,115 vertices and 103,689 directed edges (CRLF, '#' header lines).
TEST(TextLoaderTest, LoadsWikiVote) {
  const std::string path = std::string(COST_SHARED_DIR) + "/datasets-real/wiki-Vote/wiki-Vote.txt";
  ASSERT_TRUE(std::filesystem::exists(path)) << path;
  const EdgeList edges = LoadTextEdgeList(path);
  EXPECT_EQ(edges.num_vertices, 7115u);
  EXPECT_EQ(edges.num_edges(), 103689u);
  EXPECT_EQ(edges.original_ids.size(), 7115u);
  EXPECT_TRUE(std::is_sorted(edges.original_ids.begin(), edges.original_ids.end()));
}

}  // namespace
}  // namespace cost::datasets
