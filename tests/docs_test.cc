// The documentation against the build it documents: the implementation table in
// docs/implementations.md is what `cost systems --markdown` prints (the same rows as --json),
// every relative link in README.md, docs/*.md and results/README.md points to a file that exists
// (and to a heading that exists, when it names one), and every command in the README's command
// list is a real subcommand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;
using testing_support::CostRun;
using testing_support::ReadFile;
using testing_support::RunCost;

const fs::path kSourceDir = COST_SOURCE_DIR;
constexpr char kTableBegin[] = "<!-- cost systems --markdown -->";
constexpr char kTableEnd[] = "<!-- end -->";
// Also in docs/implementations.md, "The table".
constexpr char kRegenerate[] =
    "build/harness/cost systems --markdown | sed -i -e '/^<!-- cost systems --markdown -->$/,"
    "/^<!-- end -->$/{//!d;}' -e '/^<!-- cost systems --markdown -->$/r /dev/stdin' "
    "docs/implementations.md";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

bool IsFence(const std::string& line) {
  const size_t first = line.find_first_not_of(' ');
  return first != std::string::npos && line.compare(first, 3, "```") == 0;
}

// The line without its `inline code` spans, which may show link syntax without being links.
std::string WithoutCodeSpans(const std::string& line) {
  std::string text;
  bool in_code = false;
  for (char c : line) {
    if (c == '`') {
      in_code = !in_code;
    } else if (!in_code) {
      text += c;
    }
  }
  return text;
}

struct Link {
  int line = 0;        // 1-based
  std::string target;  // as written, e.g. "../harness/run/validation.h" or "sweeps.md#rows"
};

// The targets of [text](target) links and [label]: target definitions outside code, in order.
std::vector<Link> LinksIn(const std::string& markdown) {
  std::vector<Link> links;
  bool in_fence = false;
  const std::vector<std::string> lines = Lines(markdown);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (IsFence(lines[i])) in_fence = !in_fence;
    if (in_fence || IsFence(lines[i])) continue;
    const std::string text = WithoutCodeSpans(lines[i]);
    const int number = static_cast<int>(i) + 1;
    for (size_t at = text.find("]("); at != std::string::npos; at = text.find("](", at + 2)) {
      const size_t end = text.find_first_of(") ", at + 2);
      if (end != std::string::npos) links.push_back({number, text.substr(at + 2, end - at - 2)});
    }
    if (text.rfind('[', 0) == 0) {
      const size_t colon = text.find("]: ");
      if (colon != std::string::npos) {
        std::string target = text.substr(colon + 3);
        target = target.substr(0, target.find(' '));
        links.push_back({number, target});
      }
    }
  }
  return links;
}

// GitHub's anchor for a heading: lower case, spaces as hyphens, punctuation dropped. (ASCII
// punctuation only: a heading with other punctuation should not be linked to by anchor.)
std::string Anchor(const std::string& heading) {
  std::string anchor;
  for (unsigned char c : heading) {
    if (c == ' ') {
      anchor += '-';
    } else if (std::isalnum(c) || c == '-' || c == '_' || c >= 0x80) {
      anchor += static_cast<char>(std::tolower(c));
    }
  }
  return anchor;
}

// The anchors of every heading outside code, with GitHub's -1, -2 ... for repeated ones.
std::set<std::string> AnchorsIn(const std::string& markdown) {
  std::set<std::string> anchors;
  std::map<std::string, int> seen;
  bool in_fence = false;
  for (const std::string& line : Lines(markdown)) {
    if (IsFence(line)) in_fence = !in_fence;
    if (in_fence || line.empty() || line[0] != '#') continue;
    const size_t text = line.find_first_not_of('#');
    if (text == std::string::npos || line[text] != ' ') continue;
    const std::string anchor = Anchor(line.substr(text + 1));
    const int count = seen[anchor]++;
    anchors.insert(count == 0 ? anchor : anchor + "-" + std::to_string(count));
  }
  return anchors;
}

// The subcommand words of each command in the fenced block under "## Commands": the words after
// "cost" up to the first that is an option, a placeholder (upper case) or a list of alternatives.
std::vector<std::vector<std::string>> CommandListIn(const std::string& markdown) {
  std::vector<std::vector<std::string>> commands;
  bool in_section = false, in_fence = false;
  for (const std::string& line : Lines(markdown)) {
    if (line.rfind("## ", 0) == 0) {
      if (in_section) break;
      in_section = line == "## Commands";
      continue;
    }
    if (!in_section) continue;
    if (IsFence(line)) {
      if (in_fence) break;  // the list is the section's first fenced block
      in_fence = true;
      continue;
    }
    if (!in_fence || line.rfind("cost ", 0) != 0) continue;
    std::vector<std::string> words;
    size_t at = 5;
    while (at < line.size()) {
      const size_t end = std::min(line.find(' ', at), line.size());
      const std::string word = line.substr(at, end - at);
      const bool subcommand = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c)) || c == '-';
      }) && word[0] != '-';
      if (!subcommand) break;
      words.push_back(word);
      at = end + 1;
    }
    commands.push_back(words);
  }
  return commands;
}

std::vector<fs::path> DocumentationFiles() {
  std::vector<fs::path> files = {kSourceDir / "README.md", kSourceDir / "results" / "README.md"};
  std::vector<fs::path> docs;
  for (const auto& entry : fs::directory_iterator(kSourceDir / "docs")) {
    if (entry.path().extension() == ".md") docs.push_back(entry.path());
  }
  std::sort(docs.begin(), docs.end());
  files.insert(files.end(), docs.begin(), docs.end());
  return files;
}

std::string Relative(const fs::path& path) { return fs::relative(path, kSourceDir).string(); }

// The helpers on a page made up for them: what counts as a link, an anchor and a command.
TEST(DocsHelpers, FindLinksAnchorsAndCommandsOutsideCode) {
  const std::string page =
      "# A page\n"
      "See [the spec](docs/sweeps.md#the-spec), `[not](a-link.md)` and [b](b.md \"title\").\n"
      "```\n"
      "[inside](a-fence.md)\n"
      "```\n"
      "[ref]: ../other.md\n"
      "## Nothing lost, nothing twice\n"
      "## Commands\n"
      "```\n"
      "cost demo [--scale S]\n"
      "cost dataset generate kronecker|uniform|grid -o FILE\n"
      "cost sweep SPEC.json --out RESULTS.json\n"
      "```\n"
      "## A page\n";
  const std::vector<Link> links = LinksIn(page);
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0].target, "docs/sweeps.md#the-spec");
  EXPECT_EQ(links[0].line, 2);
  EXPECT_EQ(links[1].target, "b.md");
  EXPECT_EQ(links[2].target, "../other.md");
  EXPECT_EQ(links[2].line, 6);
  EXPECT_EQ(AnchorsIn(page), (std::set<std::string>{"a-page", "a-page-1", "commands",
                                                    "nothing-lost-nothing-twice"}));
  EXPECT_EQ(CommandListIn(page),
            (std::vector<std::vector<std::string>>{{"demo"}, {"dataset", "generate"}, {"sweep"}}));
}

TEST(Docs, ImplementationTableIsWhatCostSystemsPrints) {
  const CostRun run = RunCost({"systems", "--markdown"}, fs::temp_directory_path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<std::string> printed = Lines(run.out);
  ASSERT_GT(printed.size(), 2u);
  const std::vector<std::string> lines = Lines(ReadFile(kSourceDir / "docs/implementations.md"));
  ASSERT_EQ(std::count(lines.begin(), lines.end(), kTableBegin), 1)
      << "docs/implementations.md needs exactly one line " << kTableBegin;
  const auto begin = std::find(lines.begin(), lines.end(), kTableBegin);
  const auto end = std::find(begin, lines.end(), kTableEnd);
  ASSERT_NE(end, lines.end()) << "docs/implementations.md: no " << kTableEnd << " after "
                              << kTableBegin;
  const std::vector<std::string> documented(begin + 1, end);
  for (size_t i = 0; i < std::max(documented.size(), printed.size()); ++i) {
    const std::string docs = i < documented.size() ? documented[i] : "(no line)";
    const std::string cost = i < printed.size() ? printed[i] : "(no line)";
    if (docs == cost) continue;
    FAIL() << "docs/implementations.md line " << (begin - lines.begin()) + 2 + i
           << " differs from line " << i + 1 << " of `cost systems --markdown`:\n  docs: " << docs
           << "\n  cost: " << cost << "\nRegenerate the table from the repository root with\n  "
           << kRegenerate;
  }
}

// Cells of a Markdown table row, split at pipes that are not escaped.
std::vector<std::string> Cells(const std::string& row) {
  std::vector<std::string> cells;
  std::string cell;
  for (size_t i = 1; i < row.size(); ++i) {
    if (row[i] != '|') {
      cell += row[i];
    } else if (row[i - 1] == '\\') {
      cell.back() = '|';  // an escaped pipe is part of the text
    } else {
      cells.push_back(cell.substr(1, cell.size() - 2));  // the spaces around the text
      cell.clear();
    }
  }
  return cells;
}

TEST(Docs, MarkdownTableHoldsTheJsonRowsInOrder) {
  const CostRun json = RunCost({"systems", "--json"}, fs::temp_directory_path());
  const CostRun markdown = RunCost({"systems", "--markdown"}, fs::temp_directory_path());
  ASSERT_EQ(json.exit_code, 0) << json.err;
  ASSERT_EQ(markdown.exit_code, 0) << markdown.err;
  const nlohmann::json rows = nlohmann::json::parse(json.out);
  const std::vector<std::string> lines = Lines(markdown.out);
  ASSERT_EQ(lines.size(), rows.size() + 2);  // a header and a separator line first
  EXPECT_EQ(Cells(lines[0]), (std::vector<std::string>{"name", "kind", "algorithm", "description",
                                                       "required layout", "deviation"}));
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::vector<std::string> cells = Cells(lines[i + 2]);
    ASSERT_EQ(cells.size(), 6u) << lines[i + 2];
    const nlohmann::json& row = rows[i];
    const std::string name = row["name"];
    EXPECT_EQ(cells[0], '`' + name + '`');
    EXPECT_EQ(cells[1], row["kind"]);
    EXPECT_EQ(cells[2], row["algorithm"]);
    EXPECT_EQ(cells[3], row["description"]);
    EXPECT_EQ(cells[4], row["requires_layout"]);
    EXPECT_EQ(cells[5], row["deviation"] == "" ? "none" : row["deviation"].get<std::string>());
  }
}

TEST(Docs, RelativeLinksPointToFilesThatExist) {
  size_t checked = 0;
  for (const fs::path& file : DocumentationFiles()) {
    const std::string text = ReadFile(file);
    for (const Link& link : LinksIn(text)) {
      if (link.target.find("://") != std::string::npos || link.target.rfind("mailto:", 0) == 0) {
        continue;
      }
      ++checked;
      const size_t hash = link.target.find('#');
      const std::string path = link.target.substr(0, hash);
      const fs::path target = path.empty() ? file : file.parent_path() / path;
      const std::string where = Relative(file) + ":" + std::to_string(link.line) + ": ";
      if (!fs::exists(target)) {
        ADD_FAILURE() << where << link.target << " does not exist";
        continue;
      }
      if (hash == std::string::npos) continue;
      const std::string anchor = link.target.substr(hash + 1);
      const std::set<std::string> anchors =
          target == file ? AnchorsIn(text) : AnchorsIn(ReadFile(target));
      EXPECT_TRUE(anchors.count(anchor))
          << where << link.target << ": " << Relative(target) << " has no heading #" << anchor;
    }
  }
  EXPECT_GT(checked, 0u) << "no relative links found: is the documentation there?";
}

TEST(Docs, EveryCommandInTheReadmeCommandListExists) {
  const std::vector<std::vector<std::string>> commands =
      CommandListIn(ReadFile(kSourceDir / "README.md"));
  ASSERT_FALSE(commands.empty()) << "README.md has no fenced command list under \"## Commands\"";
  // A word CLI11 does not know is taken as an extra argument, and --help then prints the help of
  // the command before it with exit status 0: a real subcommand must print its own.
  std::map<std::vector<std::string>, CostRun> help;
  const auto help_of = [&](const std::vector<std::string>& words) -> const CostRun& {
    if (!help.count(words)) {
      std::vector<std::string> args = words;
      args.push_back("--help");
      help[words] = RunCost(args, fs::temp_directory_path());
    }
    return help[words];
  };
  for (const std::vector<std::string>& words : commands) {
    std::string name = "cost";
    for (const std::string& w : words) name += " " + w;
    ASSERT_FALSE(words.empty()) << "README.md: a command-list line names no subcommand";
    const CostRun& own = help_of(words);
    EXPECT_EQ(own.exit_code, 0) << name << " --help: " << own.err;
    const CostRun& parent = help_of({words.begin(), words.end() - 1});
    EXPECT_TRUE(own.out != parent.out)  // not EXPECT_NE: it would print both helps
        << "README.md lists `" << name << "`, which is not a command";
  }
}

}  // namespace
}  // namespace cost
