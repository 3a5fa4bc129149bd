// The CSV export (ResultsToCsv, `cost export`), read back with an RFC 4180 reader: a header of
// every column, one record per measurement in file order, each field in its column, numbers that
// read back to the same double, every repetition joined with ';', and fields holding a comma, a
// quote or a line break quoted with the quotes doubled, and text a spreadsheet would run as a
// formula given a leading quote. Lines end in CRLF.
#include "harness/analysis/export.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/analysis/table_cells.h"
#include "harness/core/results.h"
#include "tests/test_support.h"

namespace cost::harness {
namespace {

using testing::ElementsAre;

// RFC 4180: records end in CRLF; a field is bare, or quoted with "" for a quote inside, which
// may then hold commas and line breaks. Fails the test on anything else.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string& field = records.back().back();
    const char c = text[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"' && field.empty()) {
      quoted = true;
    } else if (c == ',') {
      records.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      records.emplace_back(1);
      ++i;
    } else {
      EXPECT_TRUE(c != '"' && c != '\r' && c != '\n') << "unquoted '" << c << "' at byte " << i;
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  EXPECT_EQ(records.back(), std::vector<std::string>(1)) << "the last record lacks its CRLF";
  records.pop_back();
  return records;
}

// A record as column -> field, by the header's names.
std::map<std::string, std::string> ByColumn(const std::vector<std::string>& header,
                                            const std::vector<std::string>& record) {
  EXPECT_EQ(record.size(), header.size());
  std::map<std::string, std::string> fields;
  for (size_t i = 0; i < header.size() && i < record.size(); ++i) fields[header[i]] = record[i];
  return fields;
}

// Two rows as a sweep would write them: an ok threaded row with three repetitions, and a failed
// multiprocess row whose dataset name and message need quoting.
ResultsFile TwoRows() {
  return ResultsFromJson(nlohmann::json::parse(R"({
    "format": "cost-results", "version": 1, "created": "2024-01-01T00:00:00Z",
    "measurements": [
      {"dataset": "kron-10", "kernel": "pagerank", "implementation": "openmp:pagerank",
       "system": "openmp", "algorithm": "pagerank-pull", "kind": "threaded", "threads": 2,
       "procs": 1, "iterations": 20, "repetitions": 3, "warmups": 1, "outcome": "ok",
       "repetition_seconds": [0.25, 0.1, 0.3], "median_seconds": 0.25, "min_seconds": 0.1,
       "max_seconds": 0.3, "cv": 0.4, "ci_low_seconds": 0.1, "ci_high_seconds": 0.3,
       "ci_level": 0.75, "high_spread": true, "timing": "kernel", "load_seconds": 0.001,
       "preparation_seconds": 1.5, "peak_rss_bytes": 123456789, "num_vertices": 1024,
       "num_edges": 30000, "graph_checksum": "00112233aabbccdd"},
      {"dataset": "lux, \"osm\"", "kernel": "wcc", "implementation": "mpi:union-find",
       "system": "mpi", "algorithm": "union-find", "kind": "multiprocess", "threads": 1,
       "procs": 3, "oversubscribed": true, "source": -1, "outcome": "crashed",
       "message": "rank 2: signal 11,\nno output"}
    ]})"));
}

TEST(ExportTest, HeaderNamesEveryColumn) {
  const auto records = ParseCsv(ResultsToCsv(TwoRows()));
  ASSERT_FALSE(records.empty());
  EXPECT_THAT(
      records[0],
      ElementsAre("dataset", "kernel", "implementation", "system", "algorithm", "kind", "threads",
                  "procs", "cores", "oversubscribed", "iterations", "source", "repetitions",
                  "warmups", "outcome", "median_seconds", "min_seconds", "max_seconds", "cv",
                  "ci_low_seconds", "ci_high_seconds", "ci_level", "high_spread", "timing",
                  "load_seconds", "preparation_seconds", "peak_rss_bytes", "num_vertices",
                  "num_edges", "graph_checksum", "message", "repetition_seconds"));
}

TEST(ExportTest, OneRecordPerMeasurementWithEachFieldInItsColumn) {
  const auto records = ParseCsv(ResultsToCsv(TwoRows()));
  ASSERT_EQ(records.size(), 3u);  // the header and two measurements, in file order
  using Fields = std::map<std::string, std::string>;
  EXPECT_THAT(ByColumn(records[0], records[1]),
              testing::IsSupersetOf(Fields{{"dataset", "kron-10"},
                                           {"kernel", "pagerank"},
                                           {"implementation", "openmp:pagerank"},
                                           {"kind", "threaded"},
                                           {"threads", "2"},
                                           {"cores", "2"},
                                           {"oversubscribed", "false"},
                                           {"iterations", "20"},
                                           {"source", "-1"},
                                           {"warmups", "1"},
                                           {"outcome", "ok"},
                                           {"median_seconds", "0.25"},
                                           {"high_spread", "true"},
                                           {"peak_rss_bytes", "123456789"},
                                           {"graph_checksum", "00112233aabbccdd"},
                                           {"message", ""}}));
  EXPECT_THAT(ByColumn(records[0], records[2]),
              testing::IsSupersetOf(Fields{{"implementation", "mpi:union-find"},
                                           {"procs", "3"},
                                           {"cores", "3"},
                                           {"oversubscribed", "true"},
                                           {"outcome", "crashed"},
                                           {"median_seconds", "0"},
                                           {"repetition_seconds", ""}}));
}

// Every repetition, in the order it ran, each in the shortest form that reads back exactly.
TEST(ExportTest, RepetitionsJoinedWithSemicolons) {
  ResultsFile results = TwoRows();
  results.measurements[0].repetition_seconds = {0.1, 1.0 / 3, 2.5e-7, 12};
  const auto records = ParseCsv(ResultsToCsv(results));
  ASSERT_EQ(records.size(), 3u);
  const std::string joined = ByColumn(records[0], records[1]).at("repetition_seconds");
  EXPECT_EQ(joined, "0.1;0.3333333333333333;2.5e-07;12");
  std::vector<double> read_back;
  for (size_t start = 0; start <= joined.size();) {
    const size_t end = std::min(joined.find(';', start), joined.size());
    read_back.push_back(std::strtod(joined.substr(start, end - start).c_str(), nullptr));
    start = end + 1;
  }
  EXPECT_EQ(read_back, results.measurements[0].repetition_seconds);
}

TEST(ExportTest, FieldsWithCommasQuotesOrLineBreaksAreQuoted) {
  const std::string csv = ResultsToCsv(TwoRows());
  // As written: the quotes doubled inside a quoted field.
  EXPECT_THAT(csv, testing::HasSubstr("\r\n\"lux, \"\"osm\"\"\",wcc,mpi:union-find,"));
  EXPECT_THAT(csv, testing::HasSubstr(",\"rank 2: signal 11,\nno output\","));
  // As read back: each still one field.
  const auto records = ParseCsv(csv);
  ASSERT_EQ(records.size(), 3u);
  const auto failed = ByColumn(records[0], records[2]);
  EXPECT_EQ(failed.at("dataset"), "lux, \"osm\"");
  EXPECT_EQ(failed.at("message"), "rank 2: signal 11,\nno output");
}

// Rows whose names and messages start with each character a spreadsheet runs as a formula (a
// dataset named in a user's spec, a message a command printed): the names reach CSV as they are
// in the results file; control characters reach it only in messages, which may hold them.
ResultsFile FormulaRows() {
  return ResultsFromJson(nlohmann::json::parse(R"json({
    "format": "cost-results", "version": 1, "created": "2024-01-01T00:00:00Z",
    "measurements": [
      {"dataset": "=HYPERLINK(\"http://example.com\",\"x\")", "kernel": "wcc",
       "implementation": "+ext:wcc", "system": "-ext", "algorithm": "@sum", "kind": "threaded",
       "threads": 2, "procs": 1, "source": -1, "outcome": "crashed", "message": "\tcmd"},
      {"dataset": "-2+3", "kernel": "wcc", "implementation": "@ext:wcc", "system": "=ext",
       "algorithm": "+x", "kind": "threaded", "threads": 2, "procs": 1, "outcome": "crashed",
       "message": "\r=1+1"}
    ]})json"));
}

TEST(ExportTest, TextThatWouldRunAsAFormulaOpensAsText) {
  const std::string csv = ResultsToCsv(FormulaRows());
  const auto records = ParseCsv(csv);
  ASSERT_EQ(records.size(), 3u);
  using Fields = std::map<std::string, std::string>;
  EXPECT_THAT(ByColumn(records[0], records[1]),
              testing::IsSupersetOf(Fields{{"dataset", "'=HYPERLINK(\"http://example.com\",\"x\")"},
                                           {"implementation", "'+ext:wcc"},
                                           {"system", "'-ext"},
                                           {"algorithm", "'@sum"},
                                           {"message", "'\tcmd"},
                                           {"source", "-1"},  // a number, not a formula
                                           {"threads", "2"}}));
  EXPECT_THAT(ByColumn(records[0], records[2]),
              testing::IsSupersetOf(Fields{{"dataset", "'-2+3"},
                                           {"implementation", "'@ext:wcc"},
                                           {"system", "'=ext"},
                                           {"algorithm", "'+x"},
                                           {"message", "'\r=1+1"}}));
  // No field of any record starts with a formula character unless it is a number.
  for (const auto& record : records) {
    for (const std::string& field : record) {
      EXPECT_FALSE(RunsAsFormula(field)) << field;
    }
  }
}

TEST(ExportTest, NoMeasurementsGiveTheHeaderAlone) {
  const auto records = ParseCsv(ResultsToCsv(ResultsFile{}));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].front(), "dataset");
}

// `cost export` writes exactly ResultsToCsv of the file, to standard output or to --out.
class ExportCommandTest : public testing_support::ScratchDirTest {};

TEST_F(ExportCommandTest, WritesTheCsvToStandardOutputOrAFile) {
  WriteResultsFile(TwoRows(), Path("results.json"));
  const std::string expected = ResultsToCsv(ReadResultsFile(Path("results.json")));
  testing_support::CostRun run = testing_support::RunCost({"export", "results.json"}, dir_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, expected);
  run = testing_support::RunCost({"export", "results.json", "--csv", "--out", "rows.csv"}, dir_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(testing_support::ReadFile(Path("rows.csv")), expected);
  EXPECT_EQ(run.out, "");
  run = testing_support::RunCost({"export", "missing.json"}, dir_);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, testing::HasSubstr("missing.json"));
}

TEST_F(ExportCommandTest, ANameThatWouldRunAsAFormulaIsWrittenAsText) {
  WriteResultsFile(FormulaRows(), Path("results.json"));
  const testing_support::CostRun run = testing_support::RunCost({"export", "results.json"}, dir_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto records = ParseCsv(run.out);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(ByColumn(records[0], records[1]).at("dataset"),
            "'=HYPERLINK(\"http://example.com\",\"x\")");
  EXPECT_EQ(ByColumn(records[0], records[2]).at("dataset"), "'-2+3");
}

}  // namespace
}  // namespace cost::harness
