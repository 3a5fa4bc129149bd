// The report of a small results file written into a temporary folder: report.md with the COST
// table, measurements and failures, and per (kernel, dataset) gnuplot data, script, SVG and PNG.
// Needs gnuplot (package gnuplot-nox) on PATH, as `cost report` does.
#include "harness/report/report.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "harness/analysis/single_thread_comparisons.h"
#include "harness/machine/machine_limits.h"
#include "tests/test_support.h"

namespace cost::harness {
namespace {

namespace fs = std::filesystem;

Measurement Row(const std::string& implementation, const std::string& kind, int threads,
                double median, int procs = 1) {
  Measurement m;
  m.kernel = Kernel::kPageRank;
  m.dataset = "kron-10";
  m.implementation = implementation;
  m.system = implementation.substr(0, implementation.find(':'));
  m.algorithm = implementation.substr(implementation.find(':') + 1);
  EXPECT_TRUE(ParseKind(kind, &m.kind)) << kind;
  m.threads = threads;
  m.procs = procs;
  m.repetitions = 5;
  m.median_seconds = median;
  m.min_seconds = median * 0.95;
  m.max_seconds = median * 1.1;
  m.cv = 0.031;
  return m;
}

// pagerank on kron-10: two single-threaded lines (1.0 s and 3.0 s), openmp beats the best at 2
// threads, mpi never does, and one mpi configuration timed out.
ResultsFile Fixture() {
  ResultsFile r;
  r.created = "2025-01-02T03:04:05Z";
  r.machine = {{"cpu_model", "Test CPU 9000"},
               {"logical_cpus", 8},
               {"memory_bytes", 17179869184ull},
               {"kernel", "Linux 6.1"}};
  r.build = {{"compiler", "GNU 12.2.0"}, {"git_revision", "abc1234"}, {"build_type", "Release"}};
  r.measurements = {
      Row("serial:pagerank", "single-threaded", 1, 1.0),
      Row("serial:pagerank-simple", "single-threaded", 1, 3.0),
      Row("openmp:pagerank", "threaded", 1, 1.6),
      Row("openmp:pagerank", "threaded", 2, 0.82),
      Row("openmp:pagerank", "threaded", 4, 0.45),
      Row("openmp:pagerank", "threaded", 8, 0.3),
      Row("mpi:pagerank", "multiprocess", 1, 2.5, 2),
      Row("mpi:pagerank", "multiprocess", 1, 1.4, 4),
      Row("mpi:pagerank", "multiprocess", 1, 0, 8),
  };
  r.measurements.back().outcome = Outcome::kTimeout;
  r.measurements.back().message = "killed after 600 s";
  return r;
}

using testing_support::ReadFile;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

using ReportTest = testing_support::ScratchDirTest;

TEST_F(ReportTest, MarkdownHasMetadataCostTablePlotsAndFailures) {
  ReportFiles files = WriteReport(Fixture(), dir_.string());
  EXPECT_EQ(files.markdown, (dir_ / "report.md").string());
  std::string md = ReadFile(dir_ / "report.md");
  EXPECT_TRUE(Contains(md, "2025-01-02T03:04:05Z"));
  EXPECT_TRUE(Contains(md, "Test CPU 9000"));
  EXPECT_TRUE(Contains(md, "16.0 GiB"));
  EXPECT_TRUE(Contains(md, "abc1234"));
  EXPECT_TRUE(Contains(md, "GNU 12.2.0"));
  // COST rows: openmp beats 1.0 s at 2 cores (0.82 s); mpi's best is 1.4 s at 4 cores.
  EXPECT_TRUE(Contains(md, "| openmp:pagerank | pagerank | threaded | 2 cores | 0.820 s | 0.82x |"))
      << md;
  EXPECT_TRUE(Contains(md,
                       "| mpi:pagerank | pagerank | multiprocess | unbounded | best 1.40 s at "
                       "4 cores | 1.40x |"))
      << md;
  EXPECT_TRUE(Contains(md, "| serial:pagerank | pagerank | single-threaded | baseline | 1.00 s |"));
  EXPECT_TRUE(Contains(md, "![pagerank on kron-10](pagerank-kron-10.svg)"));
  EXPECT_TRUE(Contains(md, "(pagerank-kron-10.png)"));
  // The measurements table has every row; the failed one is listed with its message.
  EXPECT_TRUE(Contains(md, "| openmp:pagerank | pagerank | 8 | 1 | 0.300 s |")) << md;
  size_t failed = md.find("## Failed rows");
  ASSERT_NE(failed, std::string::npos);
  EXPECT_TRUE(Contains(md.substr(failed), "mpi:pagerank"));
  EXPECT_TRUE(Contains(md.substr(failed), "timeout"));
  EXPECT_TRUE(Contains(md.substr(failed), "killed after 600 s"));
}

TEST_F(ReportTest, PlotFilesAreWrittenAndRendered) {
  ReportFiles files = WriteReport(Fixture(), dir_.string());
  // The time plot, then its speed-up and preparation companions.
  ASSERT_EQ(files.svgs.size(), 3u);
  EXPECT_EQ(files.svgs[0], (dir_ / "pagerank-kron-10.svg").string());
  EXPECT_EQ(files.svgs[1], (dir_ / "pagerank-kron-10-speedup.svg").string());
  EXPECT_EQ(files.svgs[2], (dir_ / "pagerank-kron-10-preparation.svg").string());
  ASSERT_EQ(files.pngs.size(), 3u);
  ASSERT_EQ(files.scripts.size(), 3u);
  ASSERT_EQ(files.data.size(), 3u);

  std::string svg = ReadFile(files.svgs[0]);
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_TRUE(Contains(svg, "<svg"));
  EXPECT_TRUE(Contains(svg, "openmp:pagerank"));
  EXPECT_TRUE(Contains(svg, "mpi:pagerank"));
  EXPECT_TRUE(Contains(svg, "serial:pagerank-simple"));  // the second baseline line

  std::string png = ReadFile(files.pngs[0]);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_GT(png.size(), 1000u);

  std::string data = ReadFile(files.data[0]);
  EXPECT_TRUE(Contains(data, "# index 0: mpi:pagerank"));
  EXPECT_TRUE(Contains(data, "# index 1: openmp:pagerank"));
  EXPECT_TRUE(Contains(data, "\n2 0.82 0.779 0.902 2 1\n")) << data;
  EXPECT_TRUE(Contains(ReadFile(files.scripts[0]), "'pagerank-kron-10.dat'"));

  // Only the report's own files remain: no staging folder.
  int entries = 0;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_NE(entry.path().filename().string()[0], '.') << entry.path();
    ++entries;
  }
  EXPECT_EQ(entries, 14);  // report.md, report.html and 3 plots x (dat, gp, svg, png)
}

// A user edits the script and redraws it by hand from the report folder.
TEST_F(ReportTest, ScriptRedrawsFromTheReportFolder) {
  ReportFiles files = WriteReport(Fixture(), dir_.string());
  fs::remove(files.svgs[0]);
  fs::remove(files.pngs[0]);
  std::string command = "cd '" + dir_.string() + "' && gnuplot pagerank-kron-10.gp 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_TRUE(Contains(ReadFile(files.svgs[0]), "<svg"));
  EXPECT_GT(fs::file_size(files.pngs[0]), 1000u);
}

TEST_F(ReportTest, MissingMetadataAndAllFailedGroupsAreTolerated) {
  ResultsFile r;
  Measurement crashed = Row("openmp:pagerank", "threaded", 2, 0);
  crashed.dataset = "grid-4";
  crashed.outcome = Outcome::kCrashed;
  crashed.message = "signal 11 | core dumped";
  r.measurements = {Row("serial:pagerank", "single-threaded", 1, 1.0), crashed};
  ReportFiles files = WriteReport(r, dir_.string());
  std::string md = ReadFile(files.markdown);
  EXPECT_TRUE(Contains(md, "(not recorded)"));
  EXPECT_TRUE(Contains(md, "signal 11 \\| core dumped"));  // a pipe must not split the cell
  // grid-4 has nothing to draw; kron-10 has its baseline line (and its preparation plot; no
  // speed-up plot without a parallel row).
  EXPECT_EQ(files.svgs.size(), 2u);
  EXPECT_FALSE(fs::exists(dir_ / "pagerank-kron-10-speedup.svg"));
  EXPECT_FALSE(fs::exists(dir_ / "pagerank-grid-4.svg"));
}

// The measurements table carries each row's interval and the flags a reader must see.
TEST_F(ReportTest, MeasurementsShowIntervalsAndFlags) {
  ResultsFile results = Fixture();
  Measurement& crowded = results.measurements.back();
  crowded.oversubscribed = true;
  crowded.high_spread = true;
  results.measurements.front().ci_low_seconds = 0.25;
  results.measurements.front().ci_high_seconds = 0.75;
  results.measurements.front().ci_level = 0.9375;
  WriteReport(results, dir_.string());
  const std::string md = ReadFile(dir_ / "report.md");
  EXPECT_TRUE(Contains(md, "0.250 s - 0.750 s (93.8%)")) << md;
  EXPECT_TRUE(Contains(md, "oversubscribed (more workers than CPUs)")) << md;
}

// The machine's limits get their own table and each row its fraction of them.
TEST_F(ReportTest, MachineLimitsAndFractionOfLimitAreShown) {
  ResultsFile results = Fixture();
  MachineLimits limits;
  limits.measured = "2025-01-02T03:00:00Z";
  limits.all_threads = 8;
  limits.l2_array_bytes = 512 << 10;
  limits.l3_array_bytes = 16 << 20;
  limits.dram_array_bytes = 1 << 30;
  limits.one_core = {24.5e9, 25e9, 888e6, 180e6, 88e6};
  limits.all_cores = {47.6e9, 48e9, 1778e6, 350e6, 175e6};
  results.machine["limits"] = ToJson(limits);
  results.measurements.front().limit_seconds = 0.61;
  results.measurements.front().fraction_of_limit = 0.61;
  results.measurements.front().limit_bound = "gather-bound";
  WriteReport(results, dir_.string());
  const std::string md = ReadFile(dir_ / "report.md");
  EXPECT_TRUE(Contains(md, "| 4-byte gathers from 1.0 GiB | 88.0 M/s | 175.0 M/s |")) << md;
  EXPECT_TRUE(Contains(md, "| sequential read | 24.5 GB/s | 47.6 GB/s |")) << md;
  EXPECT_TRUE(Contains(md, "| 61% (gather-bound) |")) << md;
  EXPECT_FALSE(Contains(md, "- limits:")) << md;  // not dumped raw in the machine list
}

// A record with the gather curve lists every measured array size.
TEST_F(ReportTest, MachineLimitsListEveryPointOfTheGatherCurve) {
  ResultsFile results = Fixture();
  MachineLimits limits;
  limits.all_threads = 2;
  limits.one_core = {10e9, 10e9, 900e6, 60e6, 50e6};
  limits.all_cores = {20e9, 20e9, 1800e6, 120e6, 100e6};
  limits.gather_curve = {{1 << 20, 900e6, 1800e6},
                         {4 << 20, 700e6, 1400e6},
                         {16 << 20, 300e6, 600e6},
                         {240 << 20, 60e6, 120e6},
                         {512 << 20, 50e6, 100e6}};
  results.machine["limits"] = ToJson(limits);
  WriteReport(results, dir_.string());
  const std::string md = ReadFile(dir_ / "report.md");
  EXPECT_TRUE(Contains(md, "| 4-byte gathers from 4 MiB | 700.0 M/s | 1400.0 M/s |")) << md;
  EXPECT_TRUE(Contains(md, "| 4-byte gathers from 16 MiB | 300.0 M/s | 600.0 M/s |")) << md;
  EXPECT_TRUE(Contains(md, "| 4-byte gathers from 240 MiB | 60.0 M/s | 120.0 M/s |")) << md;
}

// The paper's single-thread claims become ratios of best medians on the same dataset.
TEST_F(ReportTest, SingleThreadClaimsAreRatiosOfBestMedians) {
  ResultsFile results = Fixture();
  results.measurements.push_back(Row("serial:pagerank-hilbert", "single-threaded", 1, 0.4));
  Measurement uf = Row("serial:union-find", "single-threaded", 1, 0.2);
  Measurement lp = Row("serial:label-propagation", "single-threaded", 1, 2.0);
  uf.kernel = lp.kernel = Kernel::kWcc;
  results.measurements.push_back(uf);
  results.measurements.push_back(lp);
  const std::vector<SingleThreadComparison> c = CompareSingleThreads(results.measurements);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].faster, "serial:pagerank-hilbert");
  EXPECT_EQ(c[0].slower, "serial:pagerank");  // the best vertex-order row (1.0 s, not 3.0 s)
  EXPECT_DOUBLE_EQ(c[0].ratio, 0.4);
  EXPECT_DOUBLE_EQ(c[0].paper_ratio, 110.0 / 275.0);
  EXPECT_EQ(c[1].claim, "union-find vs label propagation");
  EXPECT_DOUBLE_EQ(c[1].ratio, 0.1);
  WriteReport(results, dir_.string());
  const std::string md = ReadFile(dir_ / "report.md");
  EXPECT_TRUE(Contains(md, "| kron-10 | pagerank | Hilbert vs vertex order (same algorithm) |"));
  EXPECT_TRUE(Contains(md, "| 0.40x | 0.40x (twitter_rv, RAM: 110 s vs 275 s (Tables 2, 4)) |"));
}

TEST_F(ReportTest, WithoutGnuplotItSaysSoAndLeavesNoHalfReport) {
  std::string saved_path = std::getenv("PATH") ? std::getenv("PATH") : "";
  fs::path empty = dir_.string() + "-empty-path";
  fs::create_directories(empty);
  ::setenv("PATH", empty.c_str(), 1);
  try {
    WriteReport(Fixture(), dir_.string());
    ADD_FAILURE() << "expected an error without gnuplot";
  } catch (const std::runtime_error& e) {
    EXPECT_TRUE(Contains(e.what(), "gnuplot is not installed")) << e.what();
  }
  ::setenv("PATH", saved_path.c_str(), 1);
  fs::remove_all(empty);
  EXPECT_TRUE(fs::is_empty(dir_));
}

}  // namespace
}  // namespace cost::harness
