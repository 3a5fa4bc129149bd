#include "harness/run/external_values.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "datasets/kernel_definitions.h"

namespace cost::harness {
namespace {

// A values file's values as they are read, in dense-id order.
struct ValuesRead {
  Kernel kernel = Kernel::kPageRank;
  std::vector<double> ranks;     // PageRank
  std::vector<uint32_t> labels;  // WCC: renumbered, since only the partition is compared
  std::vector<int64_t> depths;   // BFS
  std::vector<char> seen;
  std::unordered_map<std::string, uint32_t> label_ids;
};

ValuesRead StartValues(Kernel kernel, uint64_t n) {
  ValuesRead values;
  values.kernel = kernel;
  values.seen.assign(n, 0);
  if (kernel == Kernel::kPageRank) values.ranks.resize(n);
  if (kernel == Kernel::kWcc) values.labels.resize(n);
  if (kernel == Kernel::kBfs) values.depths.resize(n);
  return values;
}

uint32_t LabelId(const std::string& label, ValuesRead* values) {
  return values->label_ids.emplace(label, values->label_ids.size()).first->second;
}

// The whole token as a T (no "7.5e-05banana", no "-1" for an id); false when it is not one.
template <typename T>
bool ParseWhole(std::string_view token, T* value) {
  const auto [ptr, error] = std::from_chars(token.data(), token.data() + token.size(), *value);
  return error == std::errc() && ptr == token.data() + token.size();
}

// Splits "id value" (spaces or tabs between, nothing else); false for any other shape.
bool SplitIdValue(const std::string& line, std::string_view* id, std::string_view* value) {
  std::vector<std::string_view> fields;
  std::string_view rest(line);
  while (!rest.empty()) {
    const size_t begin = rest.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos) break;
    rest.remove_prefix(begin);
    const size_t end = std::min(rest.find_first_of(" \t\r"), rest.size());
    fields.push_back(rest.substr(0, end));
    rest.remove_prefix(end);
  }
  if (fields.size() != 2) return false;
  *id = fields[0];
  *value = fields[1];
  return true;
}

// Stores the value of dense vertex v, parsed whole as the kernel's type; false when it is not
// one. *conflict: v had another value already.
bool StoreValue(std::string_view value, uint32_t v, ValuesRead* values, bool* conflict) {
  const bool seen = values->seen[v] != 0;
  if (values->kernel == Kernel::kPageRank) {
    double rank = 0;
    if (!ParseWhole(value, &rank) || !std::isfinite(rank)) return false;
    *conflict = seen && rank != values->ranks[v];
    values->ranks[v] = rank;
  } else if (values->kernel == Kernel::kBfs) {
    int64_t depth = 0;
    if (!ParseWhole(value, &depth)) return false;
    *conflict = seen && depth != values->depths[v];
    values->depths[v] = depth;
  } else {
    const uint32_t label = LabelId(std::string(value), values);
    *conflict = seen && label != values->labels[v];
    values->labels[v] = label;
  }
  return true;
}

// Line `where` ("FILE:N"): "original-id value". Throws std::runtime_error naming it; a vertex
// given twice with different values is an error too (which one would the validator judge?).
void ReadValueLine(const std::string& line, const std::string& where,
                   const std::unordered_map<uint64_t, uint32_t>& dense, ValuesRead* values) {
  std::string_view id_text, value;
  uint64_t id = 0;
  if (!SplitIdValue(line, &id_text, &value) || !ParseWhole(id_text, &id)) {
    throw std::runtime_error(where + ": expected 'id value'");
  }
  const auto it = dense.find(id);
  if (it == dense.end()) {
    throw std::runtime_error(where + ": unknown vertex " + std::to_string(id));
  }
  const uint32_t v = it->second;
  bool conflict = false;
  if (!StoreValue(value, v, values, &conflict)) {
    throw std::runtime_error(where + ": value '" + std::string(value) +
                             "' is not a number of the kernel's type");
  }
  if (conflict) {
    throw std::runtime_error(where + ": vertex " + std::to_string(id) +
                             " is given again, with another value '" + std::string(value) + "'");
  }
  values->seen[v] = 1;
}

// The vertices the file gave no value. An edge list cannot carry isolated vertices, so a system
// reading one never saw them. For WCC their answer is known (each is its own component); for
// PageRank the system ran on a graph with fewer vertices, and its ranks are rightly judged
// against the whole graph.
void FillAbsentVertices(const std::string& path, const datasets::Graph& graph, ValuesRead* values) {
  for (uint64_t v = 0; v < graph.num_vertices(); ++v) {
    if (values->seen[v]) continue;
    const bool isolated = graph.out.Degree(static_cast<uint32_t>(v)) == 0 &&
                          graph.in.Degree(static_cast<uint32_t>(v)) == 0;
    if (values->kernel == Kernel::kWcc && isolated) {
      values->labels[v] = LabelId("isolated " + std::to_string(v), values);
      continue;
    }
    if (values->kernel == Kernel::kBfs && isolated) {
      // Unless it is the source, which the check will catch.
      values->depths[v] = datasets::kUnreachable;
      continue;
    }
    throw std::runtime_error(path + ": no value for vertex " +
                             std::to_string(graph.original_ids[v]) +
                             (isolated ? " (isolated: absent from an edge-list input)" : ""));
  }
}

}  // namespace

Values ReadExternalValues(const std::string& path, const datasets::Graph& graph, Kernel kernel) {
  std::unordered_map<uint64_t, uint32_t> dense;
  dense.reserve(graph.num_vertices());
  for (uint64_t v = 0; v < graph.num_vertices(); ++v) {
    dense.emplace(graph.original_ids[v], static_cast<uint32_t>(v));
  }
  std::ifstream in(path);
  if (!in) throw std::runtime_error("values file " + path + " was not written");
  ValuesRead values = StartValues(kernel, graph.num_vertices());
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    ReadValueLine(line, path + ":" + std::to_string(number), dense, &values);
  }
  FillAbsentVertices(path, graph, &values);
  if (kernel == Kernel::kPageRank) return std::move(values.ranks);
  if (kernel == Kernel::kWcc) return std::move(values.labels);
  return std::move(values.depths);
}

}  // namespace cost::harness
