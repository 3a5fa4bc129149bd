// MarkdownToHtml (harness/report/markdown_html.h) on the subset report.md uses, block by block
// and inline construct by construct.
#include "harness/report/markdown_html.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace cost::harness {
namespace {

using ::testing::HasSubstr;

// The page's <body> contents.
std::string Body(const std::string& markdown, const SvgLoader& load_svg = nullptr) {
  const std::string html = MarkdownToHtml(markdown, "t", load_svg);
  const size_t start = html.find("<body>\n") + 7;
  return html.substr(start, html.find("</body>") - start);
}

TEST(MarkdownHtml, HeadingsListsAndParagraphs) {
  EXPECT_EQ(Body("# COST report\n\n## Machine\n\n- CPU: x\n- cores: 2\n\nOne line\nand the next."),
            "<h1>COST report</h1>\n<h2>Machine</h2>\n<ul>\n<li>CPU: x</li>\n<li>cores: 2</li>\n"
            "</ul>\n<p>One line and the next.</p>\n");
}

TEST(MarkdownHtml, TableWithRightAlignedColumnAndEscapedPipe) {
  EXPECT_EQ(Body("| name | time |\n| --- | ---: |\n| a\\|b | 1.20 s |\n"),
            "<table>\n<thead><tr><th>name</th><th>time</th></tr></thead>\n<tbody>\n"
            "<tr><td>a|b</td><td style=\"text-align:right\">1.20 s</td></tr>\n</tbody>\n"
            "</table>\n");
}

TEST(MarkdownHtml, ARowWithoutARuleIsAParagraph) {
  EXPECT_EQ(Body("| not a table |\nnext\n"), "<p>| not a table | next</p>\n");
}

TEST(MarkdownHtml, InlineCodeEmphasisAndEscapes) {
  EXPECT_EQ(Body("`a<b` *it* **bold, *it* inside** \\* x & y\n"),
            "<p><code>a&lt;b</code> <em>it</em> <strong>bold, <em>it</em> inside</strong> * x "
            "&amp; y</p>\n");
  EXPECT_EQ(Body("an *unclosed star and `tick\n"), "<p>an *unclosed star and `tick</p>\n");
}

TEST(MarkdownHtml, LinksAndImages) {
  EXPECT_EQ(Body("[data](p.dat)\n"), "<p><a href=\"p.dat\">data</a></p>\n");
  EXPECT_EQ(Body("![plot \"1\"](p.png)\n"),
            "<p><img src=\"p.png\" alt=\"plot &quot;1&quot;\" /></p>\n");
  const SvgLoader svg = [](const std::string& path) {
    return path == "p.svg" ? std::string("<?xml version=\"1.0\"?>\n<svg>x</svg>") : std::string();
  };
  EXPECT_EQ(Body("![plot](p.svg)\n", svg), "<p><figure title=\"plot\"><svg>x</svg></figure></p>\n");
  EXPECT_THAT(Body("![other](q.svg)\n", svg), HasSubstr("<img src=\"q.svg\""));
}

}  // namespace
}  // namespace cost::harness
