#include "harness/report/markdown_html.h"

#include <cctype>
#include <sstream>
#include <vector>

namespace cost::harness {
namespace {

constexpr const char* kStyle =
    "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:1200px;margin:2em auto;"
    "padding:0 1em;color:#222;line-height:1.45}"
    "table{border-collapse:collapse;margin:1em 0;font-size:0.85em;display:block;overflow-x:auto}"
    "th,td{border:1px solid #ccc;padding:0.25em 0.5em;vertical-align:top}"
    "th{background:#f0f0f0}tr:nth-child(even) td{background:#fafafa}"
    "code{background:#f3f3f3;padding:0 0.2em}figure{margin:1em 0}li,p{overflow-wrap:anywhere}"
    "figure svg{max-width:100%;height:auto;display:block}"
    "h1,h2,h3{border-bottom:1px solid #eee;padding-bottom:0.2em}";

struct Inline {
  const SvgLoader& load_svg;
  std::string Render(const std::string& text) const;
};

// Text up to the next unescaped `close` at or after `from`; npos when there is none.
size_t FindClose(const std::string& text, size_t from, const std::string& close) {
  for (size_t i = from; i + close.size() <= text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
      continue;
    }
    if (text.compare(i, close.size(), close) == 0) return i;
  }
  return std::string::npos;
}

std::string Inline::Render(const std::string& text) const {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() && std::ispunct(static_cast<unsigned char>(text[i + 1]))) {
      out += HtmlEscape(std::string(1, text[++i]));
      continue;
    }
    if (c == '`') {
      const size_t end = text.find('`', i + 1);
      if (end != std::string::npos) {
        out += "<code>" + HtmlEscape(text.substr(i + 1, end - i - 1)) + "</code>";
        i = end;
        continue;
      }
    }
    if (c == '*') {
      const std::string mark = text.compare(i, 2, "**") == 0 ? "**" : "*";
      const size_t end = FindClose(text, i + mark.size(), mark);
      if (end != std::string::npos && end > i + mark.size()) {
        const std::string tag = mark == "**" ? "strong" : "em";
        out += "<" + tag + ">" + Render(text.substr(i + mark.size(), end - i - mark.size())) +
               "</" + tag + ">";
        i = end + mark.size() - 1;
        continue;
      }
    }
    const bool image = c == '!' && i + 1 < text.size() && text[i + 1] == '[';
    if (c == '[' || image) {
      const size_t open = image ? i + 1 : i;
      const size_t label_end = FindClose(text, open + 1, "](");
      const size_t target_end =
          label_end == std::string::npos ? std::string::npos : text.find(')', label_end + 2);
      if (target_end != std::string::npos) {
        const std::string label = text.substr(open + 1, label_end - open - 1);
        const std::string target = text.substr(label_end + 2, target_end - label_end - 2);
        if (image) {
          const std::string svg = load_svg ? load_svg(target) : "";
          out += svg.empty() ? "<img src=\"" + HtmlEscape(target) + "\" alt=\"" +
                                   HtmlEscape(label) + "\" />"
                             : "<figure title=\"" + HtmlEscape(label) + "\">" +
                                   SvgForInlining(svg) + "</figure>";
        } else {
          out += "<a href=\"" + HtmlEscape(target) + "\">" + Render(label) + "</a>";
        }
        i = target_end;
        continue;
      }
    }
    out += HtmlEscape(std::string(1, c));
  }
  return out;
}

// Cells of a "| a | b |" line; "\|" stays inside its cell.
std::vector<std::string> SplitRow(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  size_t begin = line.find('|') + 1;
  size_t end = line.find_last_of('|');
  for (size_t i = begin; i < end; ++i) {
    if (line[i] == '\\' && i + 1 < end) {
      cell += line.substr(i, 2);
      ++i;
    } else if (line[i] == '|') {
      cells.push_back(cell);
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  cells.push_back(cell);
  for (std::string& c : cells) {
    const size_t first = c.find_first_not_of(' ');
    c = first == std::string::npos ? "" : c.substr(first, c.find_last_not_of(' ') - first + 1);
  }
  return cells;
}

std::string Table(const std::vector<std::string>& lines, const Inline& in) {
  const std::vector<std::string> header = SplitRow(lines[0]);
  std::vector<std::string> align;
  for (const std::string& rule : SplitRow(lines[1])) {
    align.push_back(!rule.empty() && rule.back() == ':' ? " style=\"text-align:right\"" : "");
  }
  std::string html = "<table>\n<thead><tr>";
  for (const std::string& h : header) html += "<th>" + in.Render(h) + "</th>";
  html += "</tr></thead>\n<tbody>\n";
  for (size_t r = 2; r < lines.size(); ++r) {
    const std::vector<std::string> cells = SplitRow(lines[r]);
    html += "<tr>";
    for (size_t i = 0; i < cells.size(); ++i) {
      html += "<td" + (i < align.size() ? align[i] : std::string()) + ">" + in.Render(cells[i]) +
              "</td>";
    }
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table>\n";
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

std::string HtmlEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string SvgForInlining(const std::string& svg_document) {
  const size_t root = svg_document.find("<svg");
  return root == std::string::npos ? "" : svg_document.substr(root);
}

std::string MarkdownToHtml(const std::string& markdown, const std::string& title,
                           const SvgLoader& load_svg) {
  const Inline in{load_svg};
  std::vector<std::string> lines;
  std::istringstream stream(markdown);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  std::string body;
  for (size_t i = 0; i < lines.size();) {
    const std::string& line = lines[i];
    if (line.find_first_not_of(' ') == std::string::npos) {
      ++i;
    } else if (StartsWith(line, "#")) {
      const size_t level = line.find_first_not_of('#');
      const std::string tag = "h" + std::to_string(std::min<size_t>(level, 6));
      body += "<" + tag + ">" + in.Render(line.substr(line.find_first_not_of(' ', level))) + "</" +
              tag + ">\n";
      ++i;
    } else if (StartsWith(line, "|") && i + 1 < lines.size() && StartsWith(lines[i + 1], "| ---")) {
      std::vector<std::string> rows;
      while (i < lines.size() && StartsWith(lines[i], "|")) rows.push_back(lines[i++]);
      body += Table(rows, in);
    } else if (StartsWith(line, "- ")) {
      body += "<ul>\n";
      while (i < lines.size() && StartsWith(lines[i], "- ")) {
        body += "<li>" + in.Render(lines[i++].substr(2)) + "</li>\n";
      }
      body += "</ul>\n";
    } else {
      std::string paragraph;
      while (i < lines.size() && lines[i].find_first_not_of(' ') != std::string::npos &&
             !StartsWith(lines[i], "#") && !StartsWith(lines[i], "|") &&
             !StartsWith(lines[i], "- ")) {
        paragraph += (paragraph.empty() ? "" : " ") + lines[i++];
      }
      body += "<p>" + in.Render(paragraph) + "</p>\n";
    }
  }
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>" +
         HtmlEscape(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n" + body +
         "</body>\n</html>\n";
}

}  // namespace cost::harness
