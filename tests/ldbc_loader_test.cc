// The LDBC Graphalytics reader (datasets/ldbc_loader.h), which feeds the conformance suite: a
// graph's properties, its vertex and edge files (dense ids in original-id order, isolated
// vertices kept), the fallbacks for misnamed files, reference outputs with every spelling of
// infinity and int64's maximum, and errors that name the file and the line.
#include "datasets/ldbc_loader.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "datasets/dataset_error.h"
#include "tests/test_support.h"

namespace cost {
namespace {

std::string LdbcDir() { return std::string(COST_SHARED_DIR) + "/conformance/ldbc"; }

std::string PropertiesPath(const std::string& graph) {
  return LdbcDir() + "/" + graph + "/" + graph + ".properties";
}

TEST(LdbcLoaderTest, LoadsExampleUndirected) {
  datasets::LdbcGraph g = datasets::LoadLdbcGraph(PropertiesPath("example-undirected"));
  EXPECT_EQ(g.name, "example-undirected");
  EXPECT_FALSE(g.directed);
  EXPECT_EQ(g.pr_iterations, 2);
  EXPECT_DOUBLE_EQ(g.pr_damping, 0.85);
  EXPECT_TRUE(g.has_bfs_source);
  EXPECT_EQ(g.bfs_source, 2u);
  EXPECT_EQ(g.algorithms, (std::vector<std::string>{"bfs", "cdlp", "lcc", "pr", "sssp", "wcc"}));
  EXPECT_EQ(g.properties.at("graph.example-undirected.meta.edges"), "12");
  // Ids 2..10 (no vertex 1) become dense 0..8.
  EXPECT_EQ(g.edges.num_vertices, 9u);
  EXPECT_EQ(g.edges.original_ids, (std::vector<uint64_t>{2, 3, 4, 5, 6, 7, 8, 9, 10}));
  ASSERT_EQ(g.edges.num_edges(), 12u);
  EXPECT_EQ(g.edges.src[0], 0u);  // "2 3 0.9"
  EXPECT_EQ(g.edges.dst[0], 1u);
  EXPECT_EQ(g.edges.src[11], 5u);  // "7 9 0.36"
  EXPECT_EQ(g.edges.dst[11], 7u);
}

TEST(LdbcLoaderTest, ReadsWccLabelsAndBfsDepths) {
  std::map<uint64_t, int64_t> wcc =
      datasets::ReadVertexInts(LdbcDir() + "/test-wcc-directed/test-wcc-directed-WCC");
  EXPECT_EQ(wcc.size(), 8u);
  EXPECT_EQ(wcc.at(9), 1);
  std::map<uint64_t, int64_t> bfs =
      datasets::ReadVertexInts(LdbcDir() + "/test-bfs-directed/test-bfs-directed-BFS");
  EXPECT_EQ(bfs.at(10), std::numeric_limits<int64_t>::max());
}

// A folder of LDBC files written by a test; removed when the test ends.
class LdbcFilesTest : public testing_support::ScratchDirTest {
 protected:
  std::string Write(const std::string& file, const std::string& text) {
    std::string path = (dir_ / file).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  // `g.properties` naming `vertex_file` and `edge_file`.
  std::string WriteProperties(const std::string& vertex_file, const std::string& edge_file) {
    return Write("g.properties", "# test graph\ngraph.g.vertex-file = " + vertex_file +
                                     "\ngraph.g.edge-file = " + edge_file +
                                     "\ngraph.g.directed = true\n"
                                     "graph.g.algorithms = pr, WCC\n"
                                     "graph.g.pr.num-iterations = 7\n"
                                     "graph.g.pr.damping-factor = 0.5\n");
  }
};

TEST_F(LdbcFilesTest, KeepsIsolatedVerticesAndSortsIds) {
  // 30 -> 10, and 20 has no edges; the vertex file is deliberately unsorted, with CRLF.
  Write("g.v", "30\r\n10\r\n20\r\n");
  Write("g.e", "30 10\r\n");
  datasets::LdbcGraph g = datasets::LoadLdbcGraph(WriteProperties("g.v", "g.e"));
  EXPECT_EQ(g.edges.original_ids, (std::vector<uint64_t>{10, 20, 30}));
  EXPECT_EQ(g.edges.src, (std::vector<datasets::VertexId>{2}));
  EXPECT_EQ(g.edges.dst, (std::vector<datasets::VertexId>{0}));
  EXPECT_EQ(g.algorithms, (std::vector<std::string>{"pr", "wcc"}));
  EXPECT_EQ(g.pr_iterations, 7);
  EXPECT_DOUBLE_EQ(g.pr_damping, 0.5);
  EXPECT_FALSE(g.has_bfs_source);
}

TEST_F(LdbcFilesTest, EdgeFileNamedAsVertexFileFallsBackToDotE) {
  Write("g.v", "1\n2\n");
  Write("g.e", "1 2\n");
  datasets::LdbcGraph g = datasets::LoadLdbcGraph(WriteProperties("g.v", "g.v"));
  EXPECT_EQ(g.edges.num_edges(), 1u);
}

TEST_F(LdbcFilesTest, MissingNamedFilesFallBackToGraphName) {
  Write("g.v", "1\n2\n");
  Write("g.e", "1 2\n2 1\n");
  datasets::LdbcGraph g = datasets::LoadLdbcGraph(WriteProperties("nope.v", "nope.e"));
  EXPECT_EQ(g.edges.num_edges(), 2u);
}

// Runs `load` and returns the DatasetError message, or "" when nothing was thrown.
template <typename Fn>
std::string ErrorOf(Fn load) {
  try {
    load();
  } catch (const datasets::DatasetError& e) {
    return e.what();
  }
  return "";
}

TEST_F(LdbcFilesTest, EdgeToUnknownVertexNamesFileAndLine) {
  Write("g.v", "1\n2\n");
  std::string edges = Write("g.e", "1 2\n2 3\n");
  std::string props = WriteProperties("g.v", "g.e");
  std::string message = ErrorOf([&] { datasets::LoadLdbcGraph(props); });
  EXPECT_EQ(message.rfind(edges + ":2: ", 0), 0u) << message;
}

TEST_F(LdbcFilesTest, MalformedLinesNameFileAndLine) {
  std::string vertices = Write("g.v", "1\nx2\n");
  Write("g.e", "1 1\n");
  std::string props = WriteProperties("g.v", "g.e");
  std::string message = ErrorOf([&] { datasets::LoadLdbcGraph(props); });
  EXPECT_EQ(message.rfind(vertices + ":2: ", 0), 0u) << message;

  Write("g.v", "1\n1\n");
  message = ErrorOf([&] { datasets::LoadLdbcGraph(props); });
  EXPECT_EQ(message.rfind(vertices + ":2: ", 0), 0u) << message;

  std::string values = Write("g-PR", "1 0.5\n2 half\n");
  message = ErrorOf([&] { datasets::ReadVertexDoubles(values); });
  EXPECT_EQ(message.rfind(values + ":2: ", 0), 0u) << message;
}

TEST_F(LdbcFilesTest, MissingDirectedIsAnError) {
  std::string props = Write("g.properties", "graph.g.vertex-file = g.v\n");
  EXPECT_NE(ErrorOf([&] { datasets::ReadLdbcProperties(props); }), "");
}

TEST_F(LdbcFilesTest, ReadsEveryInfinitySpelling) {
  std::string path =
      Write("g-SSSP", "1 infinity\n2 Infinity\n3 +Infinity\n4 -inf\n5 1.5e-01\n6 +2\n");
  std::map<uint64_t, double> values = datasets::ReadVertexDoubles(path);
  constexpr double kInf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(values, (std::map<uint64_t, double>{
                        {1, kInf}, {2, kInf}, {3, kInf}, {4, -kInf}, {5, 0.15}, {6, 2.0}}));
}

TEST_F(LdbcFilesTest, ReadsInt64Max) {
  std::string path = Write("g-BFS", "1 0\n2 9223372036854775807\n");
  std::map<uint64_t, int64_t> values = datasets::ReadVertexInts(path);
  EXPECT_EQ(values.at(2), std::numeric_limits<int64_t>::max());
  std::string too_big = Write("g-BFS2", "1 9223372036854775808\n");
  EXPECT_NE(ErrorOf([&] { datasets::ReadVertexInts(too_big); }), "");
}

}  // namespace
}  // namespace cost
