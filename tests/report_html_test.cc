// The report of the committed fixture tests/data/report_fixture.json: report.html is well-formed
// (XHTML-compatible) and holds every plot inline as SVG with the expected series; the tables of
// COST against each baseline, preparation per layout and the projection section have the
// expected cells; every SVG written parses as XML. Needs gnuplot on PATH, as `cost report` does.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "harness/core/results.h"
#include "harness/report/report.h"
#include "harness/run/results_upgrade.h"
#include "tests/test_support.h"
#include "tests/xml_document.h"

namespace cost::harness {
namespace {

namespace fs = std::filesystem;
using testing_support::XmlElement;
using testing_support::XmlReader;

const std::string kFixture = std::string(COST_TEST_DATA_DIR) + "/report_fixture.json";

using Table = std::vector<std::vector<std::string>>;  // rows of cell texts, header first

Table CellsOf(const XmlElement& table) {
  Table rows;
  std::vector<const XmlElement*> trs;
  table.FindAll("tr", &trs);
  for (const XmlElement* tr : trs) {
    std::vector<std::string> cells;
    for (const auto& cell : tr->children) cells.push_back(cell->AllText());
    rows.push_back(cells);
  }
  return rows;
}

// The table whose header row starts with these cells.
Table FindTable(const XmlElement& root, const std::vector<std::string>& header_start) {
  std::vector<const XmlElement*> tables;
  root.FindAll("table", &tables);
  for (const XmlElement* t : tables) {
    Table cells = CellsOf(*t);
    if (!cells.empty() && cells[0].size() >= header_start.size() &&
        std::equal(header_start.begin(), header_start.end(), cells[0].begin())) {
      return cells;
    }
  }
  return {};
}

// The row whose leading cells match.
std::vector<std::string> Row(const Table& table, const std::vector<std::string>& lead) {
  for (const auto& row : table) {
    if (row.size() >= lead.size() && std::equal(lead.begin(), lead.end(), row.begin())) return row;
  }
  return {};
}

class ReportHtmlTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    // As `cost report` reads it: the fixture predates the recorded layout field.
    ResultsFile results = ReadResultsFile(kFixture);
    FillMissingFields(&results);
    files_ = WriteReport(results, dir_.string());
    html_ = XmlReader::Parse(testing_support::ReadFile(files_.html));
  }
  ReportFiles files_;
  std::unique_ptr<XmlElement> html_;
};

TEST_F(ReportHtmlTest, EverySvgIsWellFormedAndInlined) {
  // Time, speed-up and preparation plots for both kernels.
  ASSERT_EQ(files_.svgs.size(), 6u);
  std::vector<const XmlElement*> inline_svgs;
  html_->FindAll("svg", &inline_svgs);
  EXPECT_EQ(inline_svgs.size(), files_.svgs.size());
  for (const std::string& svg : files_.svgs) {
    ASSERT_TRUE(fs::exists(svg)) << svg;
    EXPECT_NO_THROW(XmlReader::Parse(testing_support::ReadFile(svg))) << svg;
  }
  // Self-contained: no script, no style sheet or image fetched from elsewhere.
  std::vector<const XmlElement*> external;
  for (const char* tag : {"script", "link", "img", "iframe"}) html_->FindAll(tag, &external);
  EXPECT_TRUE(external.empty());
}

TEST_F(ReportHtmlTest, PlotsShowTheExpectedSeries) {
  const auto time_plot = XmlReader::Parse(testing_support::ReadFile(dir_ / "pagerank-kron-10.svg"));
  const std::string text = time_plot->AllText();
  EXPECT_NE(text.find("openmp:pagerank"), std::string::npos);
  EXPECT_NE(text.find("serial:pagerank-hilbert 1.00 s"), std::string::npos);  // best baseline
  EXPECT_NE(text.find("serial:pagerank-push 3.00 s"), std::string::npos);     // simple baseline
  EXPECT_NE(text.find("COST point"), std::string::npos);
  const std::string speedup =
      XmlReader::Parse(testing_support::ReadFile(dir_ / "pagerank-kron-10-speedup.svg"))->AllText();
  EXPECT_NE(speedup.find("speed-up vs its own 1-core time"), std::string::npos);
  EXPECT_NE(speedup.find("speed-up vs the best single thread (serial:pagerank-hilbert)"),
            std::string::npos);
  const std::string preparation =
      XmlReader::Parse(testing_support::ReadFile(dir_ / "wcc-kron-10-preparation.svg"))->AllText();
  EXPECT_NE(preparation.find("preparation"), std::string::npos);
  EXPECT_NE(preparation.find("best parallel"), std::string::npos);
}

// The body rows of every table whose header row starts with these cells (the report has one
// such table per kernel and dataset), after the header of the first.
Table FindTables(const XmlElement& root, const std::vector<std::string>& header_start) {
  std::vector<const XmlElement*> tables;
  root.FindAll("table", &tables);
  Table all;
  for (const XmlElement* t : tables) {
    Table cells = CellsOf(*t);
    if (cells.empty() || cells[0].size() < header_start.size() ||
        !std::equal(header_start.begin(), header_start.end(), cells[0].begin())) {
      continue;
    }
    all.insert(all.end(), cells.begin() + (all.empty() ? 0 : 1), cells.end());
  }
  return all;
}

TEST_F(ReportHtmlTest, CostAgainstEachBaseline) {
  // A table per kernel; the heading above it names kernel and dataset.
  const Table t = FindTables(*html_, {"implementation", "baseline", "baseline time"});
  ASSERT_EQ(t.size(), 5u);  // header + 2 baselines x 1 parallel implementation x 2 kernels
  // openmp:pagerank beats the best baseline (1.0 s) clearly at 2 cores, the simple one at 1.
  auto best = Row(t, {"openmp:pagerank (pagerank-pull)", "serial:pagerank-hilbert (best)"});
  ASSERT_FALSE(best.empty());
  EXPECT_EQ(best[3], "bounded: 2 cores");
  EXPECT_EQ(best[4], "0.820 s");
  EXPECT_EQ(best[5], "0.82x");
  auto simple = Row(t, {"openmp:pagerank (pagerank-pull)", "serial:pagerank-push"});
  ASSERT_FALSE(simple.empty());
  EXPECT_EQ(simple[2], "3.00 s");
  EXPECT_EQ(simple[3], "bounded: 1 core");
  // Label propagation never gets near union-find, but beats label propagation at 2 cores.
  auto uf = Row(t, {"openmp:label-propagation (label-propagation)", "serial:union-find (best)"});
  ASSERT_FALSE(uf.empty());
  EXPECT_EQ(uf[3], "unbounded");
  EXPECT_EQ(uf[4], "best 1.30 s at 2 cores");
  EXPECT_EQ(uf[5], "6.50x");
  auto lp = Row(t, {"openmp:label-propagation (label-propagation)", "serial:label-propagation"});
  ASSERT_FALSE(lp.empty());
  EXPECT_EQ(lp[3], "bounded: 2 cores");
}

TEST_F(ReportHtmlTest, PreparationPerLayout) {
  const Table t = FindTable(*html_, {"kernel", "dataset", "layout", "preparation"});
  ASSERT_EQ(t.size(), 4u);  // pagerank vertex + hilbert, wcc vertex
  auto hilbert = Row(t, {"pagerank", "kron-10", "hilbert"});
  ASSERT_FALSE(hilbert.empty());
  EXPECT_EQ(hilbert[3], "2.50 s (file total)");  // the fixture records no preparation steps
  EXPECT_EQ(hilbert[4], "serial:pagerank-hilbert 1.00 s");
  EXPECT_EQ(hilbert[5], "-");
  auto vertex = Row(t, {"pagerank", "kron-10", "vertex"});
  ASSERT_FALSE(vertex.empty());
  EXPECT_EQ(vertex[4], "serial:pagerank-push 3.00 s");
  EXPECT_EQ(vertex[5], "openmp:pagerank 0.300 s");
  EXPECT_EQ(vertex[6], "8.33x");
}

TEST_F(ReportHtmlTest, ProjectionIsSeparateAndLabelled) {
  std::vector<const XmlElement*> headings;
  html_->FindAll("h2", &headings);
  std::vector<std::string> titles;
  for (const XmlElement* h : headings) titles.push_back(h->AllText());
  // The projection follows every measured section; only the appendix comes after it.
  ASSERT_GE(titles.size(), 2u);
  EXPECT_EQ(titles[titles.size() - 2], "Projection beyond this machine (not measured)");
  EXPECT_EQ(titles.back(), "Appendix: machine, limits and build");
  const Table t = FindTable(*html_, {"kernel", "dataset", "implementation", "model"});
  // 2 implementations x 2 models x 2 baselines.
  ASSERT_EQ(t.size(), 9u);
  // openmp:pagerank has 4 core counts: Amdahl is determined, USL (3 parameters) too.
  auto amdahl = Row(t, {
                           "pagerank",
                           "kron-10",
                           "openmp:pagerank",
                           "Amdahl",
                       });
  ASSERT_FALSE(amdahl.empty());
  EXPECT_EQ(amdahl[6].rfind("projected 2 cores", 0), 0u) << amdahl[6];
  // openmp:label-propagation has 2 ok core counts: underdetermined, nothing projected.
  auto lp = Row(t, {"wcc", "kron-10", "openmp:label-propagation", "USL"});
  ASSERT_FALSE(lp.empty());
  EXPECT_EQ(lp[4], "underdetermined: 2 core counts measured, needs 4");
  EXPECT_EQ(lp[6], "no projection");
}

TEST_F(ReportHtmlTest, FailedRowsKeepTheirOutcome) {
  std::vector<const XmlElement*> items;
  html_->FindAll("li", &items);
  bool found = false;
  for (const XmlElement* li : items) {
    const std::string text = li->AllText();
    found = found || (text.find("openmp:label-propagation wcc on kron-10, 4 threads") == 0 &&
                      text.find("timeout") != std::string::npos);
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace cost::harness
