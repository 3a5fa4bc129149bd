#include "harness/run/validation.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <unordered_map>
#include <variant>
#include <vector>

#include "datasets/kernel_definitions.h"
#include "harness/core/format.h"

namespace cost::harness {
namespace {

std::string SizeMismatch(size_t expected, size_t actual) {
  return Printf("size mismatch: expected %zu values, got %zu", expected, actual);
}

// "12 of 1000 vertices differ; first: <first>", or just "vertex ...: ..." when one differs.
ValidationResult Failure(size_t differing, size_t total, const std::string& first) {
  if (differing == 1) return {false, first};
  return {false, Printf("%zu of %zu vertices differ; first: ", differing, total) + first};
}

// The epsilon rule for one vertex; *relative_error is |e - a| / |e| (0 for equal infinities,
// +inf when e is 0 and a is not, or exactly one side is infinite).
bool WithinEpsilon(double e, double a, double relative, double* relative_error) {
  if (std::isinf(e) || std::isinf(a)) {
    *relative_error = e == a ? 0 : std::numeric_limits<double>::infinity();
    return e == a;
  }
  double difference = std::fabs(e - a);
  *relative_error = difference == 0 ? 0 : difference / std::fabs(e);
  return difference <= relative * std::fabs(e);  // false for NaN on either side
}

std::vector<uint64_t> Widen(const std::vector<uint32_t>& labels) {
  return std::vector<uint64_t>(labels.begin(), labels.end());
}

// Plain push PageRank, the definition read literally: every vertex scatters rank/outdeg to its
// out-neighbours; the rank of vertices without out-edges is pooled and spread over all.
std::vector<double> ReferencePageRank(const datasets::Graph& graph, const RunParams& params) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  const double d = params.damping;
  std::vector<double> rank(n, 1.0 / static_cast<double>(n));
  std::vector<double> incoming(n);
  for (int iteration = 0; iteration < params.iterations; ++iteration) {
    std::fill(incoming.begin(), incoming.end(), 0.0);
    double dangling = 0;
    for (datasets::VertexId u = 0; u < n; ++u) {
      uint64_t degree = graph.out.Degree(u);
      if (degree == 0) {
        dangling += rank[u];
        continue;
      }
      double share = rank[u] / static_cast<double>(degree);
      for (datasets::VertexId v : graph.out.Neighbors(u)) incoming[v] += share;
    }
    const double base = (1 - d) / static_cast<double>(n) + d * dangling / static_cast<double>(n);
    for (uint64_t v = 0; v < n; ++v) rank[v] = base + d * incoming[v];
  }
  return rank;
}

// Breadth-first search from each unlabelled vertex in increasing id order, following out- and
// in-edges, so the vertex a search starts from is the smallest in its component.
std::vector<uint32_t> ReferenceWcc(const datasets::Graph& graph) {
  const uint64_t n = graph.num_vertices();
  constexpr uint32_t kUnlabelled = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> label(n, kUnlabelled);
  std::deque<datasets::VertexId> queue;
  for (datasets::VertexId root = 0; root < n; ++root) {
    if (label[root] != kUnlabelled) continue;
    label[root] = root;
    queue.push_back(root);
    while (!queue.empty()) {
      datasets::VertexId u = queue.front();
      queue.pop_front();
      for (const datasets::Csr* edges : {&graph.out, &graph.in}) {
        for (datasets::VertexId v : edges->Neighbors(u)) {
          if (label[v] != kUnlabelled) continue;
          label[v] = root;
          queue.push_back(v);
        }
      }
    }
  }
  return label;
}

// Relaxation to a fixed point: no queue and no visiting order, so it shares nothing with the
// queue BFS it checks but the definition.
std::vector<int64_t> ReferenceBfs(const datasets::Graph& graph, datasets::VertexId source) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  std::vector<int64_t> depth(n, datasets::kUnreachable);
  if (source >= n) return depth;  // no such source: nothing is reached
  depth[source] = 0;
  bool changed = true;
  while (changed) {
    changed = false;
    for (datasets::VertexId u = 0; u < n; ++u) {
      if (depth[u] == datasets::kUnreachable) continue;
      for (datasets::VertexId v : graph.out.Neighbors(u)) {
        if (depth[u] + 1 >= depth[v]) continue;
        depth[v] = depth[u] + 1;
        changed = true;
      }
    }
  }
  return depth;
}

}  // namespace

ValidationResult ValidateExact(std::span<const int64_t> expected, std::span<const int64_t> actual) {
  if (expected.size() != actual.size())
    return {false, SizeMismatch(expected.size(), actual.size())};
  size_t differing = 0;
  std::string first;
  for (size_t v = 0; v < expected.size(); ++v) {
    if (expected[v] == actual[v]) continue;
    if (differing++ == 0) {
      first = Printf("vertex %zu: expected %lld, got %lld", v, static_cast<long long>(expected[v]),
                     static_cast<long long>(actual[v]));
    }
  }
  if (differing > 0) return Failure(differing, expected.size(), first);
  return {true, Printf("%zu vertices equal", expected.size())};
}

ValidationResult ValidateEpsilon(std::span<const double> expected, std::span<const double> actual,
                                 double relative) {
  if (expected.size() != actual.size())
    return {false, SizeMismatch(expected.size(), actual.size())};
  size_t differing = 0;
  double max_error = 0;
  std::string first;
  for (size_t v = 0; v < expected.size(); ++v) {
    double error = 0;
    if (WithinEpsilon(expected[v], actual[v], relative, &error)) {
      max_error = std::max(max_error, error);
      continue;
    }
    if (differing++ == 0) {
      first = Printf("vertex %zu: expected %.6g, got %.6g (relative error %.1e > %.0e)", v,
                     expected[v], actual[v], error, relative);
    }
  }
  if (differing > 0) return Failure(differing, expected.size(), first);
  return {true, Printf("%zu vertices within relative %.0e (max %.1e)", expected.size(), relative,
                       max_error)};
}

ValidationResult ValidateEquivalence(std::span<const uint64_t> expected,
                                     std::span<const uint64_t> actual) {
  if (expected.size() != actual.size())
    return {false, SizeMismatch(expected.size(), actual.size())};
  // The first vertex seen with each label. A bijection exists iff every vertex agrees with the
  // first vertex of its expected class (no split) and of its actual class (no merge).
  std::unordered_map<uint64_t, size_t> first_with_expected;
  std::unordered_map<uint64_t, size_t> first_with_actual;
  size_t differing = 0;
  std::string first;
  for (size_t v = 0; v < expected.size(); ++v) {
    auto [e, new_expected] = first_with_expected.emplace(expected[v], v);
    auto [a, new_actual] = first_with_actual.emplace(actual[v], v);
    const size_t w = e->second;
    const size_t x = a->second;
    const bool split = !new_expected && actual[w] != actual[v];
    const bool merged = !new_actual && expected[x] != expected[v];
    if (!split && !merged) continue;
    if (differing++ > 0) continue;
    auto ull = [](uint64_t value) { return static_cast<unsigned long long>(value); };
    if (split) {
      first = Printf(
          "vertex %zu: expected in the same component as vertex %zu (label %llu), but got "
          "label %llu where vertex %zu got %llu",
          v, w, ull(expected[v]), ull(actual[v]), w, ull(actual[w]));
    } else {
      first = Printf(
          "vertex %zu: got label %llu like vertex %zu, but expected different components "
          "(labels %llu and %llu)",
          v, ull(actual[v]), x, ull(expected[v]), ull(expected[x]));
    }
  }
  if (differing > 0) return Failure(differing, expected.size(), first);
  return {true, Printf("%zu vertices in %zu components, same partition", expected.size(),
                       first_with_expected.size())};
}

ValidationResult ValidateValues(Kernel kernel, const Values& expected, const Values& actual) {
  switch (kernel) {
    case Kernel::kPageRank: {
      const auto* e = std::get_if<std::vector<double>>(&expected);
      const auto* a = std::get_if<std::vector<double>>(&actual);
      if (e == nullptr || a == nullptr) return {false, "pagerank values must be doubles"};
      return ValidateEpsilon(*e, *a, 1e-4);
    }
    case Kernel::kWcc: {
      const auto* e = std::get_if<std::vector<uint32_t>>(&expected);
      const auto* a = std::get_if<std::vector<uint32_t>>(&actual);
      if (e == nullptr || a == nullptr) return {false, "wcc values must be integer labels"};
      return ValidateEquivalence(Widen(*e), Widen(*a));
    }
    case Kernel::kBfs: {
      const auto* e = std::get_if<std::vector<int64_t>>(&expected);
      const auto* a = std::get_if<std::vector<int64_t>>(&actual);
      if (e == nullptr || a == nullptr) return {false, "bfs values must be int64 depths"};
      return ValidateExact(*e, *a);
    }
  }
  return {false, "unknown kernel"};
}

namespace {

long long Ll(int64_t value) { return static_cast<long long>(value); }

// The first violation found, and how many there were.
struct Violations {
  size_t count = 0;
  std::string first;
  void Add(const std::string& reason) {
    if (count++ == 0) first = reason;
  }
};

// The depth of reached vertex v against its neighbours': not deeper than any path (every
// out-edge leads at most one level down), not shallower than the shortest path (a parent one
// level up, for all but the source).
void CheckDepthOf(const datasets::Graph& graph, datasets::VertexId source,
                  std::span<const int64_t> depths, datasets::VertexId v, Violations* violations) {
  const int64_t d = depths[v];
  for (datasets::VertexId w : graph.out.Neighbors(v)) {
    if (depths[w] >= 0 && depths[w] <= d + 1) continue;
    violations->Add(Printf("vertex %u: depth %lld, but its in-neighbour %u has depth %lld", w,
                           Ll(depths[w]), v, Ll(d)));
  }
  if (v == source) return;
  for (datasets::VertexId u : graph.in.Neighbors(v)) {
    if (depths[u] == d - 1) return;
  }
  violations->Add(
      Printf("vertex %u: depth %lld, but no in-neighbour has depth %lld", v, Ll(d), Ll(d - 1)));
}

}  // namespace

ValidationResult VerifyBfsDepths(const datasets::Graph& graph, datasets::VertexId source,
                                 std::span<const int64_t> depths) {
  const uint64_t n = graph.num_vertices();
  if (depths.size() != n) return {false, SizeMismatch(n, depths.size())};
  if (n == 0) return {true, "0 vertices"};
  if (source >= n) return {false, Printf("source vertex %u is not in the graph", source)};
  Violations violations;
  if (depths[source] != 0) {
    violations.Add(Printf("vertex %u (the source): depth %lld, not 0", source, Ll(depths[source])));
  }
  int64_t max_depth = 0;
  size_t reached = 0;
  for (datasets::VertexId v = 0; v < n; ++v) {
    const int64_t d = depths[v];
    if (d < 0) {
      violations.Add(Printf("vertex %u: negative depth %lld", v, Ll(d)));
      continue;
    }
    if (d == datasets::kUnreachable) continue;
    ++reached;
    max_depth = std::max(max_depth, d);
    CheckDepthOf(graph, source, depths, v, &violations);
  }
  if (violations.count == 1) return {false, violations.first};
  if (violations.count > 1) {
    return {false, Printf("%zu violations in %llu vertices; first: ", violations.count,
                          static_cast<unsigned long long>(n)) +
                       violations.first};
  }
  return {true, Printf("%llu vertices: BFS depths from vertex %u verified (%zu reached, max "
                       "depth %lld)",
                       static_cast<unsigned long long>(n), source, reached, Ll(max_depth))};
}

ValidationResult ValidateOutput(Kernel kernel, const datasets::Graph& graph,
                                const RunParams& params, const Values& actual) {
  if (kernel != Kernel::kBfs) {
    return ValidateValues(kernel, ReferenceValues(kernel, graph, params), actual);
  }
  const auto* depths = std::get_if<std::vector<int64_t>>(&actual);
  if (depths == nullptr) return {false, "bfs values must be int64 depths"};
  return VerifyBfsDepths(graph, params.source, *depths);
}

void NoteDeviation(const Implementation& impl, const datasets::Graph& graph,
                   ValidationResult* result) {
  if (impl.deviation.empty()) return;
  const std::string deviation(impl.deviation);
  if (result->ok) {
    result->message += "; known deviation not triggered by this graph: " + deviation;
    return;
  }
  const bool expected = impl.deviation_applies == nullptr || impl.deviation_applies(graph);
  result->message = (expected ? "known deviation: " : "known deviation (not expected here): ") +
                    deviation + "; " + result->message;
}

Values ReferenceValues(Kernel kernel, const datasets::Graph& graph, const RunParams& params) {
  switch (kernel) {
    case Kernel::kPageRank:
      return ReferencePageRank(graph, params);
    case Kernel::kWcc:
      return ReferenceWcc(graph);
    case Kernel::kBfs:
      return ReferenceBfs(graph, params.source);
  }
  return {};
}

}  // namespace cost::harness
