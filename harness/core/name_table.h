// An enum's spellings as one table of {.value, .name} rows (a table may carry more columns), read
// both ways by the two functions below, so that the name written for a value and the value read
// back for a name cannot disagree. Results files, specs and manifests spell enums this way.
#ifndef COST_HARNESS_CORE_NAME_TABLE_H_
#define COST_HARNESS_CORE_NAME_TABLE_H_

#include <cstddef>
#include <string_view>

namespace cost::harness {

// A row of a table that holds names only.
template <typename Enum>
struct Named {
  Enum value;
  std::string_view name;
};

// The name of `value`; "unknown" for a value the table lacks (a cast from a bad integer).
template <typename Row, size_t N>
constexpr std::string_view NameIn(const Row (&rows)[N], decltype(Row::value) value) {
  for (const Row& row : rows) {
    if (row.value == value) return row.name;
  }
  return "unknown";
}

// The value spelled `name`; false (and *value untouched) for an unknown name.
template <typename Row, size_t N>
constexpr bool ParseIn(const Row (&rows)[N], std::string_view name, decltype(Row::value)* value) {
  for (const Row& row : rows) {
    if (row.name != name) continue;
    *value = row.value;
    return true;
  }
  return false;
}

}  // namespace cost::harness

#endif  // COST_HARNESS_CORE_NAME_TABLE_H_
