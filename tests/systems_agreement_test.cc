// Every implementation in the table agrees with the independent reference on generated graphs,
// at several thread counts.
#include <gtest/gtest.h>

#include <set>

#include "datasets/csr_build.h"
#include "datasets/kronecker.h"
#include "harness/systems.h"
#include "harness/validation.h"

namespace cost {
namespace {

struct GeneratedGraph {
  std::string name;
  datasets::Graph graph;
};

const std::vector<GeneratedGraph>& Graphs() {
  static const std::vector<GeneratedGraph> graphs = [] {
    const datasets::EdgeList kron = datasets::GenerateKronecker({.scale = 12, .edge_factor = 8, .seed = 7});
    // A sparse directed graph with many small components, sinks and isolated vertices.
    const datasets::EdgeList sparse = datasets::GenerateKronecker({.scale = 11, .edge_factor = 1, .seed = 3});
    return std::vector<GeneratedGraph>{
        {"kron12_symmetric", datasets::BuildGraph(kron, {.symmetrize = true})},
        {"kron12_directed", datasets::BuildGraph(kron, {.symmetrize = false})},
        {"kron11_sparse_directed", datasets::BuildGraph(sparse, {.symmetrize = false})},
    };
  }();
  return graphs;
}

TEST(SystemsAgreement, EveryImplementationMatchesTheReference) {
  for (const GeneratedGraph& g : Graphs()) {
    for (const harness::Implementation& impl : harness::Implementations()) {
      const harness::RunParams base{.iterations = 20};
      const harness::Values expected = harness::ReferenceValues(impl.kernel, g.graph, base);
      for (int threads : {1, 2, 4}) {
        if (impl.kind == harness::Kind::kSingleThreaded && threads > 1) continue;
        harness::RunParams params = base;
        params.threads = threads;
        const harness::ValidationResult check =
            harness::ValidateValues(impl.kernel, expected, impl.run(g.graph, params));
        EXPECT_TRUE(check.ok) << impl.name << " on " << g.name << " with " << threads
                              << " threads: " << check.message;
      }
    }
  }
}

TEST(SystemsAgreement, TableNamesAreUniqueAndWellFormed) {
  std::set<std::string_view> names;
  for (const harness::Implementation& impl : harness::Implementations()) {
    EXPECT_TRUE(names.insert(impl.name).second) << "duplicate " << impl.name;
    EXPECT_TRUE(impl.name.starts_with(std::string(impl.system) + ":")) << impl.name;
    EXPECT_EQ(harness::FindImplementation(impl.name), &impl);
    EXPECT_NE(impl.run, nullptr);
  }
  EXPECT_EQ(harness::FindImplementation("nope:nothing"), nullptr);
}

}  // namespace
}  // namespace cost
