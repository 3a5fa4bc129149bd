// A table of text cells rendered as Markdown or as aligned text for a terminal: the tables of
// `cost reproduce`.
#ifndef COST_HARNESS_SWEEP_TEXT_TABLE_H_
#define COST_HARNESS_SWEEP_TEXT_TABLE_H_

#include <string>
#include <vector>

namespace cost::harness {

// A title line, a header and rows of cells.
struct TextTable {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// "### title", then a Markdown table when `markdown`; else the title and columns padded to align.
std::string Render(const TextTable& t, bool markdown);

}  // namespace cost::harness

#endif  // COST_HARNESS_SWEEP_TEXT_TABLE_H_
