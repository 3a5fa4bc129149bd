// The one escaper per table format (harness/analysis/table_cells.h): a name or message with a
// pipe, a comma, a quote or a line break stays inside its cell, and no CSV cell runs as a formula.
#include "harness/analysis/table_cells.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cost::harness {
namespace {

TEST(MarkdownCell, PipesAreEscapedAndLineBreaksBecomeSpaces) {
  EXPECT_EQ(MarkdownCell("serial:union-find"), "serial:union-find");
  EXPECT_EQ(MarkdownCell("a|b"), "a\\|b");
  EXPECT_EQ(MarkdownCell("||"), "\\|\\|");
  EXPECT_EQ(MarkdownCell("line one\nline two\r\nthree"), "line one line two  three");
  EXPECT_EQ(MarkdownCell(""), "");
}

TEST(MarkdownRow, EveryCellEscapedBetweenPipes) {
  EXPECT_EQ(MarkdownRow({"pagerank", "kron|18", "", "1.20 s"}),
            "| pagerank | kron\\|18 |  | 1.20 s |\n");
  EXPECT_EQ(MarkdownRow({"--- ", "message\nwith a break"}), "| ---  | message with a break |\n");
  EXPECT_EQ(MarkdownRow({}), "|\n");
}

TEST(CsvField, QuotedOnlyWhenItMustBe) {
  EXPECT_EQ(CsvField("plain text; 1.5"), "plain text; 1.5");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\r"), "\"cr\r\"");
}

// OWASP's CSV injection rule: text a spreadsheet would run as a formula opens as text instead.
TEST(CsvField, TextThatWouldRunAsAFormulaGetsALeadingQuote) {
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://example.com\",\"x\")"),
            "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\"");
  EXPECT_EQ(CsvField("=1+2"), "'=1+2");
  EXPECT_EQ(CsvField("+cmd"), "'+cmd");
  EXPECT_EQ(CsvField("-2+3"), "'-2+3");
  EXPECT_EQ(CsvField("@SUM(A1:A2)"), "'@SUM(A1:A2)");
  EXPECT_EQ(CsvField("\tx"), "'\tx");
  EXPECT_EQ(CsvField("\rx"), "\"'\rx\"");  // quoted too: it holds a line break
  EXPECT_EQ(CsvField("-inf"), "'-inf");
  EXPECT_EQ(CsvField("+-1"), "'+-1");
  EXPECT_TRUE(RunsAsFormula("-"));
  // Numbers are numbers, negative ones too; a sign or '=' inside text is no formula.
  for (const std::string number : {"-1", "-2.5e-07", "-0", "+3", "-.5", "1.5"}) {
    EXPECT_FALSE(RunsAsFormula(number)) << number;
    EXPECT_EQ(CsvField(number), number);
  }
  EXPECT_EQ(CsvField("a=b"), "a=b");
  EXPECT_EQ(CsvField("kron-18"), "kron-18");
  EXPECT_FALSE(RunsAsFormula(""));
}

TEST(AlignedText, ColumnsPaddedToTheWidestCellWithoutTrailingSpaces) {
  const std::vector<std::vector<std::string>> lines = {
      {"kernel", "COST", "notes"}, {"pagerank", "2 cores", ""}, {"wcc", "unbounded", "noisy"}};
  const std::vector<size_t> widths = ColumnWidths(lines);
  EXPECT_EQ(widths, (std::vector<size_t>{8, 9, 5}));
  EXPECT_EQ(JoinPadded(lines[0], widths), "kernel    COST       notes\n");
  EXPECT_EQ(JoinPadded(lines[1], widths), "pagerank  2 cores\n");
  EXPECT_EQ(JoinPadded(lines[2], widths), "wcc       unbounded  noisy\n");
  EXPECT_EQ(ColumnWidths({{"a"}, {"bb", "ccc"}}), (std::vector<size_t>{2, 3}));
}

}  // namespace
}  // namespace cost::harness
