#include "harness/report/markdown_html.h"

#include <algorithm>
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

// Inline Markdown: escapes, code, emphasis, links and images. Each construct's function tries
// the one starting at text[*i]; on a match it appends the HTML to *out, leaves *i on the
// construct's last character and returns true.
struct Inline {
  const SvgLoader& load_svg;
  std::string Render(const std::string& text) const;
  bool Code(const std::string& text, size_t* i, std::string* out) const;
  bool Emphasis(const std::string& text, size_t* i, std::string* out) const;
  bool LinkOrImage(const std::string& text, size_t* i, std::string* out) const;
  std::string Image(const std::string& label, const std::string& target) const;
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
    } else if (!Code(text, &i, &out) && !Emphasis(text, &i, &out) && !LinkOrImage(text, &i, &out)) {
      out += HtmlEscape(std::string(1, c));
    }
  }
  return out;
}

bool Inline::Code(const std::string& text, size_t* i, std::string* out) const {
  if (text[*i] != '`') return false;
  const size_t end = text.find('`', *i + 1);
  if (end == std::string::npos) return false;
  *out += "<code>" + HtmlEscape(text.substr(*i + 1, end - *i - 1)) + "</code>";
  *i = end;
  return true;
}

// *emphasis* and **strong**, whose text is itself inline Markdown.
bool Inline::Emphasis(const std::string& text, size_t* i, std::string* out) const {
  if (text[*i] != '*') return false;
  const std::string mark = text.compare(*i, 2, "**") == 0 ? "**" : "*";
  const size_t end = FindClose(text, *i + mark.size(), mark);
  if (end == std::string::npos || end <= *i + mark.size()) return false;
  const std::string tag = mark == "**" ? "strong" : "em";
  *out += "<" + tag + ">" + Render(text.substr(*i + mark.size(), end - *i - mark.size())) + "</" +
          tag + ">";
  *i = end + mark.size() - 1;
  return true;
}

// Whether a link target may become an href: a relative path or fragment, or an http(s) or
// mailto address. A name from a results file that spells "[x](javascript:...)" stays text.
bool SafeLinkTarget(const std::string& target) {
  const size_t colon = target.find(':');
  const size_t slash = target.find_first_of("/?#");
  if (colon == std::string::npos || (slash != std::string::npos && slash < colon)) return true;
  const std::string scheme = target.substr(0, colon);
  return scheme == "http" || scheme == "https" || scheme == "mailto";
}

// [label](target) and ![label](target).
bool Inline::LinkOrImage(const std::string& text, size_t* i, std::string* out) const {
  const bool image = text[*i] == '!' && *i + 1 < text.size() && text[*i + 1] == '[';
  if (text[*i] != '[' && !image) return false;
  const size_t open = image ? *i + 1 : *i;
  const size_t label_end = FindClose(text, open + 1, "](");
  const size_t target_end =
      label_end == std::string::npos ? std::string::npos : text.find(')', label_end + 2);
  if (target_end == std::string::npos) return false;
  const std::string label = text.substr(open + 1, label_end - open - 1);
  const std::string target = text.substr(label_end + 2, target_end - label_end - 2);
  if (image) {
    *out += Image(label, target);
  } else if (SafeLinkTarget(target)) {
    *out += "<a href=\"" + HtmlEscape(target) + "\">" + Render(label) + "</a>";
  } else {
    *out += Render(label) + " (" + HtmlEscape(target) + ")";  // text, never a javascript: link
  }
  *i = target_end;
  return true;
}

// The SVG itself when the loader has it, so the page needs no other file; else an <img>.
std::string Inline::Image(const std::string& label, const std::string& target) const {
  const std::string svg = load_svg ? load_svg(target) : "";
  if (svg.empty()) {
    return "<img src=\"" + HtmlEscape(target) + "\" alt=\"" + HtmlEscape(label) + "\" />";
  }
  return "<figure title=\"" + HtmlEscape(label) + "\">" + SvgForInlining(svg) + "</figure>";
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

bool IsBlank(const std::string& line) { return line.find_first_not_of(' ') == std::string::npos; }

// The lines from *i on that start with `prefix`; *i ends after them.
std::vector<std::string> TakeWhile(const std::vector<std::string>& lines, size_t* i,
                                   const std::string& prefix) {
  std::vector<std::string> taken;
  while (*i < lines.size() && StartsWith(lines[*i], prefix)) taken.push_back(lines[(*i)++]);
  return taken;
}

std::string Heading(const std::string& line, const Inline& in) {
  // "#" alone, or "### " with no text, is an empty heading (not an out-of-range substr).
  const size_t level = std::min(line.find_first_not_of('#'), line.size());
  const std::string tag = "h" + std::to_string(std::min<size_t>(level, 6));
  const size_t text = std::min(line.find_first_not_of(' ', level), line.size());
  return "<" + tag + ">" + in.Render(line.substr(text)) + "</" + tag + ">\n";
}

std::string List(const std::vector<std::string>& items, const Inline& in) {
  std::string html = "<ul>\n";
  for (const std::string& item : items) html += "<li>" + in.Render(item.substr(2)) + "</li>\n";
  return html + "</ul>\n";
}

// The line at *i and those after it up to a blank line or the start of another block, joined
// by spaces. The first is always taken, so a lone "| a |" line (no rule under it: no table) is
// a paragraph rather than a line nothing consumes.
std::string Paragraph(const std::vector<std::string>& lines, size_t* i, const Inline& in) {
  std::string paragraph = lines[(*i)++];
  while (*i < lines.size() && !IsBlank(lines[*i]) && !StartsWith(lines[*i], "#") &&
         !StartsWith(lines[*i], "|") && !StartsWith(lines[*i], "- ")) {
    paragraph += " " + lines[(*i)++];
  }
  return "<p>" + in.Render(paragraph) + "</p>\n";
}

// The blocks report.md uses: headings, pipe tables, lists and paragraphs.
std::string Body(const std::vector<std::string>& lines, const Inline& in) {
  std::string body;
  for (size_t i = 0; i < lines.size();) {
    const std::string& line = lines[i];
    if (IsBlank(line)) {
      ++i;
    } else if (StartsWith(line, "#")) {
      body += Heading(line, in);
      ++i;
    } else if (StartsWith(line, "|") && i + 1 < lines.size() && StartsWith(lines[i + 1], "| ---")) {
      body += Table(TakeWhile(lines, &i, "|"), in);
    } else if (StartsWith(line, "- ")) {
      body += List(TakeWhile(lines, &i, "- "), in);
    } else {
      body += Paragraph(lines, &i, in);
    }
  }
  return body;
}

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
      case '\'':
        out += "&#39;";
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
  std::vector<std::string> lines;
  std::istringstream stream(markdown);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  // The viewport line lets a phone lay the page out at its own width instead of a desktop's.
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>" +
         HtmlEscape(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n" +
         Body(lines, Inline{load_svg}) + "</body>\n</html>\n";
}

}  // namespace cost::harness
