// Sections through the CLI: `cost dataset info` lists and verifies every section (a flipped
// byte in the header or in a section is reported corrupt), and `cost run` maps only the
// sections its row reads, refusing a file that lacks one with the --sections to prepare it with.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "datasets/graph_file.h"
#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;
using testing_support::CostRun;
using testing_support::RunCost;

class SectionsCliTest : public testing_support::ScratchDirTest {
 protected:
  // A copy of `from` with the byte at `offset` inverted.
  void FlippedCopy(const std::string& from, uint64_t offset, const std::string& to) {
    fs::copy_file(Path(from), Path(to), fs::copy_options::overwrite_existing);
    std::fstream file(Path(to), std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(static_cast<std::streamoff>(offset));
    const char byte = static_cast<char>(file.get());
    file.seekp(static_cast<std::streamoff>(offset));
    file.put(static_cast<char>(~byte));
  }
};

TEST_F(SectionsCliTest, InfoListsEverySectionAndReportsAFlippedByteAsCorrupt) {
  ASSERT_EQ(RunCost({"dataset", "generate", "grid", "--rows", "30", "--cols", "40", "--sections",
                     "csr,compressed", "-o", "g.cgraph"},
                    dir_)
                .exit_code,
            0);
  const CostRun info = RunCost({"dataset", "info", "--json", "g.cgraph"}, dir_);
  ASSERT_EQ(info.exit_code, 0) << info.err;
  const nlohmann::json j = nlohmann::json::parse(info.out);
  EXPECT_EQ(j["verified"], "yes (header, table and every section)");
  std::vector<std::string> names;
  for (const auto& s : j["sections"]) names.push_back(s["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"original ids", "out degrees", "out offsets",
                                             "out targets", "hilbert compressed", "metadata"}));
  EXPECT_EQ(j["sections"][3]["bytes"], 4 * j["num_edges"].get<uint64_t>());
  EXPECT_DOUBLE_EQ(j["sections"][3]["bytes_per_edge"].get<double>(), 4.0);

  const datasets::GraphFileInfo file = datasets::ReadGraphFileInfo(Path("g.cgraph"));
  const uint64_t targets = file.Find(datasets::SectionKind::kOutTargets)->offset;
  FlippedCopy("g.cgraph", 20, "header.cgraph");            // a byte of the vertex count
  FlippedCopy("g.cgraph", targets + 5, "section.cgraph");  // a byte of the out targets
  const CostRun header = RunCost({"dataset", "info", "header.cgraph"}, dir_);
  EXPECT_EQ(header.exit_code, 1);
  EXPECT_NE(header.err.find("header.cgraph: header checksum mismatch"), std::string::npos)
      << header.err;
  const CostRun section = RunCost({"dataset", "info", "section.cgraph"}, dir_);
  EXPECT_EQ(section.exit_code, 1);
  EXPECT_NE(section.err.find("section 'out targets' checksum mismatch"), std::string::npos)
      << section.err;
  EXPECT_NE(section.err.find("(the file is corrupt)"), std::string::npos) << section.err;
  const CostRun unverified =
      RunCost({"dataset", "info", "--json", "--no-verify", "section.cgraph"}, dir_);
  ASSERT_EQ(unverified.exit_code, 0) << unverified.err;
  EXPECT_NE(nlohmann::json::parse(unverified.out)["verified"].get<std::string>().find(
                "not verified (use --verify)"),
            std::string::npos);
}

TEST_F(SectionsCliTest, RunMapsOnlyTheRowsSectionsAndNamesAMissingOne) {
  ASSERT_EQ(RunCost({"dataset", "generate", "grid", "--rows", "30", "--cols", "40", "-o",
                     "vertex.cgraph"},
                    dir_)
                .exit_code,
            0);
  const CostRun refused = RunCost({"run", "--impl", "serial:pagerank-hilbert", "--graph",
                                   "vertex.cgraph", "--repetitions", "1"},
                                  dir_);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("vertex.cgraph: has no hilbert section, which serial:pagerank-hilbert "
                             "reads; prepare it with --sections csr,transpose,hilbert"),
            std::string::npos)
      << refused.err;

  // A file of the Hilbert arcs and the CSR only: the Hilbert WCC row reads the arcs, its
  // validation both directions (a symmetric graph's transpose is its CSR).
  ASSERT_EQ(RunCost({"dataset", "generate", "grid", "--rows", "30", "--cols", "40", "--sections",
                     "csr,hilbert", "-o", "hilbert.cgraph"},
                    dir_)
                .exit_code,
            0);
  const CostRun ran = RunCost({"run", "--impl", "serial:union-find-hilbert", "--graph",
                               "hilbert.cgraph", "--repetitions", "1", "--json", "r.json"},
                              dir_);
  ASSERT_EQ(ran.exit_code, 0) << ran.err;
  std::ifstream results(Path("r.json"));
  const nlohmann::json row = nlohmann::json::parse(results)["measurements"][0];
  EXPECT_EQ(row["outcome"], "ok");
  EXPECT_EQ(row["num_edges"], datasets::ReadGraphFileInfo(Path("hilbert.cgraph")).num_edges);

  // A directed file without its transpose: PageRank-Hilbert runs (its validation reads the
  // out-CSR only), WCC's validation needs the in-edges and says how to get them.
  ASSERT_EQ(RunCost({"dataset", "generate", "uniform", "--vertices", "500", "--edges", "3000",
                     "--directed", "--sections", "csr,hilbert", "-o", "directed.cgraph"},
                    dir_)
                .exit_code,
            0);
  EXPECT_EQ(RunCost({"run", "--impl", "serial:pagerank-hilbert", "--graph", "directed.cgraph",
                     "--repetitions", "1"},
                    dir_)
                .exit_code,
            0);
  const CostRun wcc = RunCost({"run", "--impl", "serial:union-find-hilbert", "--graph",
                               "directed.cgraph", "--repetitions", "1"},
                              dir_);
  EXPECT_EQ(wcc.exit_code, 1);
  EXPECT_NE(wcc.err.find("has no transpose section, which validation of serial:union-find-hilbert "
                         "reads; prepare it with --sections csr,transpose,hilbert, or run with "
                         "--no-validate"),
            std::string::npos)
      << wcc.err;
  EXPECT_EQ(RunCost({"run", "--impl", "serial:union-find-hilbert", "--graph", "directed.cgraph",
                     "--repetitions", "1", "--no-validate"},
                    dir_)
                .exit_code,
            0);
}

}  // namespace
}  // namespace cost
