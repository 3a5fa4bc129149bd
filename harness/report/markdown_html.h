// The HTML twin of report.md: the Markdown the report writes (headings, paragraphs, lists,
// pipe tables, emphasis, code, links, images) turned into one self-contained HTML page. Images
// of SVG files are inlined as <svg> elements, so the page needs no other file, no network and
// no script; a style sheet is embedded. Only the subset report.md uses is understood: the HTML
// is made from the same text, so the two can never disagree.
#ifndef COST_HARNESS_REPORT_MARKDOWN_HTML_H_
#define COST_HARNESS_REPORT_MARKDOWN_HTML_H_

#include <functional>
#include <string>

namespace cost::harness {

// Returns the SVG document to inline for an image path, or "" to keep an <img> reference.
using SvgLoader = std::function<std::string(const std::string& path)>;

// A complete HTML document titled `title`.
std::string MarkdownToHtml(const std::string& markdown, const std::string& title,
                           const SvgLoader& load_svg);

// An SVG file's text without what may not appear inside HTML: the XML declaration, the DOCTYPE
// (its external DTD would be a network reference) and comments before the root element.
std::string SvgForInlining(const std::string& svg_document);

// &, <, >, " and ' escaped: safe in text and in quoted attributes.
std::string HtmlEscape(const std::string& text);

}  // namespace cost::harness

#endif  // COST_HARNESS_REPORT_MARKDOWN_HTML_H_
