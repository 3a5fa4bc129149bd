// Hilbert-curve edge order as a layout of a prepared graph (the COST paper's Table 4): every
// arc (src, dst) gets its 64-bit curve index (hilbert.h), the indices are sorted with an LSD
// radix sort, and the result is kept either as two arrays (Graph::hilbert_src/hilbert_dst, the
// arcs in curve order) or as a compressed stream (Graph::hilbert_compressed: the arcs in curve
// order as runs of 16-bit coordinate pairs per tile, hilbert_tiles.h; 4 bytes per arc, not 8).
#ifndef COST_DATASETS_HILBERT_LAYOUT_H_
#define COST_DATASETS_HILBERT_LAYOUT_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "datasets/graph.h"
#include "datasets/hilbert.h"
#include "datasets/hilbert_tiles.h"

namespace cost::datasets {

// vertex: CSR only; hilbert: + hilbert_src/dst; compressed: + hilbert_compressed.
enum class EdgeLayout { kVertex, kHilbert, kCompressed };

const char* EdgeLayoutName(EdgeLayout layout);
// Throws DatasetError for a name other than vertex, hilbert, compressed.
EdgeLayout ParseEdgeLayout(std::string_view name);

struct HilbertStats {
  double encode_seconds = 0;  // curve index per arc
  double sort_seconds = 0;    // radix sort of the indices
  double output_seconds = 0;  // decoding to arrays and/or compressing
  uint64_t compressed_bytes = 0;
};

// Returns `graph` plus the sections `layout` asks for (sharing graph's storage). kVertex
// returns graph unchanged. The result does not depend on the thread count.
Graph WithHilbertLayout(const Graph& graph, EdgeLayout layout, HilbertStats* stats = nullptr);
// The same with both Hilbert layouts chosen independently (neither: graph unchanged).
Graph WithHilbertSections(const Graph& graph, bool arrays, bool compressed,
                          HilbertStats* stats = nullptr);

// Whether graph carries `layout` (kVertex: always; a graph without arcs carries every layout).
bool HasEdgeLayout(const Graph& graph, EdgeLayout layout);
// Throws std::invalid_argument, saying how to prepare the layout, unless HasEdgeLayout. For
// kernels that read a layout: they must not fall back to another edge order silently.
void RequireEdgeLayout(const Graph& graph, EdgeLayout layout);

// The steps, exposed for tests and timing.
std::vector<uint64_t> HilbertIndicesOf(const Csr& out);  // in CSR order
// LSD radix sort (external/radix_sort.h); the same result at any thread count.
void RadixSort(std::vector<uint64_t>* keys);
std::vector<uint8_t> CompressSortedIndices(std::span<const uint64_t> sorted);

// Calls fn(src, dst) for each arc of a compressed stream, in curve order; returns the number
// of arcs. Throws DatasetError when the stream is malformed (DecodeTileRuns).
template <typename Fn>
uint64_t ForEachCompressedEdge(std::span<const uint8_t> stream, Fn fn) {
  return DecodeTileRuns(stream, fn);
}

// Decodes a whole stream; throws DatasetError unless it holds exactly `num_edges` arcs.
void DecodeHilbertCompressed(std::span<const uint8_t> stream, uint64_t num_edges,
                             std::vector<VertexId>* src, std::vector<VertexId>* dst);

}  // namespace cost::datasets

#endif  // COST_DATASETS_HILBERT_LAYOUT_H_
