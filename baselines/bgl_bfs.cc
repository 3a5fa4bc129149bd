// BFS by Boost.Graph: boost::breadth_first_search on BGL's CSR, one thread.
//
// The same top-down queue algorithm as serial:bfs, through BGL's visitor machinery: a
// record_distances visitor on tree edges writes depth[v] = depth[u] + 1, and BGL keeps its own
// colour map (two bits per vertex) for "visited" where serial:bfs reuses the depth array.
// Reference: boost/graph/breadth_first_search.hpp, visitors.hpp (Boost 1.74).
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>
#include <boost/property_map/property_map.hpp>

#include "baselines/bgl.h"
#include "baselines/bgl_csr.h"

namespace cost::baselines {

std::vector<int64_t> BreadthFirstSearchBgl(const datasets::Graph& graph,
                                           datasets::VertexId source) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  const BglCsr g = ToBglCsr(graph, /*add_reverse=*/false);
  std::vector<int64_t> depth(n, datasets::kUnreachable);
  depth[source] = 0;
  auto distances =
      boost::make_iterator_property_map(depth.begin(), boost::get(boost::vertex_index, g));
  boost::breadth_first_search(g, source,
                              boost::visitor(boost::make_bfs_visitor(
                                  boost::record_distances(distances, boost::on_tree_edge()))));
  return depth;
}

}  // namespace cost::baselines
