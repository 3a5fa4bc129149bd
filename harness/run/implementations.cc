// The implementation table. One row per (system, algorithm); see implementations.h.
//
// Add a system here: a file under implementations/ whose function returns its rows (declared in
// implementations/table_rows.h, listed in harness/run/CMakeLists.txt), and one entry in
// kSystemRows below. A new row of an existing system is one entry in its system's file.
#include "harness/run/implementations.h"

#include <algorithm>
#include <random>
#include <stdexcept>
#include <tuple>

#include "harness/core/name_table.h"
#include "harness/run/implementations/table_rows.h"

namespace cost::harness {
namespace {

constexpr Named<BaselineRole> kBaselineRoleNames[] = {
    {BaselineRole::kNone, "none"},
    {BaselineRole::kSimple, "simple"},
    {BaselineRole::kOptimised, "optimised"},
};

// The systems in the order their rows appear within each (kernel, kind) group: in each kernel's
// single-threaded group our rows come first (the simple ones, then the Hilbert-order ones, then
// the optimised ones: serial.cc), then Boost.Graph's and igraph's.
constexpr std::vector<Implementation> (*kSystemRows[])() = {
    SerialRows, BglRows, IgraphRows, OpenMPRows, GraphBlasRows, MpiRows, PbglRows,
};

// Grouped by kernel, then by kind; the sort is stable, so each group keeps the order above.
std::vector<Implementation> AssembleTable() {
  std::vector<Implementation> table;
  for (const auto rows : kSystemRows) {
    for (Implementation& row : rows()) table.push_back(std::move(row));
  }
  std::stable_sort(table.begin(), table.end(),
                   [](const Implementation& a, const Implementation& b) {
                     return std::make_tuple(a.kernel, a.kind) < std::make_tuple(b.kernel, b.kind);
                   });
  return table;
}

}  // namespace

std::string_view BaselineRoleName(BaselineRole role) { return NameIn(kBaselineRoleNames, role); }

std::span<const Implementation> Implementations() {
  static const std::vector<Implementation> table = AssembleTable();
  return table;
}

const Implementation* FindImplementation(std::string_view name) {
  for (const Implementation& impl : Implementations()) {
    if (impl.name == name) return &impl;
  }
  return nullptr;
}

bool RunsInProcess(const Implementation& impl) {
  return !std::holds_alternative<MpiProgram>(impl.runner);
}

Values RunInProcess(const Implementation& impl, const datasets::Graph& graph,
                    const RunParams& params) {
  if (!RunsInProcess(impl)) {
    throw std::logic_error(std::string(impl.name) + " runs under mpirun, not in this process");
  }
  if (const auto* preparing = std::get_if<PreparingKernel>(&impl.runner)) {
    return preparing->prepare(graph)->Run(params);
  }
  return std::get<InProcessKernel>(impl.runner)(graph, params);
}

std::vector<const Implementation*> InProcessImplementations() {
  std::vector<const Implementation*> rows;
  for (const Implementation& impl : Implementations()) {
    if (RunsInProcess(impl)) rows.push_back(&impl);
  }
  return rows;
}

datasets::EdgeLayout LayoutReadBy(std::string_view implementation) {
  const Implementation* impl = FindImplementation(implementation);
  return impl ? impl->requires_layout : datasets::EdgeLayout::kVertex;
}

datasets::PreparedSections SectionsReadBy(std::string_view implementation) {
  const Implementation* impl = FindImplementation(implementation);
  return impl ? impl->requires_sections : datasets::PreparedSections{};
}

bool FindVertex(const datasets::Graph& graph, uint64_t original_id, datasets::VertexId* vertex) {
  for (uint64_t v = 0; v < graph.original_ids.size(); ++v) {
    if (graph.original_ids[v] != original_id) continue;
    *vertex = static_cast<datasets::VertexId>(v);
    return true;
  }
  return false;
}

datasets::VertexId DefaultBfsSource(const datasets::Graph& graph) {
  const uint64_t n = graph.num_vertices();
  // mt19937_64's sequence is fixed by the standard, so the choice is the same everywhere
  // (std::uniform_int_distribution is not).
  std::mt19937_64 random(1);
  const uint64_t start = random() % n;
  for (uint64_t i = 0; i < n; ++i) {
    const uint64_t v = (start + i) % n;
    if (graph.out.Degree(static_cast<datasets::VertexId>(v)) > 0) {
      return static_cast<datasets::VertexId>(v);
    }
  }
  return 0;
}

}  // namespace cost::harness
