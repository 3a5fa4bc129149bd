// Every implementation in the table on small graphs with the expected value per vertex.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/grid_graph.h"
#include "datasets/hilbert_layout.h"
#include "datasets/kernel_definitions.h"
#include "datasets/kronecker.h"
#include "datasets/uniform_graph.h"
#include "harness/run/implementations.h"
#include "harness/run/validation.h"
#include "tests/parallel_test_support.h"

namespace cost {
namespace {

using harness::Implementation;
using harness::Kernel;
using testing_support::SmallestIdLabels;

datasets::Graph MakeGraph(uint64_t n, std::vector<std::pair<uint32_t, uint32_t>> edges,
                          bool symmetrize = false) {
  datasets::EdgeList list;
  list.num_vertices = n;
  for (auto [u, v] : edges) {
    list.src.push_back(u);
    list.dst.push_back(v);
  }
  return datasets::BuildGraph(list, {.symmetrize = symmetrize});
}

// True when impl documents a deviation from the kernel's definition that changes its output on g.
bool DeviationApplies(const Implementation& impl, const datasets::Graph& g) {
  return !impl.deviation.empty() && impl.deviation_applies != nullptr && impl.deviation_applies(g);
}

// Runs impl on g with the edge layout it reads added (g itself for the CSR-only rows).
harness::Values RunWithLayout(const Implementation& impl, const datasets::Graph& g,
                              const harness::RunParams& params) {
  return harness::RunInProcess(impl, datasets::WithHilbertLayout(g, impl.requires_layout), params);
}

std::vector<const Implementation*> ImplementationsOf(Kernel kernel) {
  std::vector<const Implementation*> result;
  for (const Implementation& impl : harness::Implementations()) {
    // Multiprocess rows have no in-process run; tests/mpi_test.cc runs them under mpirun.
    if (impl.kernel == kernel && harness::RunsInProcess(impl)) result.push_back(&impl);
  }
  return result;
}

//   0 --> 1
//   |     |        3 (isolated: no out-edges, so its rank is dangling mass)
//   v     v
//   2 <---'   and 2 --> 0
// One iteration from rank 1/4, d = 0.85: dangling = 0.25, base = 0.15/4 + 0.85*0.25/4 = 0.090625
//   r0 = base + 0.85 * r2/1             = 0.303125
//   r1 = base + 0.85 * r0/2             = 0.196875
//   r2 = base + 0.85 * (r0/2 + r1/1)    = 0.409375
//   r3 = base                           = 0.090625
// An implementation whose documented deviation applies here (bgl:pagerank: no dangling term)
// must give exactly that step without the dangling share: base' = 0.15/4 = 0.0375, so
//   r0 = 0.25, r1 = 0.14375, r2 = 0.35625, r3 = 0.0375.
TEST(PageRank, OneIterationByHand) {
  const datasets::Graph g = MakeGraph(4, {{0, 1}, {0, 2}, {1, 2}, {2, 0}});
  for (const Implementation* impl : ImplementationsOf(Kernel::kPageRank)) {
    const bool drops_dangling = DeviationApplies(*impl, g);
    if (drops_dangling) {
      ASSERT_THAT(std::string(impl->deviation), testing::HasSubstr("dangling"));
    }
    const std::vector<double> expected =
        drops_dangling ? std::vector<double>{0.25, 0.14375, 0.35625, 0.0375}
                       : std::vector<double>{0.303125, 0.196875, 0.409375, 0.090625};
    for (int threads : {1, 2, 3}) {
      if (impl->kind == harness::Kind::kSingleThreaded && threads > 1) continue;
      SCOPED_TRACE(std::string(impl->name) + " threads=" + std::to_string(threads));
      const auto rank = std::get<std::vector<double>>(
          RunWithLayout(*impl, g, {.threads = threads, .iterations = 1}));
      ASSERT_EQ(rank.size(), 4u);
      for (size_t v = 0; v < 4; ++v) EXPECT_NEAR(rank[v], expected[v], 1e-12) << "vertex " << v;
    }
  }
}

//   0 --> 1 --> 2 --> 0   and 0 --> 2, 3 --> 0      (every vertex has an out-edge: no sinks)
// Every implementation, deviating ones included, computes the definition here.
TEST(PageRank, NoSinksEveryImplementationMatchesTheReference) {
  const datasets::Graph g = MakeGraph(4, {{0, 1}, {1, 2}, {2, 0}, {0, 2}, {3, 0}});
  const harness::RunParams params{.iterations = 20};
  const harness::Values expected = harness::ReferenceValues(Kernel::kPageRank, g, params);
  for (const Implementation* impl : ImplementationsOf(Kernel::kPageRank)) {
    EXPECT_FALSE(DeviationApplies(*impl, g)) << impl->name;
    const harness::ValidationResult check =
        harness::ValidateValues(Kernel::kPageRank, expected, RunWithLayout(*impl, g, params));
    EXPECT_TRUE(check.ok) << impl->name << ": " << check.message;
  }
}

// Zero iterations leave the start value 1/n; twenty keep the total mass at 1 (dangling mass is
// spread, not dropped), except where an implementation's documented deviation drops it.
TEST(PageRank, StartValueAndMassConservation) {
  const datasets::Graph g = MakeGraph(4, {{0, 1}, {0, 2}, {1, 2}, {2, 0}});
  for (const Implementation* impl : ImplementationsOf(Kernel::kPageRank)) {
    SCOPED_TRACE(impl->name);
    const auto start = std::get<std::vector<double>>(RunWithLayout(*impl, g, {.iterations = 0}));
    EXPECT_THAT(start, testing::Each(testing::DoubleEq(0.25)));
    const auto rank = std::get<std::vector<double>>(RunWithLayout(*impl, g, {.iterations = 20}));
    const double total = std::accumulate(rank.begin(), rank.end(), 0.0);
    if (DeviationApplies(*impl, g)) {
      EXPECT_LT(total, 0.99);
    } else {
      // Rows with float working arrays round every share to 24 bits: mass holds to ~1e-7.
      const bool float_shares = impl->precision == harness::Precision::kFloat;
      EXPECT_NEAR(total, 1.0, float_shares ? 1e-6 : 1e-12);
    }
  }
}

TEST(PageRank, EmptyGraph) {
  const datasets::Graph g = MakeGraph(0, {});
  for (const Implementation* impl : ImplementationsOf(Kernel::kPageRank)) {
    EXPECT_TRUE(std::get<std::vector<double>>(RunWithLayout(*impl, g, {})).empty()) << impl->name;
  }
}

//   0 <-- 1 --> 2      3 <-- 4      5
// Components {0,1,2}, {3,4}, {5}; edge direction does not matter.
TEST(Wcc, ThreeComponents) {
  const datasets::Graph g = MakeGraph(6, {{1, 0}, {1, 2}, {4, 3}});
  for (const Implementation* impl : ImplementationsOf(Kernel::kWcc)) {
    for (int threads : {1, 2, 3}) {
      if (impl->kind == harness::Kind::kSingleThreaded && threads > 1) continue;
      SCOPED_TRACE(std::string(impl->name) + " threads=" + std::to_string(threads));
      const auto label =
          std::get<std::vector<uint32_t>>(RunWithLayout(*impl, g, {.threads = threads}));
      ASSERT_EQ(label.size(), 6u);
      EXPECT_EQ(label[0], label[1]);
      EXPECT_EQ(label[1], label[2]);
      EXPECT_EQ(label[3], label[4]);
      EXPECT_NE(label[0], label[3]);
      EXPECT_NE(label[0], label[5]);
      EXPECT_NE(label[3], label[5]);
    }
  }
}

// Label propagation labels each component by its smallest id.
//   5 --> 4 --> 3 --> 2 --> 1 --> 0      (a path whose edges point toward the smallest id)
TEST(Wcc, LabelPropagationLabelsBySmallestId) {
  const datasets::Graph path = MakeGraph(6, {{5, 4}, {4, 3}, {3, 2}, {2, 1}, {1, 0}});
  const datasets::Graph split = MakeGraph(6, {{1, 0}, {1, 2}, {4, 3}});
  for (const char* name : {"serial:label-propagation", "serial:label-propagation-hilbert",
                           "openmp:label-propagation"}) {
    const Implementation* impl = harness::FindImplementation(name);
    ASSERT_NE(impl, nullptr) << name;
    EXPECT_THAT(std::get<std::vector<uint32_t>>(RunWithLayout(*impl, path, {.threads = 2})),
                testing::ElementsAre(0, 0, 0, 0, 0, 0));
    EXPECT_THAT(std::get<std::vector<uint32_t>>(RunWithLayout(*impl, split, {.threads = 2})),
                testing::ElementsAre(0, 0, 0, 3, 3, 5));
  }
}

// Union-find labels are roots: each label is a member of its own component.
TEST(Wcc, UnionFindLabelsAreRoots) {
  const datasets::Graph g = MakeGraph(6, {{1, 0}, {1, 2}, {4, 3}});
  for (const char* name :
       {"serial:union-find", "serial:union-find-hilbert", "serial:afforest", "bgl:union-find"}) {
    const Implementation* impl = harness::FindImplementation(name);
    ASSERT_NE(impl, nullptr) << name;
    const auto label = std::get<std::vector<uint32_t>>(RunWithLayout(*impl, g, {}));
    for (uint32_t v = 0; v < 6; ++v) {
      EXPECT_EQ(label[label[v]], label[v]) << name << " vertex " << v;
    }
  }
}

// BGL's trap: connected_components on a directed CSR. Searching out-edges from 0 in
//   3 --> 2 --> 1 --> 0
// finds nothing, so each vertex would be its own component. Every WCC implementation
// (bgl:connected-components symmetrises first) must put all four together, in either direction.
TEST(Wcc, DirectedChainIsOneComponent) {
  const datasets::Graph g = MakeGraph(4, {{0, 1}, {1, 2}, {2, 3}});
  const datasets::Graph reversed = MakeGraph(4, {{3, 2}, {2, 1}, {1, 0}});
  for (const Implementation* impl : ImplementationsOf(Kernel::kWcc)) {
    for (const datasets::Graph* graph : {&g, &reversed}) {
      const auto label = std::get<std::vector<uint32_t>>(RunWithLayout(*impl, *graph, {}));
      EXPECT_THAT(label, testing::Each(label[0])) << impl->name;
    }
  }
}

// A row that reads an edge layout refuses a graph without it (the CSR alone, or the other
// Hilbert layout) instead of computing over another edge order, and says how to prepare it.
TEST(Layouts, RowsRefuseGraphsWithoutTheirLayout) {
  const datasets::Graph csr = MakeGraph(4, {{0, 1}, {0, 2}, {1, 2}, {2, 0}});
  const datasets::Graph arrays = datasets::WithHilbertLayout(csr, datasets::EdgeLayout::kHilbert);
  const datasets::Graph stream =
      datasets::WithHilbertLayout(csr, datasets::EdgeLayout::kCompressed);
  int rows = 0;
  for (const Implementation& impl : harness::Implementations()) {
    if (impl.requires_layout == datasets::EdgeLayout::kVertex) continue;
    ++rows;
    const bool wants_arrays = impl.requires_layout == datasets::EdgeLayout::kHilbert;
    const std::string option =
        std::string("--layout ") + datasets::EdgeLayoutName(impl.requires_layout);
    for (const datasets::Graph* g : {&csr, wants_arrays ? &stream : &arrays}) {
      try {
        harness::RunInProcess(impl, *g, {.iterations = 1});
        ADD_FAILURE() << impl.name << " ran without its layout";
      } catch (const std::invalid_argument& e) {
        EXPECT_THAT(e.what(), testing::HasSubstr("graph has no ")) << impl.name;
        EXPECT_THAT(e.what(), testing::HasSubstr(option)) << impl.name;
      }
    }
    EXPECT_NO_THROW(harness::RunInProcess(impl, wants_arrays ? arrays : stream, {.iterations = 1}))
        << impl.name;
  }
  EXPECT_GE(rows, 4);  // serial:pagerank-hilbert(-compressed), label-propagation/union-find-hilbert
}

//   4 --> 0 --> 1 --> 2 --> 3      5 (isolated)
//         '-----------^
// Out-edges only: from 0, vertex 4 is unreachable (its edge points at 0) and so is 5.
TEST(Bfs, DepthsByHand) {
  const datasets::Graph g = MakeGraph(6, {{4, 0}, {0, 1}, {1, 2}, {2, 3}, {0, 2}});
  constexpr int64_t kNo = datasets::kUnreachable;
  for (const Implementation* impl : ImplementationsOf(Kernel::kBfs)) {
    SCOPED_TRACE(impl->name);
    EXPECT_THAT(std::get<std::vector<int64_t>>(RunWithLayout(*impl, g, {.source = 0})),
                testing::ElementsAre(0, 1, 1, 2, kNo, kNo));
    EXPECT_THAT(std::get<std::vector<int64_t>>(RunWithLayout(*impl, g, {.source = 4})),
                testing::ElementsAre(1, 2, 2, 3, 0, kNo));
    EXPECT_THAT(std::get<std::vector<int64_t>>(RunWithLayout(*impl, g, {.source = 5})),
                testing::ElementsAre(kNo, kNo, kNo, kNo, kNo, 0));
  }
}

// The same path symmetrised: every vertex of the path is reached, at its distance along it.
TEST(Bfs, SymmetricPath) {
  const datasets::Graph g = MakeGraph(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}}, /*symmetrize=*/true);
  for (const Implementation* impl : ImplementationsOf(Kernel::kBfs)) {
    EXPECT_THAT(std::get<std::vector<int64_t>>(RunWithLayout(*impl, g, {.source = 2})),
                testing::ElementsAre(2, 1, 0, 1, 2))
        << impl->name;
  }
}

TEST(Bfs, EmptyGraph) {
  const datasets::Graph g = MakeGraph(0, {});
  for (const Implementation* impl : ImplementationsOf(Kernel::kBfs)) {
    EXPECT_TRUE(std::get<std::vector<int64_t>>(RunWithLayout(*impl, g, {})).empty()) << impl->name;
  }
}

TEST(Bfs, EveryKernelHasAnImplementation) {
  for (Kernel kernel : {Kernel::kPageRank, Kernel::kWcc, Kernel::kBfs}) {
    EXPECT_FALSE(ImplementationsOf(kernel).empty()) << harness::KernelName(kernel);
    Kernel parsed;
    ASSERT_TRUE(harness::ParseKernel(harness::KernelName(kernel), &parsed));
    EXPECT_EQ(parsed, kernel);
  }
}

//   0 --> 1      2      3 --> 4
// Vertices with out-edges: 0 and 3. Whatever the seed draws, the default source is one of them,
// and the same on every call; a graph without edges falls back to vertex 0.
TEST(Bfs, DefaultSourceHasOutEdgesAndIsDeterministic) {
  const datasets::Graph g = MakeGraph(5, {{0, 1}, {3, 4}});
  const datasets::VertexId source = harness::DefaultBfsSource(g);
  EXPECT_THAT(source, testing::AnyOf(0u, 3u));
  EXPECT_EQ(harness::DefaultBfsSource(g), source);
  EXPECT_EQ(harness::DefaultBfsSource(MakeGraph(3, {})), 0u);
}

TEST(Bfs, FindVertexMapsOriginalIds) {
  datasets::EdgeList list;
  list.num_vertices = 3;
  list.src = {0};
  list.dst = {2};
  list.original_ids = {10, 20, 30};
  const datasets::Graph g = datasets::BuildGraph(list, {});
  datasets::VertexId v = 99;
  ASSERT_TRUE(harness::FindVertex(g, 30, &v));
  EXPECT_EQ(v, 2u);
  EXPECT_FALSE(harness::FindVertex(g, 2, &v));
}

// The optimised single threads (serial:pagerank-hilbert-float, serial:afforest,
// serial:bfs-direction-optimizing) against the simple rows, vertex by vertex, on generated graphs
// with the shapes that break shortcuts: a symmetric Kronecker graph (a giant component, isolated
// vertices, a frontier that grows fast enough to go bottom-up), the same directed (sinks and
// sources: bottom-up must read in-edges, Afforest must not skip a vertex reached only by an
// in-edge), a grid with dropped edges (high diameter, many components, no giant one in the
// directed form) and a sparse uniform graph with mostly isolated vertices.
std::vector<std::pair<std::string, datasets::Graph>> ShortcutBreakingGraphs() {
  std::vector<std::pair<std::string, datasets::Graph>> graphs;
  const datasets::KroneckerOptions kron{.scale = 12, .edge_factor = 8, .seed = 3};
  const datasets::EdgeList kron_edges = datasets::GenerateKronecker(kron);
  graphs.emplace_back("kron-12-sym", datasets::BuildGraph(kron_edges, {.symmetrize = true}));
  graphs.emplace_back("kron-12-directed", datasets::BuildGraph(kron_edges, {}));
  const datasets::GridOptions grid{.rows = 40, .cols = 50, .drop_probability = 0.3, .seed = 5};
  graphs.emplace_back("grid-sym",
                      datasets::BuildGraph(datasets::GenerateGrid(grid), {.symmetrize = true}));
  graphs.emplace_back("grid-directed", datasets::BuildGraph(datasets::GenerateGrid(grid), {}));
  const datasets::UniformOptions sparse{.num_vertices = 3000, .num_edges = 2000, .seed = 9};
  graphs.emplace_back("uniform-sparse",
                      datasets::BuildGraph(datasets::GenerateUniform(sparse), {}));
  return graphs;
}

TEST(OptimisedSerial, AgreesWithTheSimpleRowsVertexByVertex) {
  const Implementation* pull = harness::FindImplementation("serial:pagerank");
  const Implementation* pagerank = harness::FindImplementation("serial:pagerank-hilbert-float");
  const Implementation* union_find = harness::FindImplementation("serial:union-find");
  const Implementation* afforest = harness::FindImplementation("serial:afforest");
  const Implementation* bfs = harness::FindImplementation("serial:bfs");
  const Implementation* bfs_do = harness::FindImplementation("serial:bfs-direction-optimizing");
  for (const Implementation* impl : {pull, pagerank, union_find, afforest, bfs, bfs_do}) {
    ASSERT_NE(impl, nullptr);
  }
  for (const auto& [name, g] : ShortcutBreakingGraphs()) {
    SCOPED_TRACE(name);
    const harness::RunParams params{.iterations = 20};
    const auto expected_rank = std::get<std::vector<double>>(RunWithLayout(*pull, g, params));
    const auto rank = std::get<std::vector<double>>(RunWithLayout(*pagerank, g, params));
    ASSERT_EQ(rank.size(), expected_rank.size());
    for (size_t v = 0; v < rank.size(); ++v) {
      ASSERT_NEAR(rank[v], expected_rank[v], 1e-5 * expected_rank[v]) << "vertex " << v;
    }
    EXPECT_EQ(SmallestIdLabels(std::get<std::vector<uint32_t>>(RunWithLayout(*afforest, g, {}))),
              SmallestIdLabels(std::get<std::vector<uint32_t>>(RunWithLayout(*union_find, g, {}))));
    for (uint32_t source :
         {0u, 17u, static_cast<uint32_t>(g.num_vertices() - 1), harness::DefaultBfsSource(g)}) {
      SCOPED_TRACE("source " + std::to_string(source));
      EXPECT_EQ(std::get<std::vector<int64_t>>(RunWithLayout(*bfs_do, g, {.source = source})),
                std::get<std::vector<int64_t>>(RunWithLayout(*bfs, g, {.source = source})));
    }
  }
}

}  // namespace
}  // namespace cost
