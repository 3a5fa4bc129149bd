// igraph's own graph, built from our CSR with igraph_create, and its WCC and BFS kernels.
#include <igraph.h>

#include "baselines/igraph/igraph_check.h"
#include "baselines/igraph/igraph_peer.h"

namespace cost::baselines::igraph {
namespace {

// An igraph_vector_int_t freed when it goes out of scope.
struct IntVector {
  explicit IntVector(igraph_integer_t size) {
    Check(igraph_vector_int_init(&v, size), "igraph_vector_int_init");
  }
  ~IntVector() { igraph_vector_int_destroy(&v); }
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;
  igraph_integer_t size() const { return igraph_vector_int_size(&v); }
  igraph_integer_t operator[](igraph_integer_t i) const { return VECTOR(v)[i]; }
  igraph_vector_int_t v;
};

}  // namespace

struct IgraphGraph::State {
  igraph_t graph;
};

IgraphGraph::IgraphGraph(const datasets::Graph& graph) : state_(std::make_unique<State>()) {
  UseReturnCodes();
  // The edge vector igraph_create takes: (from, to) pairs, 64-bit ids. It is part of the
  // preparation, as a user reading our arcs into igraph would build it.
  IntVector edges(static_cast<igraph_integer_t>(2 * graph.num_edges()));
  igraph_integer_t at = 0;
  for (uint64_t u = 0; u < graph.num_vertices(); ++u) {
    for (datasets::VertexId v : graph.out.Neighbors(static_cast<datasets::VertexId>(u))) {
      VECTOR(edges.v)[at++] = static_cast<igraph_integer_t>(u);
      VECTOR(edges.v)[at++] = static_cast<igraph_integer_t>(v);
    }
  }
  Check(igraph_create(&state_->graph, &edges.v, static_cast<igraph_integer_t>(graph.num_vertices()),
                      IGRAPH_DIRECTED),
        "igraph_create");
}

IgraphGraph::~IgraphGraph() { igraph_destroy(&state_->graph); }

std::vector<uint32_t> IgraphGraph::WeakComponents() const {
  IntVector membership(0);
  igraph_integer_t count = 0;
  Check(igraph_connected_components(&state_->graph, &membership.v, nullptr, &count, IGRAPH_WEAK),
        "igraph_connected_components");
  std::vector<uint32_t> labels(static_cast<size_t>(membership.size()));
  for (size_t v = 0; v < labels.size(); ++v) labels[v] = static_cast<uint32_t>(membership[v]);
  return labels;
}

std::vector<int64_t> IgraphGraph::BreadthFirstSearch(datasets::VertexId source) const {
  const igraph_integer_t n = igraph_vcount(&state_->graph);
  std::vector<int64_t> depth(static_cast<size_t>(n), datasets::kUnreachable);
  if (n == 0) return depth;
  IntVector order(0), layers(0);
  Check(igraph_bfs_simple(&state_->graph, source, IGRAPH_OUT, &order.v, &layers.v, nullptr),
        "igraph_bfs_simple");
  // layers holds where each level starts in order, and one past the last level's end.
  for (igraph_integer_t level = 0; level + 1 < layers.size(); ++level) {
    for (igraph_integer_t i = layers[level]; i < layers[level + 1]; ++i) depth[order[i]] = level;
  }
  return depth;
}

}  // namespace cost::baselines::igraph
