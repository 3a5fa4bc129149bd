// Weakly connected components by Boost.Graph, one thread, two ways:
//  - boost::disjoint_sets (union by rank with path compression) fed every edge of graph.out:
//    the same algorithm as serial:union-find, through BGL's generic data structure (its parent
//    and rank arrays wrapped as iterator property maps: raw pointers do not compile). No BGL
//    graph is built.
//  - boost::connected_components, a depth-first search, which is only right on an undirected
//    (symmetric) graph: on a directed CSR it compiles and silently answers wrong. So BGL's CSR
//    gets both directions of every edge unless our graph is already symmetric.
// Reference: boost/pending/disjoint_sets.hpp, boost/graph/connected_components.hpp (Boost 1.74);
// docs/implementations.md, "Peer libraries".
#include <boost/graph/connected_components.hpp>
#include <boost/pending/disjoint_sets.hpp>
#include <boost/property_map/property_map.hpp>

#include "baselines/bgl.h"
#include "baselines/bgl_csr.h"

namespace cost::baselines {

std::vector<uint32_t> ConnectedComponentsBglDisjointSets(const datasets::Graph& graph) {
  const uint64_t n = graph.num_vertices();
  std::vector<uint32_t> parent(n);
  std::vector<uint8_t> rank(n);  // ranks stay below 32
  const boost::typed_identity_property_map<uint32_t> index;
  boost::disjoint_sets sets(boost::make_iterator_property_map(rank.data(), index),
                            boost::make_iterator_property_map(parent.data(), index));
  for (uint32_t v = 0; v < n; ++v) sets.make_set(v);
  const uint64_t* offsets = graph.out.offsets.data();
  const uint32_t* targets = graph.out.targets.data();
  for (uint64_t u = 0; u < n; ++u) {
    for (uint64_t e = offsets[u]; e < offsets[u + 1]; ++e) {
      sets.union_set(static_cast<uint32_t>(u), targets[e]);
    }
  }
  std::vector<uint32_t> label(n);
  for (uint32_t v = 0; v < n; ++v) label[v] = sets.find_set(v);
  return label;
}

std::vector<uint32_t> ConnectedComponentsBgl(const datasets::Graph& graph) {
  const uint64_t n = graph.num_vertices();
  const BglCsr g = ToBglCsr(graph, /*add_reverse=*/!graph.symmetric);
  std::vector<uint32_t> component(n);
  boost::connected_components(
      g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  return component;
}

}  // namespace cost::baselines
