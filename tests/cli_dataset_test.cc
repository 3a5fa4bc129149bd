// `cost dataset generate | convert | export` end to end: exit codes, files written, metadata.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "datasets/graph_file.h"
#include "harness/core/results.h"
#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;

class CliDatasetTest : public testing_support::ScratchDirTest {
 protected:
  // Runs `cost ARGS...` in dir_; returns the exit status.
  int Cost(const std::vector<std::string>& args) {
    return testing_support::RunCost(args, dir_).exit_code;
  }
  std::vector<std::string> Files() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }
  nlohmann::json Metadata(const std::string& name) const {
    return nlohmann::json::parse(datasets::ReadGraphFileInfo((dir_ / name).string()).metadata);
  }
};

TEST_F(CliDatasetTest, GeneratesGridAndUniformWithHilbertLayouts) {
  ASSERT_EQ(Cost({"dataset", "generate", "grid", "--rows", "20", "--cols", "30", "--layout",
                  "hilbert", "-o", "grid.cgraph"}),
            0);
  datasets::GraphFileInfo info = datasets::ReadGraphFileInfo((dir_ / "grid.cgraph").string());
  EXPECT_EQ(info.num_vertices, 600u);
  EXPECT_EQ(info.num_edges, 2u * (20 * 29 + 19 * 30));
  EXPECT_TRUE(info.has_hilbert);
  nlohmann::json meta = Metadata("grid.cgraph");
  EXPECT_EQ(meta["layout"], "hilbert");
  EXPECT_GE(meta["preparation_seconds"].get<double>(), meta["hilbert_seconds"].get<double>());

  ASSERT_EQ(Cost({"dataset", "generate", "uniform", "--vertices", "100", "--edges", "400",
                  "--layout", "compressed", "-o", "u.cgraph"}),
            0);
  meta = Metadata("u.cgraph");
  EXPECT_EQ(meta["layout"], "compressed");
  EXPECT_GT(datasets::ReadGraphFileInfo((dir_ / "u.cgraph").string()).hilbert_compressed_bytes, 0u);
  EXPECT_NE(Cost({"dataset", "generate", "uniform", "-o", "x.cgraph"}), 0);  // no size: usage error
  EXPECT_THAT(Files(), ElementsAre("grid.cgraph", "u.cgraph"));
}

// A row records its file's preparation in its steps (generation, CSR, Hilbert order), as the
// bounded-memory builder's metadata gives them, so the paper-scale tables can split the total.
TEST_F(CliDatasetTest, ARowRecordsItsFilesPreparationSteps) {
  ASSERT_EQ(Cost({"dataset", "generate", "kronecker", "--scale", "10", "--sections",
                  "csr,transpose,hilbert", "-o", "k.cgraph"}),
            0);
  ASSERT_EQ(Cost({"run", "--impl", "serial:pagerank-hilbert", "--graph", "k.cgraph",
                  "--repetitions", "1", "--warmups", "0", "--json", "row.json", "--quiet"}),
            0);
  const harness::Measurement m =
      harness::ReadResultsFile((dir_ / "row.json").string()).measurements.at(0);
  const nlohmann::json phases = Metadata("k.cgraph")["phase_seconds"];
  EXPECT_TRUE(m.preparation_split);
  EXPECT_DOUBLE_EQ(m.preparation_source_seconds, phases["read"].get<double>());
  EXPECT_DOUBLE_EQ(m.preparation_build_seconds, phases["csr"].get<double>());
  EXPECT_DOUBLE_EQ(m.preparation_layout_seconds,
                   phases["hilbert runs"].get<double>() + phases["hilbert"].get<double>());
  EXPECT_GT(m.preparation_layout_seconds, 0);
  // The steps are timed inside the total (up to rounding: they may make up all of it).
  EXPECT_LE(
      m.preparation_source_seconds + m.preparation_build_seconds + m.preparation_layout_seconds,
      m.preparation_seconds + 1e-6);
}

TEST_F(CliDatasetTest, ConvertsWithFormatOverrideAndExports) {
  const std::string lux =
      std::string(COST_SHARED_DIR) + "/datasets-real/luxembourg_osm/luxembourg_osm.mtx";
  EXPECT_EQ(Cost({"dataset", "convert", lux, "-o", "bad.cgraph"}), 1);  // no banner
  EXPECT_NE(Cost({"dataset", "convert", lux, "--format", "nope", "-o", "bad.cgraph"}), 0);
  EXPECT_TRUE(Files().empty());
  ASSERT_EQ(
      Cost({"dataset", "convert", lux, "--format", "snap", "--symmetrize", "-o", "lux.cgraph"}), 0);
  EXPECT_EQ(Metadata("lux.cgraph")["format"], "snap");
  ASSERT_EQ(Cost({"dataset", "export", "lux.cgraph", "--format", "mtx", "-o", "lux.mtx"}), 0);
  ASSERT_EQ(Cost({"dataset", "convert", "lux.mtx", "--layout", "compressed", "-o", "again.cgraph"}),
            0);
  const datasets::GraphFileInfo a = datasets::ReadGraphFileInfo((dir_ / "lux.cgraph").string());
  const datasets::GraphFileInfo b = datasets::ReadGraphFileInfo((dir_ / "again.cgraph").string());
  EXPECT_EQ(a.num_vertices, 114599u);
  EXPECT_EQ(b.num_vertices, a.num_vertices);
  EXPECT_EQ(b.num_edges, a.num_edges);
  EXPECT_TRUE(b.symmetric);
  EXPECT_GT(b.hilbert_compressed_bytes, 0u);
  EXPECT_EQ(Cost({"dataset", "export", "lux.cgraph", "--format", "cgraph", "-o", "x"}), 1);
  EXPECT_THAT(Files(), ElementsAre("again.cgraph", "lux.cgraph", "lux.mtx"));
}

}  // namespace
}  // namespace cost
