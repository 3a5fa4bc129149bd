// Text made safe for one cell of the tables the harness writes, one rule per format: Markdown
// pipe tables (report.md, the COST tables) and CSV (`cost export`, `cost compare --csv`).
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

// RFC 4180: the text as it is, or in double quotes with each quote doubled when it holds a
// comma, a quote or a line break.
std::string CsvField(const std::string& text);

}  // namespace cost::harness

#endif  // COST_HARNESS_ANALYSIS_TABLE_CELLS_H_
