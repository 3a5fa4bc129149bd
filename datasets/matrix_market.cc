// Matrix Market coordinate reader; see matrix_market.h.
#include "datasets/matrix_market.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <numeric>
#include <string>
#include <vector>

#include "datasets/dataset_error.h"
#include "datasets/output_file.h"

namespace cost::datasets {
namespace {

[[noreturn]] void Fail(const std::string& name, uint64_t line, const std::string& reason) {
  throw DatasetError(name + ":" + std::to_string(line) + ": " + reason);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Quote(std::string_view token) {
  std::string quoted = "'";
  quoted.append(token.substr(0, 40));
  if (token.size() > 40) quoted.append("...");
  quoted.push_back('\'');
  return quoted;
}

// Splits a line (without its newline) on spaces, tabs and a trailing '\r'.
std::vector<std::string_view> Tokens(std::string_view line) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (i < line.size()) {
    while (i < line.size() && blank(line[i])) ++i;
    const size_t start = i;
    while (i < line.size() && !blank(line[i])) ++i;
    if (i > start) tokens.push_back(line.substr(start, i - start));
  }
  return tokens;
}

uint64_t ParseCount(std::string_view token, const std::string& what, const std::string& name,
                    uint64_t line) {
  uint64_t value = 0;
  const char* end = token.data() + token.size();
  const auto [ptr, ec] = std::from_chars(token.data(), end, value);
  if (ec != std::errc() || ptr != end) {
    Fail(name, line, what + " " + Quote(token) + " is not an unsigned integer");
  }
  return value;
}

// Walks lines one at a time, counting them from 1.
struct LineReader {
  std::string_view text;
  uint64_t number = 0;

  bool Next(std::string_view* line) {
    if (text.empty()) return false;
    const size_t end = text.find('\n');
    *line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++number;
    return true;
  }
};

enum class Field { kPattern, kInteger, kReal };

}  // namespace

bool HasMatrixMarketBanner(std::string_view text) {
  constexpr std::string_view kBanner = "%%matrixmarket";
  return text.size() >= kBanner.size() && Lower(text.substr(0, kBanner.size())) == kBanner;
}

MatrixMarketGraph ParseMatrixMarket(std::string_view text, const std::string& name) {
  LineReader reader{text};
  std::string_view line;
  if (!reader.Next(&line) || !HasMatrixMarketBanner(line)) {
    Fail(name, 1,
         "no '%%MatrixMarket' banner; for a headerless 'i j' list read it as an edge list "
         "(--format snap)");
  }
  const std::vector<std::string_view> banner = Tokens(line);
  if (banner.size() != 5)
    Fail(name, 1, "banner must be '%%MatrixMarket matrix coordinate FIELD SYMMETRY'");
  if (Lower(banner[1]) != "matrix") Fail(name, 1, "unsupported object " + Quote(banner[1]));
  if (Lower(banner[2]) != "coordinate") {
    Fail(name, 1, "unsupported format " + Quote(banner[2]) + " (only 'coordinate')");
  }
  const std::string field_name = Lower(banner[3]);
  Field field;
  if (field_name == "pattern") {
    field = Field::kPattern;
  } else if (field_name == "integer") {
    field = Field::kInteger;
  } else if (field_name == "real") {
    field = Field::kReal;
  } else {
    Fail(name, 1, "unsupported field " + Quote(banner[3]) + " (pattern, integer or real)");
  }
  const std::string symmetry = Lower(banner[4]);
  if (symmetry != "general" && symmetry != "symmetric") {
    Fail(name, 1, "unsupported symmetry " + Quote(banner[4]) + " (general or symmetric)");
  }
  MatrixMarketGraph result;
  result.symmetric = symmetry == "symmetric";

  // Comments and blank lines, then the size line.
  std::vector<std::string_view> tokens;
  for (;;) {
    if (!reader.Next(&line)) Fail(name, reader.number, "missing size line 'rows cols entries'");
    tokens = Tokens(line);
    if (!tokens.empty() && tokens[0][0] != '%') break;
  }
  if (tokens.size() != 3) {
    Fail(name, reader.number,
         "size line must be 'rows cols entries', got " + std::to_string(tokens.size()) + " fields");
  }
  const uint64_t rows = ParseCount(tokens[0], "row count", name, reader.number);
  const uint64_t cols = ParseCount(tokens[1], "column count", name, reader.number);
  const uint64_t entries = ParseCount(tokens[2], "entry count", name, reader.number);
  if (rows != cols) {
    Fail(name, reader.number,
         "matrix is " + std::to_string(rows) + " x " + std::to_string(cols) +
             "; a graph's adjacency matrix must be square");
  }
  if (rows > (uint64_t{1} << 32)) {
    Fail(name, reader.number, std::to_string(rows) + " rows do not fit 32-bit vertex ids");
  }
  const uint64_t size_line = reader.number;

  EdgeList& edges = result.edges;
  edges.num_vertices = rows;
  edges.src.reserve(std::min<uint64_t>(entries, text.size() / 4) * (result.symmetric ? 2 : 1));
  edges.dst.reserve(edges.src.capacity());
  const size_t expected_tokens = field == Field::kPattern ? 2 : 3;
  uint64_t seen = 0;
  while (reader.Next(&line)) {
    tokens = Tokens(line);
    if (tokens.empty() || tokens[0][0] == '%') continue;
    if (seen == entries) {
      Fail(name, reader.number,
           "more entries than the " + std::to_string(entries) + " the size line (line " +
               std::to_string(size_line) + ") declares");
    }
    if (tokens.size() != expected_tokens) {
      Fail(name, reader.number,
           "expected " + std::string(expected_tokens == 2 ? "'i j'" : "'i j value'") + " for a " +
               field_name + " matrix, got " + std::to_string(tokens.size()) + " fields");
    }
    const uint64_t i = ParseCount(tokens[0], "row index", name, reader.number);
    const uint64_t j = ParseCount(tokens[1], "column index", name, reader.number);
    if (i < 1 || i > rows || j < 1 || j > cols) {
      Fail(name, reader.number,
           "entry (" + std::to_string(i) + ", " + std::to_string(j) + ") is outside the 1-based " +
               std::to_string(rows) + " x " + std::to_string(cols) + " matrix");
    }
    if (field != Field::kPattern) {
      const char* end = tokens[2].data() + tokens[2].size();
      bool ok;
      if (field == Field::kInteger) {
        int64_t v;
        const auto [ptr, ec] = std::from_chars(tokens[2].data(), end, v);
        ok = ec == std::errc() && ptr == end;
      } else {
        double v;
        const auto [ptr, ec] = std::from_chars(tokens[2].data(), end, v);
        ok = ec == std::errc() && ptr == end;
      }
      if (!ok) Fail(name, reader.number, "value " + Quote(tokens[2]) + " is not " + field_name);
    }
    ++seen;
    edges.src.push_back(static_cast<VertexId>(i - 1));
    edges.dst.push_back(static_cast<VertexId>(j - 1));
    if (result.symmetric && i != j) {
      edges.src.push_back(static_cast<VertexId>(j - 1));
      edges.dst.push_back(static_cast<VertexId>(i - 1));
    }
  }
  if (seen != entries) {
    Fail(name, reader.number,
         "file ends after " + std::to_string(seen) + " of the " + std::to_string(entries) +
             " entries the size line (line " + std::to_string(size_line) + ") declares");
  }
  edges.original_ids.resize(rows);
  std::iota(edges.original_ids.begin(), edges.original_ids.end(), uint64_t{1});
  return result;
}

MatrixMarketGraph LoadMatrixMarket(const std::string& path) {
  return ParseMatrixMarket(ReadWholeInput(path), path);
}

}  // namespace cost::datasets
