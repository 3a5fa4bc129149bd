// Plain graph types shared by every folder.
//
// Vertex ids are dense uint32_t after loading; the original ids (from a text file, an LDBC
// vertex file, or the generator's permutation) are kept in a side table so outputs can be
// written in the user's ids. Edge offsets are uint64_t so a graph may hold more than 2^32 edges.
#ifndef COST_DATASETS_GRAPH_H_
#define COST_DATASETS_GRAPH_H_

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace cost::datasets {

using VertexId = uint32_t;
using EdgeIndex = uint64_t;

// A list of directed edges over dense ids in [0, num_vertices).
// original_ids[v] is the id the user knows vertex v by; empty means "the dense id itself".
struct EdgeList {
  uint64_t num_vertices = 0;
  std::vector<VertexId> src;
  std::vector<VertexId> dst;
  std::vector<uint64_t> original_ids;

  uint64_t num_edges() const { return src.size(); }
};

// Compressed sparse rows: the neighbours of v are targets[offsets[v] .. offsets[v+1]).
// Csr is a view; the memory it points at is owned by the Graph holding it (vectors or an mmap).
struct Csr {
  uint64_t num_vertices = 0;
  std::span<const EdgeIndex> offsets;  // num_vertices + 1 entries
  std::span<const VertexId> targets;   // num_edges entries, sorted within each row

  uint64_t num_edges() const { return targets.size(); }
  uint64_t Degree(VertexId v) const { return offsets[v + 1] - offsets[v]; }
  std::span<const VertexId> Neighbors(VertexId v) const {
    return targets.subspan(offsets[v], offsets[v + 1] - offsets[v]);
  }
};

// A prepared graph: out-edges by source, the transpose (in-edges by target) for pull kernels,
// and the original ids. Copies are cheap and share the storage. A graph loaded with only some of
// its file's sections (graph_file.h) has empty spans for the others; out.num_vertices is set
// whatever is mapped.
struct Graph {
  Csr out;
  Csr in;
  std::span<const uint64_t> original_ids;  // num_vertices entries
  // out_degrees[v] = out.Degree(v), for kernels that stream Hilbert-ordered arcs without the
  // CSR. Filled by BuildGraph and LoadGraphFile; empty in a graph assembled by hand.
  std::span<const uint32_t> out_degrees;
  // The arc count of a graph loaded without its csr section (whose out.targets is empty).
  uint64_t arcs_without_csr = 0;
  bool symmetric = false;  // every edge (u,v) has its (v,u)
  // Optional edge layouts (datasets/hilbert_layout.h), empty unless prepared: the arcs of `out`
  // sorted by Hilbert-curve index, as arrays or as a stream of tile runs (hilbert_tiles.h;
  // decode with ForEachCompressedEdge or DecodeHilbertCompressed).
  std::span<const VertexId> hilbert_src;
  std::span<const VertexId> hilbert_dst;
  std::span<const uint8_t> hilbert_compressed;
  std::shared_ptr<const void> storage;  // keeps the spans above alive

  uint64_t num_vertices() const { return out.num_vertices; }
  uint64_t num_edges() const { return out.targets.empty() ? arcs_without_csr : out.num_edges(); }
};

}  // namespace cost::datasets

#endif  // COST_DATASETS_GRAPH_H_
