// The real graphs in ../shared/datasets-real load with their own formats (gzip, CRLF, self-loops,
// both directions stored, Matrix Market with and without its header) and give the counts
// published in that folder's README.md; every writer/loader pair round-trips them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <unordered_map>

#include "baselines/wcc.h"
#include "datasets/csr_build.h"
#include "datasets/dataset_error.h"
#include "datasets/graph_formats.h"

namespace cost::datasets {
namespace {

namespace fs = std::filesystem;

const std::string kRealDir = std::string(COST_SHARED_DIR) + "/datasets-real";

struct RealGraph {
  const char* file;
  const char* format;     // "" = detect
  uint64_t vertices;      // "Vertices seen"
  uint64_t arcs_in_file;  // data lines (karate: 78 symmetric entries, loaded as 156 arcs)
  uint64_t self_loops;
  uint64_t undirected_edges;  // distinct {u, v}, u != v
  uint64_t wccs;
  uint64_t largest_wcc;  // vertices
};

// From ../shared/datasets-real/README.md, "Verified counts". karate: 78 symmetric entries.
const RealGraph kGraphs[] = {
    {"ego-Facebook/facebook_combined.txt.gz", "", 4039, 88234, 0, 88234, 1, 4039},
    {"wiki-Vote/wiki-Vote.txt", "", 7115, 103689, 0, 100762, 24, 7066},
    {"email-Enron/email-Enron.txt.gz", "", 36692, 367662, 0, 183831, 1065, 33696},
    {"soc-Slashdot0902/soc-Slashdot0902.txt.gz", "", 82168, 948464, 78303, 504230, 1, 82168},
    {"luxembourg_osm/luxembourg_osm.mtx", "snap", 114599, 119666, 0, 119666, 1, 114599},
    {"karate/karate.mtx", "", 34, 156, 0, 78, 1, 34},
};

// Names the file in ctest and failure output instead of dumping the struct's bytes.
void PrintTo(const RealGraph& graph, std::ostream* os) { *os << graph.file; }

class RealDatasetsTest : public testing::TestWithParam<RealGraph> {
 protected:
  LoadedGraph Load() const {
    const std::string path = kRealDir + "/" + GetParam().file;
    if (std::string(GetParam().format).empty()) return LoadGraphInput(path);
    return LoadGraphInput(path, ParseFormatName(GetParam().format));
  }
};

TEST_P(RealDatasetsTest, ReproducesThePublishedCounts) {
  const RealGraph& expected = GetParam();
  const LoadedGraph loaded = Load();
  EXPECT_EQ(loaded.edges.num_vertices, expected.vertices);
  // karate's 78 symmetric entries arrive as 156 arcs.
  EXPECT_EQ(loaded.edges.num_edges(), expected.arcs_in_file);
  BuildStats stats;
  const Graph undirected = BuildGraph(loaded.edges, {.symmetrize = true}, &stats);
  EXPECT_EQ(stats.self_loops_dropped, expected.self_loops);
  EXPECT_EQ(undirected.num_edges(), 2 * expected.undirected_edges);

  const std::vector<uint32_t> labels = baselines::ConnectedComponentsUnionFind(undirected);
  std::unordered_map<uint32_t, uint64_t> sizes;
  for (const uint32_t label : labels) ++sizes[label];
  uint64_t largest = 0;
  for (const auto& [label, size] : sizes) largest = std::max(largest, size);
  EXPECT_EQ(sizes.size(), expected.wccs);
  EXPECT_EQ(largest, expected.largest_wcc);
}

// Without --format snap the banner-less .mtx is refused, not misread (its first edge "2 1" would
// be taken as a size line).
TEST(RealDatasetsHeaderlessTest, BannerlessMtxNeedsTheFormatOverride) {
  EXPECT_THROW(LoadGraphInput(kRealDir + "/luxembourg_osm/luxembourg_osm.mtx"), DatasetError);
}

TEST_P(RealDatasetsTest, RoundTripsThroughEveryWriter) {
  const LoadedGraph loaded = Load();
  const bool symmetric = loaded.undirected;
  const Graph original = BuildGraph(loaded.edges, {.symmetrize = symmetric});
  const fs::path dir =
      fs::path(testing::TempDir()) / ("real_" + fs::path(GetParam().file).stem().string());
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const GraphFormat format :
       {GraphFormat::kSnap, GraphFormat::kMatrixMarket, GraphFormat::kEvlp, GraphFormat::kRaw,
        GraphFormat::kCostVertex}) {
    SCOPED_TRACE(FormatName(format));
    const std::string path = (dir / (std::string("g.") + FormatName(format))).string();
    WriteGraphAs(original, format, path);
    std::string input = path;
    if (format == GraphFormat::kEvlp) input += ".properties";
    if (format == GraphFormat::kCostVertex) input += ".nodes";
    const LoadedGraph again = LoadGraphInput(input);
    const Graph rebuilt = BuildGraph(again.edges, {.symmetrize = symmetric || again.undirected});
    ASSERT_EQ(rebuilt.num_vertices(), original.num_vertices());
    ASSERT_EQ(rebuilt.num_edges(), original.num_edges());
    EXPECT_TRUE(std::equal(original.out.offsets.begin(), original.out.offsets.end(),
                           rebuilt.out.offsets.begin()));
    EXPECT_TRUE(std::equal(original.out.targets.begin(), original.out.targets.end(),
                           rebuilt.out.targets.begin()));
    EXPECT_EQ(rebuilt.symmetric, original.symmetric);
  }
  fs::remove_all(dir);
}

std::string Name(const testing::TestParamInfo<RealGraph>& info) {
  std::string name = fs::path(info.param.file).parent_path().string();
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Shared, RealDatasetsTest, testing::ValuesIn(kGraphs), Name);

}  // namespace
}  // namespace cost::datasets
