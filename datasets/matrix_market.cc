// Matrix Market coordinate reader, line by line; see matrix_market.h. The whole-file forms go
// through the streaming reader (inputs/matrix_market_pairs.h), so both accept the same files
// and give the same errors.
#include "datasets/matrix_market.h"

#include <array>
#include <cctype>
#include <charconv>
#include <string>
#include <tuple>

#include "datasets/dataset_error.h"
#include "datasets/inputs/byte_source.h"
#include "datasets/inputs/collected_pairs.h"
#include "datasets/inputs/line_blocks.h"
#include "datasets/inputs/matrix_market_pairs.h"

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

// Up to kMax tokens of a line split on spaces, tabs and a trailing '\r'; `count` is how many
// the line has (may exceed kMax).
struct LineTokens {
  static constexpr size_t kMax = 6;
  std::array<std::string_view, kMax> token;
  size_t count = 0;
};

LineTokens Tokens(std::string_view line) {
  LineTokens tokens;
  size_t i = 0;
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (i < line.size()) {
    while (i < line.size() && blank(line[i])) ++i;
    const size_t start = i;
    while (i < line.size() && !blank(line[i])) ++i;
    if (i == start) continue;
    if (tokens.count < LineTokens::kMax) tokens.token[tokens.count] = line.substr(start, i - start);
    ++tokens.count;
  }
  return tokens;
}

bool ParseUnsigned(std::string_view token, uint64_t* value) {
  const char* end = token.data() + token.size();
  const auto [ptr, ec] = std::from_chars(token.data(), end, *value);
  return ec == std::errc() && ptr == end;
}

uint64_t ParseCount(std::string_view token, const std::string& what, const std::string& name,
                    uint64_t line) {
  uint64_t value = 0;
  if (!ParseUnsigned(token, &value)) {
    Fail(name, line, what + " " + Quote(token) + " is not an unsigned integer");
  }
  return value;
}

bool ValueMatchesField(std::string_view token, MatrixMarketHeader::Field field) {
  const char* end = token.data() + token.size();
  if (field == MatrixMarketHeader::Field::kInteger) {
    int64_t v;
    const auto [ptr, ec] = std::from_chars(token.data(), end, v);
    return ec == std::errc() && ptr == end;
  }
  double v;
  const auto [ptr, ec] = std::from_chars(token.data(), end, v);
  return ec == std::errc() && ptr == end;
}

MatrixMarketHeader::Field ParseField(std::string_view token, const std::string& name) {
  const std::string field = Lower(token);
  if (field == "pattern") return MatrixMarketHeader::Field::kPattern;
  if (field == "integer") return MatrixMarketHeader::Field::kInteger;
  if (field == "real") return MatrixMarketHeader::Field::kReal;
  Fail(name, 1, "unsupported field " + Quote(token) + " (pattern, integer or real)");
}

// The pairs of a whole input, relabelled.
MatrixMarketGraph Collect(ByteSource* source) {
  CollectedPairs pairs(source->path());
  const MatrixMarketHeader header = ReadMatrixMarketPairs(
      source, kDefaultTextChunk, [&](std::span<const RawPair> chunk) { pairs.Add(chunk); });
  MatrixMarketGraph result;
  result.edges = pairs.Relabel();
  result.symmetric = header.symmetric;
  return result;
}

}  // namespace

bool HasMatrixMarketBanner(std::string_view text) {
  constexpr std::string_view kBanner = "%%matrixmarket";
  return text.size() >= kBanner.size() && Lower(text.substr(0, kBanner.size())) == kBanner;
}

MatrixMarketHeader ParseMatrixMarketBanner(std::string_view line, const std::string& name) {
  if (!HasMatrixMarketBanner(line)) {
    Fail(name, 1,
         "no '%%MatrixMarket' banner; for a headerless 'i j' list read it as an edge list "
         "(--format snap)");
  }
  const LineTokens banner = Tokens(line);
  if (banner.count != 5) {
    Fail(name, 1, "banner must be '%%MatrixMarket matrix coordinate FIELD SYMMETRY'");
  }
  if (Lower(banner.token[1]) != "matrix") {
    Fail(name, 1, "unsupported object " + Quote(banner.token[1]));
  }
  if (Lower(banner.token[2]) != "coordinate") {
    Fail(name, 1, "unsupported format " + Quote(banner.token[2]) + " (only 'coordinate')");
  }
  MatrixMarketHeader header;
  header.field = ParseField(banner.token[3], name);
  header.field_name = Lower(banner.token[3]);
  const std::string symmetry = Lower(banner.token[4]);
  if (symmetry != "general" && symmetry != "symmetric") {
    Fail(name, 1, "unsupported symmetry " + Quote(banner.token[4]) + " (general or symmetric)");
  }
  header.symmetric = symmetry == "symmetric";
  return header;
}

void ParseMatrixMarketSizeLine(std::string_view line, uint64_t number, const std::string& name,
                               MatrixMarketHeader* header) {
  const LineTokens tokens = Tokens(line);
  if (tokens.count != 3) {
    Fail(name, number,
         "size line must be 'rows cols entries', got " + std::to_string(tokens.count) + " fields");
  }
  header->rows = ParseCount(tokens.token[0], "row count", name, number);
  header->cols = ParseCount(tokens.token[1], "column count", name, number);
  header->entries = ParseCount(tokens.token[2], "entry count", name, number);
  if (header->rows != header->cols) {
    Fail(name, number,
         "matrix is " + std::to_string(header->rows) + " x " + std::to_string(header->cols) +
             "; a graph's adjacency matrix must be square");
  }
  header->size_line = number;
}

LineKind ParseMatrixMarketEntry(std::string_view line, const MatrixMarketHeader& header,
                                uint64_t* i, uint64_t* j, std::string* reason) {
  const LineTokens tokens = Tokens(line);
  if (tokens.count == 0 || tokens.token[0][0] == '%') return LineKind::kSkip;
  const size_t expected = header.field == MatrixMarketHeader::Field::kPattern ? 2 : 3;
  if (tokens.count != expected) {
    *reason = "expected " + std::string(expected == 2 ? "'i j'" : "'i j value'") + " for a " +
              header.field_name + " matrix, got " + std::to_string(tokens.count) + " fields";
    return LineKind::kError;
  }
  for (const auto& [token, value, what] : {std::tuple{tokens.token[0], i, "row index"},
                                           std::tuple{tokens.token[1], j, "column index"}}) {
    if (!ParseUnsigned(token, value)) {
      *reason = std::string(what) + " " + Quote(token) + " is not an unsigned integer";
      return LineKind::kError;
    }
  }
  if (*i < 1 || *i > header.rows || *j < 1 || *j > header.cols) {
    *reason = "entry (" + std::to_string(*i) + ", " + std::to_string(*j) +
              ") is outside the 1-based " + std::to_string(header.rows) + " x " +
              std::to_string(header.cols) + " matrix";
    return LineKind::kError;
  }
  if (expected == 3 && !ValueMatchesField(tokens.token[2], header.field)) {
    *reason = "value " + Quote(tokens.token[2]) + " is not " + header.field_name;
    return LineKind::kError;
  }
  return LineKind::kEdge;
}

void ThrowMoreMatrixMarketEntries(const std::string& name, uint64_t line,
                                  const MatrixMarketHeader& header) {
  Fail(name, line,
       "more entries than the " + std::to_string(header.entries) + " the size line (line " +
           std::to_string(header.size_line) + ") declares");
}

void ThrowFewerMatrixMarketEntries(const std::string& name, uint64_t line, uint64_t seen,
                                   const MatrixMarketHeader& header) {
  Fail(name, line,
       "file ends after " + std::to_string(seen) + " of the " + std::to_string(header.entries) +
           " entries the size line (line " + std::to_string(header.size_line) + ") declares");
}

MatrixMarketGraph ParseMatrixMarket(std::string_view text, const std::string& name) {
  ByteSource source(text, name);
  return Collect(&source);
}

MatrixMarketGraph LoadMatrixMarket(const std::string& path) {
  ByteSource source(path);
  return Collect(&source);
}

MatrixMarketGraph LoadMatrixMarket(ByteSource* source) { return Collect(source); }

}  // namespace cost::datasets
