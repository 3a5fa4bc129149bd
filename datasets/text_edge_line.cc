// Parsing one text edge-list line; see text_edge_line.h.
#include "datasets/text_edge_line.h"

#include <algorithm>
#include <charconv>
#include <limits>

#include "datasets/dataset_error.h"
#include "datasets/graph.h"

namespace cost::datasets {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Quotes a token for an error message, shortened so a binary file gives a readable message.
std::string Quote(std::string_view token) {
  constexpr size_t kMaxShown = 40;
  std::string quoted = "'";
  quoted.append(token.substr(0, kMaxShown));
  if (token.size() > kMaxShown) quoted.append("...");
  quoted.push_back('\'');
  return quoted;
}

// Parses one id token (a maximal run of non-blank characters); false with *reason otherwise.
bool ParseId(std::string_view token, uint64_t* value, std::string* reason) {
  const char* end = token.data() + token.size();
  const auto [ptr, ec] = std::from_chars(token.data(), end, *value);
  if (ec == std::errc() && ptr == end) return true;
  const bool digits_after_minus =
      token.size() > 1 && token[0] == '-' &&
      std::all_of(token.begin() + 1, token.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (ec == std::errc::result_out_of_range && ptr == end) {
    *reason = "id " + Quote(token) + " is larger than 2^64-1";
  } else if (digits_after_minus) {
    *reason = "negative id " + Quote(token);
  } else {
    *reason = "non-numeric token " + Quote(token);
  }
  return false;
}

}  // namespace

LineKind ParseEdgeLine(std::string_view line, uint64_t* src, uint64_t* dst, std::string* reason) {
  const char* p = line.data();
  const char* const eol = p + line.size();
  // Returns the next token of the line (empty at its end) and advances p past it.
  auto next_token = [&]() {
    while (p < eol && IsBlank(*p)) ++p;
    const char* start = p;
    while (p < eol && !IsBlank(*p)) ++p;
    return std::string_view(start, p - start);
  };
  const std::string_view first = next_token();
  if (first.empty() || first[0] == '#' || first[0] == '%') return LineKind::kSkip;
  const std::string_view second = next_token();
  if (second.empty()) {
    *reason = "missing second column";
    return LineKind::kError;
  }
  if (!ParseId(first, src, reason) || !ParseId(second, dst, reason)) return LineKind::kError;
  return LineKind::kEdge;
}

void CheckVertexCount(uint64_t count, const std::string& name) {
  if (count > std::numeric_limits<VertexId>::max()) {
    throw DatasetError(name + ": " + std::to_string(count) +
                       " distinct vertex ids, more than the limit of 4294967295");
  }
}

}  // namespace cost::datasets
