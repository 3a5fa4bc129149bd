#include "harness/run/igraph_rows.h"

#if COST_HAVE_IGRAPH
#include "baselines/igraph/igraph_peer.h"

namespace cost::harness {
namespace {

class IgraphPageRankRow : public PreparedGraph {
 public:
  explicit IgraphPageRankRow(const datasets::Graph& graph) : matrix_(graph) {}
  Values Run(const RunParams& p) const override {
    return matrix_.PageRank({.iterations = p.iterations, .damping = p.damping});
  }

 private:
  baselines::igraph::IgraphPageRankMatrix matrix_;
};

class IgraphComponentsRow : public PreparedGraph {
 public:
  explicit IgraphComponentsRow(const datasets::Graph& graph) : graph_(graph) {}
  Values Run(const RunParams&) const override { return graph_.WeakComponents(); }

 private:
  baselines::igraph::IgraphGraph graph_;
};

class IgraphBfsRow : public PreparedGraph {
 public:
  explicit IgraphBfsRow(const datasets::Graph& graph) : graph_(graph) {}
  Values Run(const RunParams& p) const override { return graph_.BreadthFirstSearch(p.source); }

 private:
  baselines::igraph::IgraphGraph graph_;
};

}  // namespace

std::unique_ptr<PreparedGraph> PrepareIgraphPageRank(const datasets::Graph& graph) {
  return std::make_unique<IgraphPageRankRow>(graph);
}
std::unique_ptr<PreparedGraph> PrepareIgraphComponents(const datasets::Graph& graph) {
  return std::make_unique<IgraphComponentsRow>(graph);
}
std::unique_ptr<PreparedGraph> PrepareIgraphBfs(const datasets::Graph& graph) {
  return std::make_unique<IgraphBfsRow>(graph);
}

}  // namespace cost::harness
#endif  // COST_HAVE_IGRAPH
