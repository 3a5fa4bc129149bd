#include "harness/core/json_fields.h"

#include <algorithm>
#include <cmath>

#include "harness/core/format.h"

namespace cost::harness {
namespace {

// Edits (insert, delete, substitute) turning a into b.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string Join(const std::vector<std::string_view>& names) {
  std::string text;
  for (std::string_view name : names) text += (text.empty() ? "" : ", ") + std::string(name);
  return text;
}

}  // namespace

bool HasControlCharacter(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f;
  });
}

void RequireNoControlCharacters(std::string_view text, const std::string& field) {
  if (!HasControlCharacter(text)) return;
  throw FieldError(field + ": holds a control character (a newline, tab or escape), in " +
                   nlohmann::json(std::string(text)).dump());
}

int64_t IntegerIn(const nlohmann::json& j, const std::string& field, int64_t low, int64_t high) {
  const std::string range = std::to_string(low) + ".." + std::to_string(high);
  if (!j.is_number_integer()) {
    throw FieldError(field + ": must be an integer in " + range + ", got " + j.dump());
  }
  // An unsigned value above INT64_MAX is out of every range used here.
  const bool above = j.is_number_unsigned() && j.get<uint64_t>() > uint64_t{INT64_MAX};
  const int64_t value = above ? INT64_MAX : j.get<int64_t>();
  if (above || value < low || value > high) {
    throw FieldError(field + ": must be in " + range + ", got " + j.dump());
  }
  return value;
}

double NumberIn(const nlohmann::json& j, const std::string& field, double low, double high) {
  if (!j.is_number() || !std::isfinite(j.get<double>())) {
    throw FieldError(field + ": must be a finite number, got " + j.dump());
  }
  const double value = j.get<double>();
  if (value < low || value > high) {
    throw FieldError(field + ": must be in " + Printf("%g..%g", low, high) + ", got " + j.dump());
  }
  return value;
}

std::string PlainString(const nlohmann::json& j, const std::string& field) {
  if (!j.is_string()) throw FieldError(field + ": must be a string, got " + j.dump());
  const std::string& text = j.get_ref<const std::string&>();
  RequireNoControlCharacters(text, field);
  return text;
}

void RequireKnownKeys(const nlohmann::json& j, const std::string& field,
                      const std::vector<std::string_view>& known) {
  if (!j.is_object()) return;
  for (const auto& [key, value] : j.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string_view nearest;
    size_t best = SIZE_MAX;
    for (std::string_view name : known) {
      const size_t d = EditDistance(key, name);
      if (d < best) best = d, nearest = name;
    }
    const std::string where = (field.empty() ? "" : field + ".") + key;
    const std::string hint = best <= std::max<size_t>(2, key.size() / 3)
                                 ? "did you mean \"" + std::string(nearest) + "\"?"
                                 : "known keys: " + Join(known);
    throw FieldError(where + ": unknown key (" + hint + ")");
  }
}

[[noreturn]] void ThrowFieldError(const std::string& source, const std::string& field,
                                  const std::string& reason) {
  throw std::runtime_error(source + ": " + field + ": " + reason);
}

}  // namespace cost::harness
