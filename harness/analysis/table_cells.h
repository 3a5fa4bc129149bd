// The cells of the tables the harness writes, one rule per format: Markdown pipe tables
// (report.md, the COST tables), CSV (`cost export`, `cost compare --csv`) and aligned plain text
// for a terminal (the COST table, `cost compare`).
#ifndef COST_HARNESS_ANALYSIS_TABLE_CELLS_H_
#define COST_HARNESS_ANALYSIS_TABLE_CELLS_H_

#include <string>
#include <vector>

namespace cost::harness {

// A pipe becomes "\|" (a bare one would end the cell) and a line break a space (it would end
// the row); everything else is kept.
std::string MarkdownCell(const std::string& text);

// "| a | b |" and a line break: one row of a pipe table, every cell through MarkdownCell.
std::string MarkdownRow(const std::vector<std::string>& cells);

// Whether a spreadsheet opening a CSV cell holding the text would run it as a formula (OWASP's
// CSV injection rule): text that starts with '=', '+', '-', '@', a tab or a carriage return and is
// not a number ("-1" and "-2.5e-07" are numbers, not formulas).
bool RunsAsFormula(const std::string& text);

// RFC 4180, safe to open in a spreadsheet: text that RunsAsFormula gets a leading "'" (shown as
// text, never run); then the cell as it is, or in double quotes with each quote doubled when it
// holds a comma, a quote or a line break.
std::string CsvField(const std::string& text);

// The widths of an aligned plain-text table's columns: the longest cell of each.
std::vector<size_t> ColumnWidths(const std::vector<std::vector<std::string>>& lines);

// One line of that table: each cell but the last padded to its column's width and two spaces,
// no trailing spaces (an empty last cell leaves none), and a line break.
std::string JoinPadded(const std::vector<std::string>& cells, const std::vector<size_t>& widths);

}  // namespace cost::harness

#endif  // COST_HARNESS_ANALYSIS_TABLE_CELLS_H_
