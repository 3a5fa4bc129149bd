// Issue 17, classes 2 and 3: nothing in a results file or a manifest runs as a command, and no
// impossible time is believed. A dataset name holding a newline must not break out of a gnuplot
// string (where the next line would be a `system` command); a manifest may not wrap a
// placeholder in its own quotes; an external system's -0.5 s, 0 s or nan fails its row; and
// every reader refuses a results file with a negative time, 0 threads or an unknown outcome,
// naming the field.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "harness/core/results.h"
#include "harness/report/gnuplot.h"
#include "harness/report/markdown_html.h"
#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;
using testing::Not;
using testing_support::CostRun;
using testing_support::ReadFile;

class ResultsTrustTest : public testing_support::ScratchDirTest {
 protected:
  CostRun Cost(const std::vector<std::string>& args) {
    return testing_support::RunCost(args, dir_);
  }

  // g.cgraph (2^6 vertices) and a one-row results file of serial:union-find on it.
  nlohmann::json MeasuredResults() {
    CostRun r = Cost({"dataset", "generate", "kronecker", "--scale", "6", "--edge-factor", "4",
                      "-o", Path("g.cgraph")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    r = Cost({"run", "--impl", "serial:union-find", "--graph", Path("g.cgraph"), "--repetitions",
              "2", "--json", Path("row.json"), "--quiet"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(ReadFile(Path("row.json")));
  }

  // `cost run` of a manifest system that prints "kernel seconds: SECONDS" and writes no values.
  CostRun RunPrinting(const std::string& seconds) {
    std::ofstream(Path("m.json")) << nlohmann::json{
        {"name", "liar:wcc"},
        {"kernel", "wcc"},
        {"command", "echo 'kernel seconds: " + seconds + "'"},
        {"time",
         {{"regex",
           "kernel seconds: (\\S+)"}}}}.dump();
    return Cost({"run", "--systems", Path("m.json"), "--impl", "liar:wcc", "--graph",
                 Path("g.cgraph"), "--repetitions", "2", "--json", Path("liar.json"), "--quiet"});
  }

  void WriteResults(const nlohmann::json& j) { std::ofstream(Path("bad.json")) << j.dump(2); }
};

// Before: `cost report` wrote the name into a gnuplot title, the newline ended the string and
// the command, and gnuplot ran `system "touch PWNED"`.
TEST_F(ResultsTrustTest, ANameWithANewlineRunsNothing) {
  nlohmann::json results = MeasuredResults();
  const std::string marker = Path("PWNED");
  results["measurements"][0]["dataset"] = "x'\nsystem 'touch " + marker + "'\n#";
  WriteResults(results);
  const CostRun r = Cost({"report", Path("bad.json"), "--out", Path("report")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("measurement 0: dataset: holds a control character"));
  EXPECT_FALSE(fs::exists(marker));
  EXPECT_FALSE(fs::exists(Path("report")));
}

TEST_F(ResultsTrustTest, GnuplotStringsHoldNoControlCharacter) {
  EXPECT_EQ(harness::GnuplotQuote("a'b"), "'a''b'");
  EXPECT_EQ(harness::GnuplotQuote("x\nsystem 'ls'\r\x1b"), "'x system ''ls''  '");
}

TEST_F(ResultsTrustTest, HtmlLinksAreNeverScripts) {
  const std::string html = harness::MarkdownToHtml(
      "[x](javascript:alert(1)) [ok](report.svg) [web](https://example.org) it's", "t", nullptr);
  EXPECT_THAT(html, Not(HasSubstr("href=\"javascript")));
  EXPECT_THAT(html, HasSubstr("<a href=\"report.svg\">ok</a>"));
  EXPECT_THAT(html, HasSubstr("<a href=\"https://example.org\">web</a>"));
  EXPECT_EQ(harness::HtmlEscape("<a href='x'>&\""), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
  // Before: a line "#" (a name that ended in a newline and '#') threw std::out_of_range.
  EXPECT_THAT(harness::MarkdownToHtml("#\n###  \n", "t", nullptr), HasSubstr("<h1></h1>"));
}

// A value inside the manifest's own quotes would end them: '{graph}' with a file named
// "a'; rm -rf ~; '" runs the rm.
TEST_F(ResultsTrustTest, APlaceholderInsideQuotesIsRefused) {
  for (const std::string command : {"cat '{graph}'", "cat \"x {values}\"", "cat 'a'\"{graph}\""}) {
    std::ofstream(Path("m.json"), std::ios::trunc)
        << nlohmann::json{{"name", "quoted:wcc"}, {"kernel", "wcc"}, {"command", command}}.dump();
    const CostRun r = Cost({"systems", "--systems", Path("m.json")});
    EXPECT_EQ(r.exit_code, 1) << command;
    EXPECT_THAT(r.err, HasSubstr(Path("m.json") + ": \"quoted:wcc\": command: placeholder {"))
        << command;
    EXPECT_THAT(r.err, HasSubstr("inside")) << command;
  }
  // Bare placeholders, and braces in quotes that are not placeholders (an awk program), pass.
  std::ofstream(Path("m.json"), std::ios::trunc) << nlohmann::json{
      {"name", "bare:wcc"},
      {"kernel", "wcc"},
      {"command",
       "awk '{print $1}' {graph} > {values}"}}.dump();
  const CostRun r = Cost({"systems", "--systems", Path("m.json"), "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// Before: a graph path holding "{manifest_dir}" had the manifest's folder spliced into it, its
// quotes ended by the second value's.
TEST_F(ResultsTrustTest, PlaceholdersAreSubstitutedOnce) {
  MeasuredResults();
  fs::copy_file(Path("g.cgraph"), Path("g{manifest_dir}.cgraph"));
  std::ofstream(Path("m.json")) << nlohmann::json{
      {"name", "echo:wcc"},
      {"kernel", "wcc"},
      {"command",
       "printf '%s' {graph} > " +
           Path("seen.txt")}}.dump();
  const CostRun r = Cost({"run", "--systems", Path("m.json"), "--impl", "echo:wcc", "--graph",
                          Path("g{manifest_dir}.cgraph"), "--repetitions", "1", "--quiet"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(Path("seen.txt")), fs::absolute(Path("g{manifest_dir}.cgraph")).string());
}

// Before: -0.5 and 0 were recorded ok (and won the COST table); nan gave ok and a results file
// no reader could read.
TEST_F(ResultsTrustTest, AnImpossibleTimeFailsItsRow) {
  MeasuredResults();
  for (const std::string seconds : {"-0.5", "0", "nan", "inf"}) {
    const CostRun r = RunPrinting(seconds);
    EXPECT_EQ(r.exit_code, 3) << seconds << ": " << r.err;  // invalid output
    const harness::ResultsFile row = harness::ReadResultsFile(Path("liar.json"));
    ASSERT_EQ(row.measurements.size(), 1u);
    EXPECT_EQ(row.measurements[0].outcome, harness::Outcome::kInvalidOutput) << seconds;
    EXPECT_THAT(row.measurements[0].message, HasSubstr("a time must be finite and positive"));
  }
  const CostRun r = RunPrinting("0.25");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(harness::ReadResultsFile(Path("liar.json")).measurements[0].median_seconds, 0.25);
}

// Every reader (report, export, compare, a sweep's --resume) goes through ReadResultsFile.
TEST_F(ResultsTrustTest, EveryReaderRefusesImpossibleRowsNamingTheField) {
  const nlohmann::json good = MeasuredResults();
  const std::vector<std::pair<std::function<void(nlohmann::json&)>, std::string>> cases = {
      {[](nlohmann::json& m) { m["repetition_seconds"][0] = -0.5; },
       "repetition_seconds[0]: must be in 0..inf, got -0.5"},
      {[](nlohmann::json& m) { m["median_seconds"] = -1; }, "median_seconds: must be in"},
      {[](nlohmann::json& m) { m["median_seconds"] = 0; }, "median_seconds: an ok row's median"},
      {[](nlohmann::json& m) { m["min_seconds"] = nullptr; }, "min_seconds: must be a finite"},
      {[](nlohmann::json& m) { m["threads"] = 0; }, "threads: must be in 1..4096, got 0"},
      {[](nlohmann::json& m) { m["threads"] = 4294967297; }, "threads: must be in 1..4096"},
      {[](nlohmann::json& m) { m["threads"] = 1.5; }, "threads: must be an integer"},
      {[](nlohmann::json& m) { m["outcome"] = "crashd"; }, "outcome: unknown value \"crashd\""},
      {[](nlohmann::json& m) { m["dataset"] = "a\tb"; }, "dataset: holds a control character"},
  };
  for (const auto& [damage, expected] : cases) {
    nlohmann::json bad = good;
    damage(bad["measurements"][0]);
    WriteResults(bad);
    for (const std::vector<std::string>& command :
         std::vector<std::vector<std::string>>{{"report", Path("bad.json"), "--out", Path("r")},
                                               {"export", Path("bad.json")},
                                               {"compare", Path("row.json"), Path("bad.json")}}) {
      const CostRun r = Cost(command);
      EXPECT_EQ(r.exit_code, 1) << command[0] << ": " << expected;
      EXPECT_THAT(r.err, HasSubstr(Path("bad.json") + ": measurement 0: " + expected))
          << command[0];
    }
  }
}

// A later format, or rows that are not a list, are refused rather than half read.
TEST_F(ResultsTrustTest, ResultsFilesOfAnotherShapeAreRefused) {
  nlohmann::json results = MeasuredResults();
  results["version"] = 99;
  WriteResults(results);
  CostRun r = Cost({"export", Path("bad.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("bad.json: version: this build reads version 1, the file is "
                               "version 99"));
  results["version"] = 1;
  results["measurements"] = nlohmann::json::object();
  WriteResults(results);
  r = Cost({"export", Path("bad.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("bad.json: measurements: must be an array of rows"));
}

// A name longer than a file name may be still gets its plots, under a shortened stem.
TEST_F(ResultsTrustTest, ALongNameGetsAReport) {
  nlohmann::json results = MeasuredResults();
  results["measurements"][0]["dataset"] = std::string(300, 'a');
  WriteResults(results);
  const CostRun r = Cost({"report", Path("bad.json"), "--out", Path("report")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(Path("report/report.html")));
}

}  // namespace
}  // namespace cost
