// Strict reading of the JSON that users write (specs, manifests) and that the harness reads back
// (results files): an integer field is an integer in its range, a string holds no control
// characters, and an unknown key is an error that suggests the known one it resembles. Each
// check throws FieldError("FIELD: reason"); the caller prefixes the file.
#ifndef COST_HARNESS_CORE_JSON_FIELDS_H_
#define COST_HARNESS_CORE_JSON_FIELDS_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cost::harness {

// The most threads per process and processes per row a spec, `cost run` or a results file may
// name: far above any machine this harness runs on, low enough that a typo (100000) is caught.
inline constexpr int kMaxThreads = 4096;
inline constexpr int kMaxProcs = 4096;
// Timed calls per row and PageRank iterations: bounds that catch a mistyped number, not limits
// anyone measures near.
inline constexpr int kMaxRepetitions = 1000000;
inline constexpr int kMaxIterations = 1000000;

struct FieldError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// True when text holds a byte below 0x20 or 0x7f (a newline, a tab, an escape sequence).
bool HasControlCharacter(std::string_view text);

// Throws FieldError("FIELD: holds a control character ...") when text has one.
void RequireNoControlCharacters(std::string_view text, const std::string& field);

// j must be an integer (not 1.5, not "2") in [low, high].
int64_t IntegerIn(const nlohmann::json& j, const std::string& field, int64_t low, int64_t high);

// j must be a finite number in [low, high].
double NumberIn(const nlohmann::json& j, const std::string& field, double low, double high);

// j must be a string without control characters.
std::string PlainString(const nlohmann::json& j, const std::string& field);

// Every key of the object j must be in `known`; otherwise "FIELD.KEY: unknown key (did you
// mean \"K\"?)" for the nearest known key, or the list of known keys. `field` may be empty.
void RequireKnownKeys(const nlohmann::json& j, const std::string& field,
                      const std::vector<std::string_view>& known);

// Throws std::runtime_error("SOURCE: FIELD: reason"): a user's file (a spec, a manifest) refused
// for a reason of its own, named the way the checks above are once the caller prefixes the file.
[[noreturn]] void ThrowFieldError(const std::string& source, const std::string& field,
                                  const std::string& reason);

}  // namespace cost::harness

#endif  // COST_HARNESS_CORE_JSON_FIELDS_H_
