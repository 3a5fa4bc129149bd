// Our CSR as Boost.Graph's compressed_sparse_row_graph, for the bgl_*.cc kernels only.
#ifndef COST_BASELINES_BGL_CSR_H_
#define COST_BASELINES_BGL_CSR_H_

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>

#include "datasets/graph.h"

namespace cost::baselines {

// 32-bit vertex and edge indices (BGL's default is size_t: twice the memory per edge).
using BglCsr =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                       boost::no_property, uint32_t, uint32_t>;

// BGL's CSR holding graph.out's edges; with `add_reverse`, also every edge reversed (taken from
// graph.in), which makes a directed graph symmetric. Built with edges_are_unsorted_multi_pass
// (BGL counts, then places: two passes over our edges, no edge-list copy). Throws
// std::length_error when the edges do not fit uint32_t indices.
BglCsr ToBglCsr(const datasets::Graph& graph, bool add_reverse);

}  // namespace cost::baselines

#endif  // COST_BASELINES_BGL_CSR_H_
