// PageRank over igraph's compressed sparse matrix: the LDBC definition, one
// igraph_sparsemat_gaxpy (y = A x + y) per step. igraph_pagerank itself (PRPACK) solves for the
// fixed point and cannot take a step count (igraph_peer.h says why that matters).
#include <igraph.h>

#include "baselines/igraph/igraph_check.h"
#include "baselines/igraph/igraph_peer.h"

namespace cost::baselines::igraph {
namespace {

// An igraph_vector_t freed when it goes out of scope.
struct RealVector {
  explicit RealVector(igraph_integer_t size) {
    Check(igraph_vector_init(&v, size), "igraph_vector_init");
  }
  ~RealVector() { igraph_vector_destroy(&v); }
  RealVector(const RealVector&) = delete;
  RealVector& operator=(const RealVector&) = delete;
  igraph_real_t& operator[](igraph_integer_t i) { return VECTOR(v)[i]; }
  igraph_vector_t v;
};

}  // namespace

struct IgraphPageRankMatrix::State {
  igraph_sparsemat_t matrix;  // column-compressed: column u holds u's out-neighbours
  std::vector<uint32_t> out_degree;
};

IgraphPageRankMatrix::IgraphPageRankMatrix(const datasets::Graph& graph)
    : state_(std::make_unique<State>()) {
  UseReturnCodes();
  const auto n = static_cast<igraph_integer_t>(graph.num_vertices());
  // igraph's own construction: entries into a triplet matrix, then igraph_sparsemat_compress.
  igraph_sparsemat_t triplets;
  Check(igraph_sparsemat_init(&triplets, n, n, static_cast<igraph_integer_t>(graph.num_edges())),
        "igraph_sparsemat_init");
  state_->out_degree.resize(graph.num_vertices());
  igraph_error_t code = IGRAPH_SUCCESS;
  for (uint64_t u = 0; u < graph.num_vertices() && code == IGRAPH_SUCCESS; ++u) {
    const auto neighbours = graph.out.Neighbors(static_cast<datasets::VertexId>(u));
    state_->out_degree[u] = static_cast<uint32_t>(neighbours.size());
    for (datasets::VertexId v : neighbours) {
      code = igraph_sparsemat_entry(&triplets, v, static_cast<igraph_integer_t>(u), 1.0);
      if (code != IGRAPH_SUCCESS) break;
    }
  }
  if (code == IGRAPH_SUCCESS) code = igraph_sparsemat_compress(&triplets, &state_->matrix);
  igraph_sparsemat_destroy(&triplets);
  Check(code, "igraph_sparsemat_entry/compress");
}

IgraphPageRankMatrix::~IgraphPageRankMatrix() { igraph_sparsemat_destroy(&state_->matrix); }

std::vector<double> IgraphPageRankMatrix::PageRank(const datasets::PageRankOptions& options) const {
  const auto n = static_cast<igraph_integer_t>(state_->out_degree.size());
  if (n == 0) return {};
  const double d = options.damping;
  RealVector rank(n), share(n), next(n);
  for (igraph_integer_t v = 0; v < n; ++v) rank[v] = 1.0 / static_cast<double>(n);
  for (int step = 0; step < options.iterations; ++step) {
    double dangling = 0;
    for (igraph_integer_t u = 0; u < n; ++u) {
      const uint32_t degree = state_->out_degree[u];
      share[u] = degree == 0 ? 0.0 : d * rank[u] / degree;
      if (degree == 0) dangling += rank[u];
    }
    const double base = (1.0 - d) / static_cast<double>(n) + d * dangling / static_cast<double>(n);
    igraph_vector_fill(&next.v, base);
    Check(igraph_sparsemat_gaxpy(&state_->matrix, &share.v, &next.v), "igraph_sparsemat_gaxpy");
    igraph_vector_swap(&rank.v, &next.v);
  }
  return std::vector<double>(VECTOR(rank.v), VECTOR(rank.v) + n);
}

}  // namespace cost::baselines::igraph
