// Every implementation in the table agrees with the independent reference on generated graphs
// (Kronecker graphs dense and sparse, directed and symmetric; a grid with dropped edges; a graph
// with fewer vertices than threads), at 1, 2 and 4 threads. BFS is checked twice: against the
// relaxation reference and with the linear proof measurements use (VerifyBfsDepths), from the
// default source. A row with a documented deviation must fail exactly where its deviation
// applies, naming it.
#include <gtest/gtest.h>

#include <set>

#include "datasets/csr_build.h"
#include "datasets/grid_graph.h"
#include "datasets/hilbert_layout.h"
#include "datasets/kronecker.h"
#include "harness/run/implementations.h"
#include "harness/run/validation.h"

namespace cost {
namespace {

struct GeneratedGraph {
  std::string name;
  datasets::Graph graph;
};

const std::vector<GeneratedGraph>& Graphs() {
  static const std::vector<GeneratedGraph> graphs = [] {
    const datasets::EdgeList kron =
        datasets::GenerateKronecker({.scale = 12, .edge_factor = 8, .seed = 7});
    // A sparse directed graph with many small components, sinks and isolated vertices.
    const datasets::EdgeList sparse =
        datasets::GenerateKronecker({.scale = 11, .edge_factor = 1, .seed = 3});
    // Kronecker graphs have isolated vertices (sinks); a ring through every vertex removes
    // them, so implementations that deviate only on sinks are checked on a large graph too.
    datasets::EdgeList ringed = kron;
    for (uint32_t v = 0; v < ringed.num_vertices; ++v) {
      ringed.src.push_back(v);
      ringed.dst.push_back(static_cast<uint32_t>((v + 1) % ringed.num_vertices));
    }
    // A grid with dropped edges: high diameter and several components, so many label
    // propagation passes and long BFS runs.
    const datasets::EdgeList grid =
        datasets::GenerateGrid({.rows = 40, .cols = 50, .drop_probability = 0.1, .seed = 2});
    // Fewer vertices than threads:   1 --> 0
    datasets::EdgeList tiny;
    tiny.num_vertices = 2;
    tiny.src = {1};
    tiny.dst = {0};
    return std::vector<GeneratedGraph>{
        {"kron12_directed_ring_no_sinks", datasets::BuildGraph(ringed, {.symmetrize = false})},
        {"kron12_symmetric", datasets::BuildGraph(kron, {.symmetrize = true})},
        {"kron12_directed", datasets::BuildGraph(kron, {.symmetrize = false})},
        {"kron11_sparse_directed", datasets::BuildGraph(sparse, {.symmetrize = false})},
        {"grid_directed", datasets::BuildGraph(grid, {.symmetrize = false})},
        {"grid_symmetric", datasets::BuildGraph(grid, {.symmetrize = true})},
        {"two_vertices", datasets::BuildGraph(tiny, {.symmetrize = false})},
    };
  }();
  return graphs;
}

TEST(SystemsAgreement, EveryImplementationMatchesTheReference) {
  for (const GeneratedGraph& g : Graphs()) {
    for (const harness::Implementation& impl : harness::Implementations()) {
      // Multiprocess rows run under mpirun: mpi_test.cc.
      if (!harness::RunsInProcess(impl)) continue;
      const harness::RunParams base{.iterations = 20, .source = harness::DefaultBfsSource(g.graph)};
      const harness::Values expected = harness::ReferenceValues(impl.kernel, g.graph, base);
      const bool deviates = !impl.deviation.empty() && impl.deviation_applies != nullptr &&
                            impl.deviation_applies(g.graph);
      for (int threads : {1, 2, 4}) {
        if (impl.kind == harness::Kind::kSingleThreaded && threads > 1) continue;
        harness::RunParams params = base;
        params.threads = threads;
        const harness::Values actual = harness::RunInProcess(
            impl, datasets::WithHilbertLayout(g.graph, impl.requires_layout), params);
        harness::ValidationResult check = harness::ValidateValues(impl.kernel, expected, actual);
        const std::string where = std::string(impl.name) + " on " + g.name + " with " +
                                  std::to_string(threads) + " threads: ";
        if (deviates) {
          EXPECT_FALSE(check.ok) << where << "matches although its deviation applies";
          harness::NoteDeviation(impl, g.graph, &check);
          EXPECT_TRUE(check.message.starts_with("known deviation: ")) << where << check.message;
          continue;
        }
        EXPECT_TRUE(check.ok) << where << check.message;
        const harness::ValidationResult measured =
            harness::ValidateOutput(impl.kernel, g.graph, params, actual);
        EXPECT_TRUE(measured.ok) << where << measured.message;
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
    // Every row runs in-process, except multiprocess rows, which run under mpirun instead.
    EXPECT_EQ(!harness::RunsInProcess(impl), impl.kind == harness::Kind::kMultiprocess)
        << impl.name;
  }
  EXPECT_EQ(harness::FindImplementation("nope:nothing"), nullptr);
}

}  // namespace
}  // namespace cost
