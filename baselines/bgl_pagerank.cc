// PageRank by Boost.Graph: boost::graph::page_rank on BGL's CSR, one thread.
//
// BGL's step is a push over the out-edges like serial:pagerank-push, but through property maps
// and generic adjacency iterators. Two departures from our definition, one fixed and one not:
//  - BGL computes rank' = (1-d) + d * sum(rank/outdeg), starting at 1/n (the "n" it is given).
//    Passing n = 1 starts every rank at 1 and gives exactly n times our rank; we divide by n.
//  - BGL has no dangling term: the rank of a vertex without out-edges is lost each step, and its
//    page_rank offers no hook to add it back (it restarts from 1/n on every call). So this row
//    matches the definition only on graphs without sinks; the table row says so
//    (Implementation::deviation) and validation names it when it fails.
// Reference: boost/graph/page_rank.hpp (Boost 1.74); docs/implementations.md, "Peer libraries".
#include <boost/graph/page_rank.hpp>
#include <boost/property_map/property_map.hpp>

#include "baselines/bgl.h"
#include "baselines/bgl_csr.h"

namespace cost::baselines {

bool HasSinks(const datasets::Graph& graph) {
  for (uint64_t v = 0; v < graph.num_vertices(); ++v) {
    if (graph.out.Degree(static_cast<datasets::VertexId>(v)) == 0) return true;
  }
  return false;
}

std::vector<double> PageRankBgl(const datasets::Graph& graph,
                                const datasets::PageRankOptions& options) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  const BglCsr g = ToBglCsr(graph, /*add_reverse=*/false);
  std::vector<double> rank(n), scratch(n);
  const auto index = boost::get(boost::vertex_index, g);
  boost::graph::page_rank(g, boost::make_iterator_property_map(rank.begin(), index),
                          boost::graph::n_iterations(options.iterations), options.damping,
                          /*n=*/1, boost::make_iterator_property_map(scratch.begin(), index));
  const double scale = 1.0 / static_cast<double>(n);
  for (double& r : rank) r *= scale;
  return rank;
}

}  // namespace cost::baselines
