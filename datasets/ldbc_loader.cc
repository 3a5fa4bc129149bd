#include "datasets/ldbc_loader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string_view>
#include <system_error>

#include "datasets/dataset_error.h"
#include "datasets/inputs/collected_pairs.h"
#include "datasets/inputs/distinct_ids.h"
#include "datasets/inputs/ldbc_pairs.h"
#include "datasets/inputs/line_blocks.h"

namespace cost::datasets {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void Fail(const std::string& path, uint64_t line, const std::string& reason) {
  throw DatasetError(path + ":" + std::to_string(line) + ": " + reason);
}

[[noreturn]] void Fail(const std::string& path, const std::string& reason) {
  throw DatasetError(path + ": " + reason);
}

std::string ReadWholeFile(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) Fail(path, "is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) Fail(path, "cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) Fail(path, "read error");
  return std::move(text).str();
}

// Calls fn(line, line_number) for each line, without its "\n" or "\r\n"; numbers start at 1.
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  uint64_t number = 0;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    fn(line, ++number);
  }
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

// Splits on runs of spaces and tabs.
std::vector<std::string_view> Tokens(std::string_view line) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && IsBlank(line[i])) ++i;
    size_t start = i;
    while (i < line.size() && !IsBlank(line[i])) ++i;
    if (i > start) tokens.push_back(line.substr(start, i - start));
  }
  return tokens;
}

// from_chars, and the whole token must be consumed ("12x" is not a number).
template <typename T>
bool ParseWhole(std::string_view token, T* value) {
  const char* end = token.data() + token.size();
  auto [ptr, ec] = std::from_chars(token.data(), end, *value);
  return ec == std::errc() && ptr == end;
}

// from_chars rejects a leading '+', which LDBC writes in "+Infinity"; it already accepts
// "inf"/"infinity" in any case.
bool ParseDouble(std::string_view token, double* value) {
  if (token.size() > 1 && token[0] == '+' && token[1] != '-') token.remove_prefix(1);
  return ParseWhole(token, value);
}

// Built by appending: `"'" + std::string(token)` trips a GCC 12 -Wrestrict false positive.
std::string Quoted(std::string_view token) {
  std::string quoted;
  quoted.reserve(token.size() + 2);
  quoted.append(1, '\'').append(token).append(1, '\'');
  return quoted;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A Java properties file, reduced to what LDBC writes: `key = value`, `key: value` or
// `key value`; '#' and '!' comments; a trailing backslash continues the line. Escapes inside
// keys and values are not interpreted (LDBC uses none). Returns the key -> value map and, for
// error messages, the line each key was set on.
std::map<std::string, std::string> ParseProperties(const std::string& path,
                                                   std::map<std::string, uint64_t>* lines) {
  std::map<std::string, std::string> properties;
  std::string logical;  // the current line with its continuations joined
  uint64_t logical_start = 0;
  ForEachLine(ReadWholeFile(path), [&](std::string_view raw, uint64_t number) {
    std::string_view line = Trim(raw);
    if (logical.empty()) {
      if (line.empty() || line[0] == '#' || line[0] == '!') return;
      logical_start = number;
    }
    // An odd number of trailing backslashes means "continued on the next line".
    size_t backslashes = 0;
    while (backslashes < line.size() && line[line.size() - 1 - backslashes] == '\\') {
      ++backslashes;
    }
    if (backslashes % 2 == 1) {
      logical.append(line.substr(0, line.size() - 1));
      return;
    }
    logical.append(line);
    std::string_view entry = logical;
    size_t key_end = 0;
    while (key_end < entry.size() && entry[key_end] != '=' && entry[key_end] != ':' &&
           !IsBlank(entry[key_end])) {
      ++key_end;
    }
    std::string key(entry.substr(0, key_end));
    std::string_view rest = Trim(entry.substr(key_end));
    if (!rest.empty() && (rest[0] == '=' || rest[0] == ':')) rest = Trim(rest.substr(1));
    if (key.empty()) Fail(path, logical_start, "missing key before the value");
    properties[key] = std::string(rest);
    (*lines)[key] = logical_start;
    logical.clear();
  });
  return properties;
}

// `<folder>/<named>` when that file exists and is not `avoid`; otherwise `<folder>/<fallback>`.
std::string ResolveDataFile(const fs::path& folder, const std::string* named,
                            const std::string& fallback, const std::string& avoid) {
  std::error_code ec;
  if (named != nullptr && !named->empty()) {
    fs::path candidate = folder / *named;
    if (candidate.lexically_normal() != (folder / avoid).lexically_normal() &&
        fs::is_regular_file(candidate, ec)) {
      return candidate.string();
    }
  }
  return (folder / fallback).string();
}

template <typename T, typename Parse>
std::map<uint64_t, T> ReadVertexValues(const std::string& path, const char* what, Parse parse) {
  std::map<uint64_t, T> values;
  ForEachLine(ReadWholeFile(path), [&](std::string_view line, uint64_t number) {
    std::vector<std::string_view> tokens = Tokens(line);
    if (tokens.empty()) return;
    if (tokens.size() != 2) Fail(path, number, "expected 'vertexId value'");
    uint64_t id = 0;
    if (!ParseWhole(tokens[0], &id)) {
      Fail(path, number, "vertex id " + Quoted(tokens[0]) + " is not an unsigned 64-bit integer");
    }
    T value{};
    if (!parse(tokens[1], &value)) {
      Fail(path, number, "value " + Quoted(tokens[1]) + " is not " + what);
    }
    if (!values.emplace(id, value).second) {
      Fail(path, number, "vertex " + std::to_string(id) + " listed twice");
    }
  });
  return values;
}

}  // namespace

LdbcGraph ReadLdbcProperties(const std::string& properties_path) {
  LdbcGraph graph;
  graph.name = fs::path(properties_path).stem().string();
  std::map<std::string, uint64_t> lines;
  graph.properties = ParseProperties(properties_path, &lines);
  const std::string prefix = "graph." + graph.name + ".";
  auto find = [&](const std::string& key) -> const std::string* {
    auto it = graph.properties.find(prefix + key);
    return it == graph.properties.end() ? nullptr : &it->second;
  };
  auto bad = [&](const std::string& key, const std::string& expectation) {
    Fail(properties_path, lines[prefix + key],
         prefix + key + " = " + Quoted(*find(key)) + " is not " + expectation);
  };

  const std::string* directed = find("directed");
  if (directed == nullptr) Fail(properties_path, "missing " + prefix + "directed");
  std::string directed_lower = Lower(*directed);
  if (directed_lower != "true" && directed_lower != "false") bad("directed", "true or false");
  graph.directed = directed_lower == "true";

  if (const std::string* list = find("algorithms")) {
    std::string_view rest = *list;
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      std::string_view item = Trim(rest.substr(0, comma));
      if (!item.empty()) graph.algorithms.push_back(Lower(item));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  if (const std::string* value = find("pr.num-iterations")) {
    if (!ParseWhole(std::string_view(*value), &graph.pr_iterations) || graph.pr_iterations < 0) {
      bad("pr.num-iterations", "a non-negative integer");
    }
  }
  if (const std::string* value = find("pr.damping-factor")) {
    if (!ParseWhole(std::string_view(*value), &graph.pr_damping) || !(graph.pr_damping >= 0) ||
        graph.pr_damping > 1) {
      bad("pr.damping-factor", "a number in [0, 1]");
    }
  }
  if (const std::string* value = find("bfs.source-vertex")) {
    if (!ParseWhole(std::string_view(*value), &graph.bfs_source)) {
      bad("bfs.source-vertex", "an unsigned 64-bit vertex id");
    }
    graph.has_bfs_source = true;
  }
  return graph;
}

LdbcFiles ResolveLdbcFiles(const LdbcGraph& graph, const std::string& properties_path) {
  const fs::path folder = fs::path(properties_path).parent_path();
  const std::string vertex_fallback = graph.name + ".v";
  const std::string edge_fallback = graph.name + ".e";
  auto named = [&](const std::string& key) -> const std::string* {
    auto it = graph.properties.find("graph." + graph.name + "." + key);
    return it == graph.properties.end() ? nullptr : &it->second;
  };
  LdbcFiles files;
  files.vertex_path = ResolveDataFile(folder, named("vertex-file"), vertex_fallback, edge_fallback);
  // Two upstream properties files name the .v file as edge-file; never read vertices as edges.
  const std::string* vertex_name = named("vertex-file");
  files.edge_path = ResolveDataFile(folder, named("edge-file"), edge_fallback,
                                    vertex_name != nullptr ? *vertex_name : vertex_fallback);
  return files;
}

LineKind ParseLdbcVertexLine(std::string_view line, uint64_t* id, std::string* reason) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const std::vector<std::string_view> tokens = Tokens(line);
  if (tokens.empty()) return LineKind::kSkip;
  if (!ParseWhole(tokens[0], id)) {
    *reason = "vertex id " + Quoted(tokens[0]) + " is not an unsigned 64-bit integer";
    return LineKind::kError;
  }
  return LineKind::kEdge;
}

LineKind ParseLdbcEdgeLine(std::string_view line, uint64_t* src, uint64_t* dst,
                           std::string* reason) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const std::vector<std::string_view> tokens = Tokens(line);
  if (tokens.empty()) return LineKind::kSkip;
  if (tokens.size() < 2) {
    *reason = "expected 'src dst [weight]'";
    return LineKind::kError;
  }
  for (const auto& [token, id] : {std::pair{tokens[0], src}, std::pair{tokens[1], dst}}) {
    if (!ParseWhole(token, id)) {
      *reason = "vertex id " + Quoted(token) + " is not an unsigned 64-bit integer";
      return LineKind::kError;
    }
  }
  return LineKind::kEdge;
}

LdbcGraph LoadLdbcGraph(const std::string& properties_path) {
  LdbcGraph graph = ReadLdbcProperties(properties_path);
  const LdbcFiles files = ResolveLdbcFiles(graph, properties_path);
  DistinctIds ids(DenseIdLimitForFile(files.vertex_path));
  ReadLdbcVertexIds(files.vertex_path, kDefaultTextChunk, &ids);
  CollectedPairs pairs(files.edge_path);
  ReadLdbcEdgePairs(files.edge_path, kDefaultTextChunk, ids,
                    [&](std::span<const RawPair> chunk) { pairs.Add(chunk); });
  graph.edges = pairs.RankedBy([&ids](uint64_t id) { return ids.Rank(id); }, ids.OriginalIds());
  return graph;
}

std::map<uint64_t, double> ReadVertexDoubles(const std::string& path) {
  return ReadVertexValues<double>(path, "a number", ParseDouble);
}

std::map<uint64_t, int64_t> ReadVertexInts(const std::string& path) {
  return ReadVertexValues<int64_t>(
      path, "a signed 64-bit integer",
      [](std::string_view token, int64_t* value) { return ParseWhole(token, value); });
}

}  // namespace cost::datasets
