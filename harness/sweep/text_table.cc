#include "harness/sweep/text_table.h"

#include <algorithm>

#include "harness/analysis/table_cells.h"

namespace cost::harness {

std::string Render(const TextTable& t, bool markdown) {
  std::string text = (markdown ? "### " : "") + t.title + "\n\n";
  if (markdown) {
    const auto line = [](const std::vector<std::string>& cells) {
      std::string s = "|";
      for (const std::string& c : cells) s += " " + MarkdownCell(c) + " |";
      return s + "\n";
    };
    text += line(t.header);
    text += line(std::vector<std::string>(t.header.size(), "---"));
    for (const auto& r : t.rows) text += line(r);
    return text + "\n";
  }
  std::vector<size_t> widths(t.header.size(), 0);
  for (size_t i = 0; i < t.header.size(); ++i) widths[i] = t.header[i].size();
  for (const auto& r : t.rows) {
    for (size_t i = 0; i < r.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], r[i].size());
    }
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string s = "  ";
    for (size_t i = 0; i < cells.size(); ++i) {
      s += cells[i] + (i + 1 < cells.size() ? std::string(widths[i] - cells[i].size() + 2, ' ')
                                            : std::string());
    }
    return s + "\n";
  };
  text += line(t.header);
  for (const auto& r : t.rows) text += line(r);
  return text + "\n";
}

}  // namespace cost::harness
