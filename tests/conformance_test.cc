// LDBC Graphalytics conformance: every implementation in the system table, on every LDBC
// validation graph whose properties list its kernel ("pr" for PageRank, "wcc" for WCC, "bfs"
// for BFS), must match the graph's reference output under LDBC's rule (epsilon 1e-4 for
// PageRank, equivalence for WCC, exact for BFS, from the properties' bfs.source-vertex). The
// oracle (ReferenceValues) must pass the same check. Graphs are found by listing
// ../shared/conformance/ldbc, so a new graph folder or a new table row is picked up unchanged.
//
// A row with a known deviation (Implementation::deviation) is held to the opposite on the
// graphs that trigger it: it must fail there, and the measurement's message must name the
// deviation, so the row stays honest if the peer library ever changes.
//
// The LDBC reader itself is specified in ldbc_loader_test.cc.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <map>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/dataset_error.h"
#include "datasets/hilbert_layout.h"
#include "datasets/kernel_definitions.h"
#include "datasets/ldbc_loader.h"
#include "harness/run/implementations.h"
#include "harness/run/validation.h"

namespace cost::harness {
namespace {

namespace fs = std::filesystem;

std::string LdbcDir() { return std::string(COST_SHARED_DIR) + "/conformance/ldbc"; }

std::string PropertiesPath(const std::string& graph) {
  return LdbcDir() + "/" + graph + "/" + graph + ".properties";
}

// How a kernel is spelled in LDBC: the algorithms-list entry and the reference-output suffix.
struct LdbcAlgorithm {
  Kernel kernel;
  const char* algorithm;
  const char* output_suffix;
};
constexpr LdbcAlgorithm kLdbcAlgorithms[] = {
    {Kernel::kPageRank, "pr", "PR"},
    {Kernel::kWcc, "wcc", "WCC"},
    {Kernel::kBfs, "bfs", "BFS"},
};

const LdbcAlgorithm& LdbcAlgorithmOf(Kernel kernel) {
  for (const LdbcAlgorithm& a : kLdbcAlgorithms) {
    if (a.kernel == kernel) return a;
  }
  throw std::logic_error("kernel without an LDBC algorithm");
}

// One test: `implementation` (a table row name, or "reference" for the oracle) on `graph` (an
// LDBC folder name).
struct ConformanceCase {
  std::string implementation;
  Kernel kernel;
  std::string graph;
};

// So gtest names a case in its output instead of dumping its bytes.
void PrintTo(const ConformanceCase& c, std::ostream* os) {
  *os << c.implementation << " on " << c.graph;
}

// Every graph folder `<name>/<name>.properties` under conformance/ldbc, sorted, with the kernels
// its algorithms list names. A folder whose properties cannot be read is listed for every
// kernel, so its tests fail with the reader's message rather than vanish.
std::vector<std::pair<std::string, std::vector<Kernel>>> LdbcGraphs() {
  std::vector<std::pair<std::string, std::vector<Kernel>>> graphs;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(LdbcDir(), ec)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_directory() || !fs::is_regular_file(PropertiesPath(name))) continue;
    std::vector<Kernel> kernels;
    try {
      datasets::LdbcGraph properties = datasets::ReadLdbcProperties(PropertiesPath(name));
      for (const LdbcAlgorithm& a : kLdbcAlgorithms) {
        if (std::ranges::find(properties.algorithms, a.algorithm) != properties.algorithms.end()) {
          kernels.push_back(a.kernel);
        }
      }
    } catch (const datasets::DatasetError&) {
      for (const LdbcAlgorithm& a : kLdbcAlgorithms) kernels.push_back(a.kernel);
    }
    graphs.emplace_back(name, kernels);
  }
  std::ranges::sort(graphs);
  return graphs;
}

std::vector<ConformanceCase> ImplementationCases() {
  std::vector<ConformanceCase> cases;
  for (const Implementation& impl : Implementations()) {
    if (!RunsInProcess(impl)) continue;  // multiprocess rows: tests/mpi_test.cc runs them
    for (const auto& [graph, kernels] : LdbcGraphs()) {
      if (std::ranges::find(kernels, impl.kernel) != kernels.end()) {
        cases.push_back({std::string(impl.name), impl.kernel, graph});
      }
    }
  }
  return cases;
}

std::vector<ConformanceCase> ReferenceCases() {
  std::vector<ConformanceCase> cases;
  for (const LdbcAlgorithm& a : kLdbcAlgorithms) {
    for (const auto& [graph, kernels] : LdbcGraphs()) {
      if (std::ranges::find(kernels, a.kernel) != kernels.end()) {
        cases.push_back({"reference:" + std::string(KernelName(a.kernel)), a.kernel, graph});
      }
    }
  }
  return cases;
}

// "openmp:label-propagation" on "test-wcc-directed" ->
// "openmp_label_propagation_on_test_wcc_directed".
std::string CaseName(const testing::TestParamInfo<ConformanceCase>& info) {
  std::string name = info.param.implementation + "_on_" + info.param.graph;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

// A loaded LDBC graph, built the way its properties say, with the kernel parameters they give.
struct PreparedGraph {
  datasets::LdbcGraph ldbc;
  datasets::Graph graph;
  RunParams params;
};

PreparedGraph Prepare(const std::string& graph_name) {
  PreparedGraph prepared;
  prepared.ldbc = datasets::LoadLdbcGraph(PropertiesPath(graph_name));
  prepared.graph =
      datasets::BuildGraph(prepared.ldbc.edges, {.symmetrize = !prepared.ldbc.directed});
  prepared.params = {
      .threads = 2, .iterations = prepared.ldbc.pr_iterations, .damping = prepared.ldbc.pr_damping};
  if (prepared.ldbc.has_bfs_source &&
      !FindVertex(prepared.graph, prepared.ldbc.bfs_source, &prepared.params.source)) {
    throw std::runtime_error(graph_name + ": bfs.source-vertex is not a vertex of the graph");
  }
  return prepared;
}

// For a failure message: "original-id expected actual" per vertex (the graphs are tiny).
template <typename E, typename A>
std::string Table(const datasets::Graph& graph, const std::vector<E>& expected,
                  const std::vector<A>& actual) {
  std::ostringstream out;
  out.precision(17);
  out << "\noriginal-id expected actual (row = dense id)\n";
  for (size_t v = 0; v < graph.num_vertices(); ++v) {
    out << graph.original_ids[v] << ' ' << expected[v] << ' ';
    if (v < actual.size()) {
      out << actual[v];
    } else {
      out << '-';
    }
    out << '\n';
  }
  return out.str();
}

// The reference output `<graph>-<SUFFIX>` as an array in dense-id order. Every vertex of the
// graph must be listed, and nothing else.
template <typename T>
void ExpectedInDenseOrder(const std::map<uint64_t, T>& by_original_id, const datasets::Graph& graph,
                          std::vector<T>* expected) {
  ASSERT_EQ(graph.original_ids.size(), graph.num_vertices());
  ASSERT_EQ(by_original_id.size(), graph.num_vertices())
      << "reference output and graph disagree on the vertex count";
  for (uint64_t original : graph.original_ids) {
    auto it = by_original_id.find(original);
    ASSERT_NE(it, by_original_id.end()) << "vertex " << original << " missing from the output";
    expected->push_back(it->second);
  }
}

// The check against `<graph>-<SUFFIX>` under the kernel's LDBC rule. Fatal failures are for
// unusable inputs (a reference output that does not fit the graph, a wrong value type).
void CheckAgainstReferenceOutput(const ConformanceCase& c, const PreparedGraph& prepared,
                                 const Values& values, ValidationResult* result,
                                 std::string* table) {
  const std::string path =
      LdbcDir() + "/" + c.graph + "/" + c.graph + "-" + LdbcAlgorithmOf(c.kernel).output_suffix;
  const datasets::Graph& graph = prepared.graph;
  switch (c.kernel) {
    case Kernel::kPageRank: {
      std::vector<double> expected;
      ASSERT_NO_FATAL_FAILURE(
          ExpectedInDenseOrder(datasets::ReadVertexDoubles(path), graph, &expected));
      const auto* actual = std::get_if<std::vector<double>>(&values);
      ASSERT_NE(actual, nullptr) << "pagerank must return doubles";
      *result = ValidateEpsilon(expected, *actual, 1e-4);
      *table = Table(graph, expected, *actual);
      break;
    }
    case Kernel::kWcc: {
      std::vector<int64_t> labels;
      ASSERT_NO_FATAL_FAILURE(ExpectedInDenseOrder(datasets::ReadVertexInts(path), graph, &labels));
      const auto* actual = std::get_if<std::vector<uint32_t>>(&values);
      ASSERT_NE(actual, nullptr) << "wcc must return uint32 labels";
      *result = ValidateEquivalence(std::vector<uint64_t>(labels.begin(), labels.end()),
                                    std::vector<uint64_t>(actual->begin(), actual->end()));
      *table = Table(graph, labels, *actual);
      break;
    }
    case Kernel::kBfs: {
      ASSERT_TRUE(prepared.ldbc.has_bfs_source) << c.graph << " lists bfs but no source vertex";
      std::vector<int64_t> expected;
      ASSERT_NO_FATAL_FAILURE(
          ExpectedInDenseOrder(datasets::ReadVertexInts(path), graph, &expected));
      const auto* actual = std::get_if<std::vector<int64_t>>(&values);
      ASSERT_NE(actual, nullptr) << "bfs must return int64 depths";
      *result = ValidateExact(expected, *actual);
      *table = Table(graph, expected, *actual);
      break;
    }
  }
}

void ExpectMatchesReferenceOutput(const ConformanceCase& c, const PreparedGraph& prepared,
                                  const Values& values) {
  ValidationResult result;
  std::string table;
  ASSERT_NO_FATAL_FAILURE(CheckAgainstReferenceOutput(c, prepared, values, &result, &table));
  EXPECT_TRUE(result.ok) << result.message << table;
}

class ConformanceTest : public testing::TestWithParam<ConformanceCase> {};

TEST_P(ConformanceTest, MatchesLdbcReferenceOutput) {
  const ConformanceCase& c = GetParam();
  const Implementation* impl = FindImplementation(c.implementation);
  ASSERT_NE(impl, nullptr);
  PreparedGraph prepared = Prepare(c.graph);
  // Rows that read an edge layout get it added, as `--layout` would when preparing the file.
  Values values = RunInProcess(
      *impl, datasets::WithHilbertLayout(prepared.graph, impl->requires_layout), prepared.params);
  if (!impl->deviation.empty() && impl->deviation_applies != nullptr &&
      impl->deviation_applies(prepared.graph)) {
    // The documented deviation: the output must differ from LDBC's, and what a measurement
    // reports must say so, with the deviation named.
    ValidationResult ldbc;
    std::string table;
    ASSERT_NO_FATAL_FAILURE(CheckAgainstReferenceOutput(c, prepared, values, &ldbc, &table));
    EXPECT_FALSE(ldbc.ok) << impl->name << " matches LDBC on " << c.graph
                          << " although its deviation applies: update the row" << table;
    ValidationResult reported = ValidateOutput(c.kernel, prepared.graph, prepared.params, values);
    NoteDeviation(*impl, prepared.graph, &reported);
    EXPECT_FALSE(reported.ok);
    EXPECT_EQ(reported.message.rfind("known deviation: " + std::string(impl->deviation), 0), 0u)
        << reported.message;
    return;
  }
  ExpectMatchesReferenceOutput(c, prepared, values);
}

INSTANTIATE_TEST_SUITE_P(Ldbc, ConformanceTest, testing::ValuesIn(ImplementationCases()), CaseName);

// The oracle every `cost run` validates against must itself be conformant.
class ReferenceConformanceTest : public testing::TestWithParam<ConformanceCase> {};

TEST_P(ReferenceConformanceTest, MatchesLdbcReferenceOutput) {
  const ConformanceCase& c = GetParam();
  PreparedGraph prepared = Prepare(c.graph);
  ExpectMatchesReferenceOutput(c, prepared,
                               ReferenceValues(c.kernel, prepared.graph, prepared.params));
}

INSTANTIATE_TEST_SUITE_P(Ldbc, ReferenceConformanceTest, testing::ValuesIn(ReferenceCases()),
                         CaseName);

// The linear proof a measurement validates BFS with accepts LDBC's own answers, and rejects
// them once one reached vertex is moved a level down.
TEST(LdbcBfsTest, VerifierAcceptsEveryReferenceOutput) {
  for (const auto& [graph_name, kernels] : LdbcGraphs()) {
    if (std::ranges::find(kernels, Kernel::kBfs) == kernels.end()) continue;
    SCOPED_TRACE(graph_name);
    PreparedGraph prepared = Prepare(graph_name);
    std::vector<int64_t> expected;
    ASSERT_NO_FATAL_FAILURE(ExpectedInDenseOrder(
        datasets::ReadVertexInts(LdbcDir() + "/" + graph_name + "/" + graph_name + "-BFS"),
        prepared.graph, &expected));
    ValidationResult result = VerifyBfsDepths(prepared.graph, prepared.params.source, expected);
    EXPECT_TRUE(result.ok) << result.message;
    auto deepest = std::ranges::max_element(expected, [](int64_t a, int64_t b) {
      return (a == datasets::kUnreachable ? -1 : a) < (b == datasets::kUnreachable ? -1 : b);
    });
    ++*deepest;
    EXPECT_FALSE(VerifyBfsDepths(prepared.graph, prepared.params.source, expected).ok);
  }
}

TEST(LdbcSuiteTest, FindsTheExpectedGraphs) {
  std::vector<std::string> pagerank, wcc, bfs;
  for (const auto& [graph, kernels] : LdbcGraphs()) {
    if (std::ranges::find(kernels, Kernel::kPageRank) != kernels.end()) pagerank.push_back(graph);
    if (std::ranges::find(kernels, Kernel::kWcc) != kernels.end()) wcc.push_back(graph);
    if (std::ranges::find(kernels, Kernel::kBfs) != kernels.end()) bfs.push_back(graph);
  }
  EXPECT_EQ(bfs, (std::vector<std::string>{"example-directed", "example-undirected",
                                           "test-bfs-directed", "test-bfs-undirected"}));
  EXPECT_EQ(pagerank, (std::vector<std::string>{"example-directed", "example-undirected",
                                                "test-pr-directed", "test-pr-undirected"}));
  EXPECT_EQ(wcc, (std::vector<std::string>{"example-directed", "example-undirected",
                                           "test-wcc-directed", "test-wcc-undirected"}));
}

}  // namespace
}  // namespace cost::harness
