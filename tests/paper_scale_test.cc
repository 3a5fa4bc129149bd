// `cost reproduce --paper-scale` without a big run: the committed spec
// (harness/experiments/paper-scale.json) parses; its rows are exactly those the implementation
// table's properties give (every serial and OpenMP row of PageRank and WCC whose edge layout the
// twitter-like file has); its plan on twitter-like holds each single thread once and each OpenMP
// row at 1..nproc threads; the options add the real graphs and uk-like or shrink the graphs for a
// smoke run; the spec's new forms ("catalog", "SYSTEM:*", "1..N") refuse bad values by field. A
// smoke run through the CLI at 2^8 vertices writes the results, the tables and the figure.
#include "harness/sweep/paper_scale.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "harness/run/implementations.h"
#include "tests/test_support.h"

namespace cost::harness {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;

const std::string kSpec = std::string(COST_SOURCE_DIR) + "/harness/experiments/paper-scale.json";

int Nproc() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

// The committed spec with threads 1..max_threads.
PaperScaleOptions WithThreads(int max_threads) {
  PaperScaleOptions o;
  o.spec_path = kSpec;
  o.max_threads = max_threads;
  return o;
}

// What the table's properties say the spec's "serial:*" and "openmp:*" select on a compressed
// (csr + transpose + compressed Hilbert stream) twitter-like: every row of those systems for
// PageRank and WCC that reads vertex order or the compressed stream.
std::vector<std::string> RowsByProperty() {
  std::vector<std::string> names;
  for (const std::string system : {"serial", "openmp"}) {
    for (const Implementation& impl : Implementations()) {
      const bool kernel = impl.kernel == Kernel::kPageRank || impl.kernel == Kernel::kWcc;
      const bool layout = impl.requires_layout != datasets::EdgeLayout::kHilbert;
      if (impl.system == system && kernel && layout) names.emplace_back(impl.name);
    }
  }
  return names;
}

TEST(PaperScaleSpec, ParsesToTwitterLikeAtThePapersSize) {
  const SweepSpec spec = ReadSweepSpec(kSpec);
  ASSERT_EQ(spec.datasets.size(), 1u);
  const DatasetSpec& d = spec.datasets[0];
  EXPECT_EQ(d.name, "twitter-like");
  ASSERT_TRUE(d.kronecker.has_value());
  EXPECT_EQ(d.kronecker->scale, 25);
  EXPECT_EQ(d.kronecker->edge_factor, 44);
  EXPECT_FALSE(d.symmetrize) << "twitter-like is directed, as twitter_rv";
  EXPECT_EQ(d.layout, datasets::EdgeLayout::kCompressed);
  EXPECT_EQ(spec.kernels, (std::vector<Kernel>{Kernel::kPageRank, Kernel::kWcc}));
  EXPECT_EQ(spec.threads, ThreadsUpTo(Nproc()));
  EXPECT_EQ(spec.iterations, 20);
  EXPECT_EQ(spec.memory_cap_bytes, uint64_t{14} << 30);
}

TEST(PaperScaleSpec, NamesOnlyTheRowsTheTablesPropertiesGive) {
  const SweepSpec spec = ReadSweepSpec(kSpec);
  for (const std::string& name : spec.implementations) {
    EXPECT_NE(FindImplementation(name), nullptr) << name;
  }
  EXPECT_EQ(spec.implementations, RowsByProperty());
  for (const std::string name :
       {"serial:pagerank", "serial:pagerank-hilbert-compressed", "serial:label-propagation",
        "serial:union-find", "openmp:pagerank", "openmp:label-propagation"}) {
    EXPECT_EQ(std::ranges::count(spec.implementations, name), 1) << name;
  }
}

TEST(PaperScalePlan, EverySingleThreadOnceAndEveryOpenMPRowAtEachThreadCount) {
  const SweepSpec spec = PaperScaleSpec(WithThreads(3));
  std::set<std::tuple<std::string, std::string, int>> planned, expected;
  for (const SweepRow& row : PaperScalePlan(spec)) {
    if (row.storage == "disk") continue;  // each configuration again from disk
    EXPECT_TRUE(planned.insert({row.dataset, row.implementation, row.threads}).second);
  }
  for (const std::string& name : RowsByProperty()) {
    const bool single = FindImplementation(name)->kind == Kind::kSingleThreaded;
    for (int t = 1; t <= (single ? 1 : 3); ++t) expected.insert({"twitter-like", name, t});
  }
  EXPECT_EQ(planned, expected);
}

TEST(PaperScalePlan, OptionsAddTheRealGraphsAndUkLikeOrShrinkForASmokeRun) {
  PaperScaleOptions o = WithThreads(0);
  o.smoke_scale = 12;
  o.with_uk = true;
  o.twitter = "/graphs/twitter_rv.net";
  o.uk = "/graphs/uk-2007-05.cgraph";
  o.repetitions = 1;
  o.cache_dir = "/tmp/cache";
  const SweepSpec spec = PaperScaleSpec(o);
  ASSERT_EQ(spec.datasets.size(), 4u);
  EXPECT_EQ(spec.datasets[0].name, "twitter-like-s12");
  EXPECT_EQ(spec.datasets[0].kronecker->scale, 12);
  EXPECT_EQ(spec.datasets[0].kronecker->edge_factor, 44);
  EXPECT_EQ(spec.datasets[1].name, "uk-like-s12");
  EXPECT_EQ(spec.datasets[1].kronecker->edge_factor, 28);
  EXPECT_FALSE(spec.datasets[1].symmetrize);
  EXPECT_EQ(spec.datasets[1].layout, datasets::EdgeLayout::kCompressed);
  EXPECT_EQ(spec.datasets[2].name, "twitter_rv");
  EXPECT_EQ(spec.datasets[2].edges, "/graphs/twitter_rv.net");
  EXPECT_EQ(spec.datasets[2].layout, datasets::EdgeLayout::kCompressed);
  EXPECT_EQ(spec.datasets[3].name, "uk-2007-05");
  EXPECT_EQ(spec.datasets[3].graph, "/graphs/uk-2007-05.cgraph");
  EXPECT_EQ(spec.repetitions, 1);
  EXPECT_EQ(spec.cache_dir, "/tmp/cache");
}

// A spec with the given top-level fields replaced, parsed; the error message or "".
std::string SpecError(const nlohmann::json& changes) {
  std::ifstream in(kSpec);
  nlohmann::json j = nlohmann::json::parse(in);
  j.update(changes);
  try {
    ParseSweepSpec(j, "s.json", ".");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(PaperScaleSpecForms, ThreadRangesAndSystemPatterns) {
  EXPECT_EQ(SpecError({{"threads", "1..3"}}), "");
  EXPECT_THAT(SpecError({{"threads", "2..4"}}), HasSubstr("s.json: threads: "));
  EXPECT_THAT(SpecError({{"threads", "1..x"}}), HasSubstr("s.json: threads: \"1..x\""));
  EXPECT_THAT(SpecError({{"threads", "1..0"}}), HasSubstr("s.json: threads: "));
  EXPECT_THAT(SpecError({{"implementations", {"nosuch:*"}}}),
              HasSubstr("s.json: implementations: \"nosuch:*\" matches no implementation"));
  EXPECT_THAT(SpecError({{"implementations", {"serial:nosuch"}}}),
              HasSubstr("unknown implementation \"serial:nosuch\""));
}

TEST(PaperScaleSpecForms, CatalogDatasetsByName) {
  EXPECT_THAT(SpecError({{"datasets", {{{"name", "x"}, {"catalog", "nosuch"}}}}}),
              HasSubstr("s.json: datasets[0].catalog: unknown dataset 'nosuch'"));
  EXPECT_THAT(SpecError({{"datasets", {{{"name", "x"}, {"catalog", "twitter_rv"}}}}}),
              HasSubstr("s.json: datasets[0].catalog: twitter_rv is a bring-your-own dataset"));
  EXPECT_THAT(
      SpecError({{"datasets", {{{"name", "x"}, {"catalog", "uk-like"}, {"layout", "diagonal"}}}}}),
      HasSubstr("s.json: datasets[0].layout: "));
  EXPECT_THAT(
      SpecError(
          {{"datasets", {{{"name", "x"}, {"catalog", "uk-like"}, {"kronecker", {{"scale", 4}}}}}}}),
      HasSubstr("exactly one of"));
}

class PaperScaleCli : public testing_support::ScratchDirTest {};

// The "row DATASET KERNEL IMPLEMENTATION threads=T procs=P" lines of a dry run.
std::set<std::string> RowLines(const std::string& out) {
  std::set<std::string> rows;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("row ")) rows.insert(line);
  }
  return rows;
}

TEST_F(PaperScaleCli, DryRunListsTheRowsOnTwitterLikeAndPreparesNothing) {
  const auto run = testing_support::RunCost(
      {"reproduce", "--paper-scale", "--dry-run", "--max-threads", "2", "--cache", Path("cache")},
      dir_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::set<std::string> expected;
  for (const SweepRow& row : PaperScalePlan(PaperScaleSpec(WithThreads(2)))) {
    expected.insert("row twitter-like " + std::string(KernelName(row.kernel)) + " " +
                    row.implementation + " threads=" + std::to_string(row.threads) + " procs=1");
  }
  EXPECT_EQ(RowLines(run.out), expected);
  EXPECT_TRUE(
      RowLines(run.out).contains("row twitter-like pagerank openmp:pagerank threads=2 procs=1"));
  EXPECT_FALSE(fs::exists(Path("cache")));
}

TEST_F(PaperScaleCli, PaperScaleOptionsAloneAreRefused) {
  const auto run = testing_support::RunCost({"reproduce", "--dry-run"}, dir_);
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("--dry-run, --with-uk and --uk go with --paper-scale"));
}

TEST_F(PaperScaleCli, SmokeRunWritesResultsTablesAndTheFigure) {
  const auto run = testing_support::RunCost(
      {"reproduce", "--paper-scale", "--scale", "8", "--max-threads", "1", "--repetitions", "1",
       "--cache", Path("cache"), "--out", Path("out")},
      dir_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const ResultsFile results = ReadResultsFile(Path("out/results.json"));
  std::set<std::string> implementations;
  for (const Measurement& m : results.measurements) {
    EXPECT_EQ(m.dataset, "twitter-like-s8");
    EXPECT_EQ(m.num_vertices, 256u);
    EXPECT_TRUE(m.ok()) << m.implementation << ": " << m.message;
    implementations.insert(m.implementation);
  }
  const std::vector<std::string> by_property = RowsByProperty();
  EXPECT_EQ(implementations, std::set<std::string>(by_property.begin(), by_property.end()));
  for (const std::string kernel : {"pagerank", "wcc"}) {
    const std::string stem = Path("out/report/paper-figure-" + kernel + "-twitter-like-s8");
    for (const char* ext : {".dat", ".gp", ".svg", ".png"}) {
      EXPECT_TRUE(fs::exists(stem + ext)) << stem << ext;
    }
  }
  const std::string tables = testing_support::ReadFile(Path("out/paper-scale.md"));
  EXPECT_THAT(tables,
              HasSubstr("| twitter_rv (paper) | twitter-like-s8 RAM | twitter-like-s8 disk |"));
}

TEST_F(PaperScaleCli, ReportDrawsThePapersFigureForTwitterLikeResults) {
  const std::string fixture = std::string(COST_TEST_DATA_DIR) + "/paper_scale_results.json";
  const auto run = testing_support::RunCost({"report", fixture, "--out", Path("report")}, dir_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::exists(Path("report/paper-figure-pagerank-twitter-like.svg")));
  EXPECT_TRUE(fs::exists(Path("report/paper-figure-wcc-twitter-like.png")));
  EXPECT_THAT(testing_support::ReadFile(Path("report/report.md")),
              HasSubstr("(paper-figure-wcc-twitter-like.svg)"));
  const auto missing = testing_support::RunCost(
      {"report", fixture, "--out", Path("r2"), "--paper", Path("none.json")}, dir_);
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_THAT(missing.err, HasSubstr(Path("none.json") + ": cannot read the published times"));
}

}  // namespace
}  // namespace cost::harness
