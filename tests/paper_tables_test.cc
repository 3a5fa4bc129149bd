// The paper's tables and picture from a small fixture results file
// (tests/data/paper_scale_results.json: twitter-like rows from RAM and from disk, a failed row,
// a BFS row and a row on another dataset) and the committed published times: each measured row
// lands in the table its properties give, RAM and disk side by side, beside the published
// systems; the figure's points are the published (system, cores, seconds) and its lines the best
// single thread per edge order and storage; labels from the published file are escaped.
#include "harness/analysis/paper_tables.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "harness/report/paper_figure.h"
#include "harness/sweep/paper_scale.h"
#include "harness/sweep/reproduce.h"
#include "tests/test_support.h"

namespace cost::harness {
namespace {

using testing::HasSubstr;

ResultsFile Fixture() {
  return ReadResultsFile(std::string(COST_TEST_DATA_DIR) + "/paper_scale_results.json");
}

nlohmann::json Published() { return ReadPublishedTimes(DefaultPublishedTimesPath()); }

const PaperTable& TableWithId(const std::vector<PaperTable>& tables, const std::string& id) {
  for (const PaperTable& t : tables) {
    if (t.id == id) return t;
  }
  throw std::runtime_error("no table " + id);
}

const PaperRow* FindRow(const PaperTable& t, const std::string& system, int cores) {
  for (const PaperRow& r : t.rows) {
    if (r.system == system && r.cores == cores) return &r;
  }
  return nullptr;
}

TEST(PaperTables, MeasuredRowsLandInTheTableTheirPropertiesGive) {
  const std::vector<PaperTable> tables = PaperTables(Published(), Fixture().measurements);
  ASSERT_EQ(tables.size(), 4u);
  const PaperTable& t2 = TableWithId(tables, "2");
  ASSERT_EQ(t2.columns.size(), 2u);
  EXPECT_EQ(t2.columns[0].published, "twitter_rv");
  EXPECT_EQ(t2.columns[0].measured, "twitter-like");
  EXPECT_EQ(t2.columns[1].published, "uk-2007-05");
  EXPECT_EQ(t2.columns[1].measured, "");
  const PaperRow* graphx = FindRow(t2, "GraphX", 128);
  ASSERT_NE(graphx, nullptr);
  EXPECT_FALSE(graphx->measured);
  EXPECT_DOUBLE_EQ(graphx->published[0].seconds, 419);
  EXPECT_DOUBLE_EQ(graphx->published[1].seconds, 462);
  // Measured rows after the published ones: single threads first.
  std::vector<std::pair<std::string, int>> measured;
  for (const PaperRow& r : t2.rows) {
    if (r.measured) measured.emplace_back(r.system, r.cores);
  }
  EXPECT_EQ(measured,
            (std::vector<std::pair<std::string, int>>{
                {"serial:pagerank-push", 1}, {"openmp:pagerank", 1}, {"openmp:pagerank", 2}}));
  const PaperRow* push = FindRow(t2, "serial:pagerank-push", 1);
  EXPECT_DOUBLE_EQ(push->ram[0].seconds, 200) << "no storage recorded reads as ram";
  EXPECT_DOUBLE_EQ(push->disk[0].seconds, 260);
  EXPECT_FALSE(FindRow(t2, "openmp:pagerank", 2)->disk[0].present);
  // Hilbert order goes to Table 4, label propagation to 3, union-find to 5.
  EXPECT_DOUBLE_EQ(
      FindRow(TableWithId(tables, "4"), "serial:pagerank-hilbert-compressed", 1)->ram[0].seconds,
      90);
  EXPECT_EQ(FindRow(TableWithId(tables, "3"), "openmp:label-propagation", 2)->ram[0].failure,
            "out-of-memory");
  const PaperRow* uf = FindRow(TableWithId(tables, "5"), "serial:union-find", 1);
  EXPECT_DOUBLE_EQ(uf->ram[0].seconds, 12) << "kron-16's 0.5 s is not twitter-like";
  EXPECT_DOUBLE_EQ(uf->disk[0].seconds, 20);
  const PaperRow* spark = FindRow(TableWithId(tables, "3"), "Spark", 128);
  EXPECT_TRUE(spark->published[1].at_least);
  EXPECT_DOUBLE_EQ(spark->published[1].seconds, 8000);
}

TEST(PaperTables, PreparationOfEachPreparedFile) {
  const std::vector<PreparationTime> times = PreparationTimes(Fixture().measurements);
  ASSERT_EQ(times.size(), 1u);
  EXPECT_EQ(times[0].dataset, "twitter-like");
  EXPECT_TRUE(times[0].split);
  EXPECT_DOUBLE_EQ(times[0].total_seconds, 500);
  EXPECT_DOUBLE_EQ(times[0].layout_seconds, 250);
}

TEST(PaperTables, MalformedPublishedTimesNameTheField) {
  nlohmann::json published = Published();
  published["tables"][1]["rows"][0]["twitter_rv"] = "fast";
  EXPECT_THROW(
      {
        try {
          PaperTables(published, {});
        } catch (const std::runtime_error& e) {
          EXPECT_STREQ(e.what(),
                       "tables[1].rows[0].twitter_rv: not seconds or {\"at_least\": seconds}");
          throw;
        }
      },
      std::runtime_error);
}

TEST(PaperScaleTables, RamAndDiskSideBySideInTheMarkdown) {
  const std::string md = PaperScaleTablesText(Published(), Fixture(), /*markdown=*/true);
  EXPECT_THAT(md, HasSubstr("| source | system | cores | twitter_rv (paper) | twitter-like RAM | "
                            "twitter-like disk | uk-2007-05 (paper) |"));
  EXPECT_THAT(md, HasSubstr("| paper | GraphX | 128 | 419 s | - | - | 462 s |"));
  EXPECT_THAT(
      md, HasSubstr("| measured | serial:pagerank-push (vertex) | 1 | - | 200 s | 260 s | - |"));
}

TEST(PaperFigure, PublishedPointsAndThisRunsSingleThreadLines) {
  const std::vector<PaperFigure> figures = PaperFigures(Published(), Fixture().measurements);
  ASSERT_EQ(figures.size(), 2u);
  const PaperFigure& pr = figures[0];
  EXPECT_EQ(pr.kernel, "pagerank");
  EXPECT_EQ(pr.published, "twitter_rv");
  EXPECT_EQ(pr.dataset, "twitter-like");
  ASSERT_EQ(pr.points.size(), 11u);  // Table 2's nine rows and Table 4's two
  EXPECT_EQ(pr.points[0].system, "GraphChi");
  EXPECT_EQ(pr.points[0].cores, 2);
  EXPECT_DOUBLE_EQ(pr.points[0].seconds, 3160);
  EXPECT_EQ(pr.points[10].system, "Hilbert (RAM)");
  EXPECT_EQ(pr.points[10].table, "4");
  ASSERT_EQ(pr.lines.size(), 3u);
  EXPECT_EQ(pr.lines[0].order, "hilbert");
  EXPECT_EQ(pr.lines[0].storage, "ram");
  EXPECT_EQ(pr.lines[0].implementation, "serial:pagerank-hilbert-compressed");
  EXPECT_EQ(pr.lines[1].storage, "disk");
  EXPECT_DOUBLE_EQ(pr.lines[1].seconds, 260);
  EXPECT_DOUBLE_EQ(pr.lines[2].seconds, 200);
  const PaperFigure& wcc = figures[1];
  EXPECT_EQ(wcc.kernel, "wcc");
  ASSERT_EQ(wcc.lines.size(), 2u);
  EXPECT_DOUBLE_EQ(wcc.lines[1].seconds, 12) << "best of label propagation and union-find";
}

TEST(PaperFigure, DataBlockHoldsSystemCoresSeconds) {
  const PaperFigure f = PaperFigures(Published(), Fixture().measurements)[0];
  const std::string data = PaperFigureData(f);
  EXPECT_THAT(data, HasSubstr("\n\n# published systems: cores seconds at_least system\n"
                              "2 3160 0 \"GraphChi\"\n16 2250 0 \"Stratosphere\"\n"));
  EXPECT_THAT(data, HasSubstr("128 419 0 \"GraphX\"\n"));
  EXPECT_THAT(data, HasSubstr("# published single threads: cores seconds at_least system\n"
                              "1 300 0 \"single thread (SSD)\"\n"));
  EXPECT_THAT(data, HasSubstr("# line: vertex disk serial:pagerank-push 260\n"));
  EXPECT_EQ(PaperFigureStem(f), "paper-figure-pagerank-twitter-like");
}

TEST(PaperFigure, LabelsFromThePublishedFileAreEscaped) {
  nlohmann::json published = Published();
  published["tables"][0]["rows"][0]["system"] = "Graph\"Chi'\nset output '/tmp/x'";
  const PaperFigure f = PaperFigures(published, Fixture().measurements)[0];
  EXPECT_THAT(PaperFigureData(f), HasSubstr("\n2 3160 0 \"Graph'Chi' set output '/tmp/x'\"\n"));
  const std::string script = PaperFigureScript(f, "stem");
  EXPECT_THAT(
      script,
      HasSubstr("set label 1 'Graph\"Chi'' set output ''/tmp/x'' 3160 s' at 2,3160 offset"));
  EXPECT_EQ(script.find("\nset output '/tmp/x'"), std::string::npos);
}

class PaperFigureRender : public testing_support::ScratchDirTest {};

TEST_F(PaperFigureRender, WritesAndRendersEveryFigureWithTheReportSection) {
  const PaperFigureFiles files =
      WritePaperFigures(dir_.string(), Published(), Fixture().measurements);
  ASSERT_EQ(files.stems.size(), 2u);
  for (const std::string& name : files.names) {
    EXPECT_TRUE(std::filesystem::exists(dir_ / name)) << name;
    EXPECT_GT(std::filesystem::file_size(dir_ / name), 0u) << name;
  }
  EXPECT_THAT(files.markdown, HasSubstr("![pagerank: twitter_rv (published) and twitter-like]("
                                        "paper-figure-pagerank-twitter-like.svg)"));
}

}  // namespace
}  // namespace cost::harness
