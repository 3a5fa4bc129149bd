// Building BGL's CSR from ours: a forward iterator that walks a Csr as (row, target) pairs, so
// BGL's multi-pass constructor reads our arrays in place.
#include "baselines/bgl_csr.h"

#include <boost/iterator/iterator_facade.hpp>
#include <boost/range/iterator_range.hpp>
#include <boost/range/join.hpp>
#include <limits>
#include <stdexcept>
#include <utility>

namespace cost::baselines {
namespace {

using Edge = std::pair<uint32_t, uint32_t>;

// Edge e of `csr` as (its row, targets[e]); end() is edge num_edges().
class CsrEdgeIterator
    : public boost::iterator_facade<CsrEdgeIterator, Edge, boost::forward_traversal_tag, Edge> {
 public:
  CsrEdgeIterator() = default;
  CsrEdgeIterator(const datasets::Csr* csr, uint64_t edge) : csr_(csr), edge_(edge) { SkipRows(); }

 private:
  friend class boost::iterator_core_access;
  Edge dereference() const { return {static_cast<uint32_t>(row_), csr_->targets[edge_]}; }
  bool equal(const CsrEdgeIterator& other) const { return edge_ == other.edge_; }
  void increment() {
    ++edge_;
    SkipRows();
  }
  // Moves row_ to the row holding edge_ (past rows without edges).
  void SkipRows() {
    while (row_ < csr_->num_vertices && csr_->offsets[row_ + 1] <= edge_) ++row_;
  }

  const datasets::Csr* csr_ = nullptr;
  uint64_t edge_ = 0;
  uint64_t row_ = 0;
};

boost::iterator_range<CsrEdgeIterator> EdgesOf(const datasets::Csr& csr) {
  return {CsrEdgeIterator(&csr, 0), CsrEdgeIterator(&csr, csr.num_edges())};
}

}  // namespace

BglCsr ToBglCsr(const datasets::Graph& graph, bool add_reverse) {
  const uint64_t edges = graph.num_edges() * (add_reverse ? 2 : 1);
  if (edges >= std::numeric_limits<uint32_t>::max()) {
    throw std::length_error("Boost.Graph peer: more edges than its uint32 edge index holds");
  }
  const auto n = static_cast<uint32_t>(graph.num_vertices());
  if (!add_reverse) {
    const auto out = EdgesOf(graph.out);
    return BglCsr(boost::edges_are_unsorted_multi_pass, out.begin(), out.end(), n);
  }
  // graph.in's row v lists the sources u of edges u -> v: as (v, u) pairs, the reversed edges.
  const auto both = boost::range::join(EdgesOf(graph.out), EdgesOf(graph.in));
  return BglCsr(boost::edges_are_unsorted_multi_pass, both.begin(), both.end(), n);
}

}  // namespace cost::baselines
