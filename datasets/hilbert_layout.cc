// Hilbert-order layouts; see hilbert_layout.h.
#include "datasets/hilbert_layout.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include "datasets/dataset_error.h"
#include "datasets/external/radix_sort.h"

namespace cost::datasets {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// What a layout's extra spans point into; keeps the base graph's storage alive too.
struct HilbertStorage {
  std::shared_ptr<const void> base;
  std::vector<VertexId> src, dst;
  std::vector<uint8_t> compressed;
};

}  // namespace

const char* EdgeLayoutName(EdgeLayout layout) {
  switch (layout) {
    case EdgeLayout::kVertex:
      return "vertex";
    case EdgeLayout::kHilbert:
      return "hilbert";
    case EdgeLayout::kCompressed:
      return "compressed";
  }
  return "unknown";
}

EdgeLayout ParseEdgeLayout(std::string_view name) {
  for (EdgeLayout layout : {EdgeLayout::kVertex, EdgeLayout::kHilbert, EdgeLayout::kCompressed}) {
    if (name == EdgeLayoutName(layout)) return layout;
  }
  throw DatasetError("unknown layout '" + std::string(name) + "' (vertex, hilbert, compressed)");
}

std::vector<uint64_t> HilbertIndicesOf(const Csr& out) {
  std::vector<uint64_t> keys(out.num_edges());
  const int64_t n = static_cast<int64_t>(out.num_vertices);
#pragma omp parallel for schedule(dynamic, 1024)
  for (int64_t u = 0; u < n; ++u) {
    for (uint64_t e = out.offsets[u]; e < out.offsets[u + 1]; ++e) {
      keys[e] = HilbertIndex(static_cast<uint32_t>(u), out.targets[e]);
    }
  }
  return keys;
}

void RadixSort(std::vector<uint64_t>* keys) {
  std::vector<uint64_t> scratch(keys->size());
  const std::span<uint64_t> sorted = RadixSortKeys(*keys, scratch);
  if (sorted.data() == scratch.data()) keys->swap(scratch);
}

std::vector<uint8_t> CompressSortedIndices(std::span<const uint64_t> sorted) {
  std::vector<uint8_t> stream;
  stream.reserve(4 * sorted.size() + 64);
  TileStreamEncoder encoder(
      [&stream](std::span<const uint8_t> b) { stream.insert(stream.end(), b.begin(), b.end()); });
  for (const uint64_t index : sorted) {
    uint32_t x, y;
    HilbertPoint(index, &x, &y);
    encoder.Add(x, y);
  }
  encoder.Finish();
  stream.shrink_to_fit();
  return stream;
}

void DecodeHilbertCompressed(std::span<const uint8_t> stream, uint64_t num_edges,
                             std::vector<VertexId>* src, std::vector<VertexId>* dst) {
  src->clear();
  dst->clear();
  src->reserve(num_edges);
  dst->reserve(num_edges);
  const uint64_t count = ForEachCompressedEdge(stream, [&](VertexId u, VertexId v) {
    src->push_back(u);
    dst->push_back(v);
  });
  if (count != num_edges) {
    throw DatasetError("compressed Hilbert stream holds " + std::to_string(count) +
                       " edges, expected " + std::to_string(num_edges));
  }
}

bool HasEdgeLayout(const Graph& graph, EdgeLayout layout) {
  const uint64_t m = graph.num_edges();
  switch (layout) {
    case EdgeLayout::kVertex:
      return true;
    case EdgeLayout::kHilbert:
      return graph.hilbert_src.size() == m && graph.hilbert_dst.size() == m;
    case EdgeLayout::kCompressed:
      return m == 0 || !graph.hilbert_compressed.empty();
  }
  return false;
}

void RequireEdgeLayout(const Graph& graph, EdgeLayout layout) {
  if (HasEdgeLayout(graph, layout)) return;
  const std::string name = EdgeLayoutName(layout);
  const std::string what = layout == EdgeLayout::kCompressed ? "compressed Hilbert" : "Hilbert";
  throw std::invalid_argument("graph has no " + what +
                              " layout: prepare it with `cost dataset convert IN -o OUT --layout " +
                              name + "`");
}

Graph WithHilbertLayout(const Graph& graph, EdgeLayout layout, HilbertStats* stats) {
  return WithHilbertSections(graph, layout == EdgeLayout::kHilbert,
                             layout == EdgeLayout::kCompressed, stats);
}

Graph WithHilbertSections(const Graph& graph, bool arrays, bool compressed, HilbertStats* stats) {
  if (!arrays && !compressed) return graph;
  HilbertStats local;
  if (stats == nullptr) stats = &local;
  auto start = std::chrono::steady_clock::now();
  std::vector<uint64_t> keys = HilbertIndicesOf(graph.out);
  stats->encode_seconds = SecondsSince(start);
  start = std::chrono::steady_clock::now();
  RadixSort(&keys);
  stats->sort_seconds = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  auto storage = std::make_shared<HilbertStorage>();
  storage->base = graph.storage;
  if (arrays) {
    const int64_t m = static_cast<int64_t>(keys.size());
    storage->src.resize(m);
    storage->dst.resize(m);
#pragma omp parallel for schedule(static)
    for (int64_t e = 0; e < m; ++e) HilbertPoint(keys[e], &storage->src[e], &storage->dst[e]);
  }
  if (compressed) storage->compressed = CompressSortedIndices(keys);
  stats->output_seconds = SecondsSince(start);
  stats->compressed_bytes = storage->compressed.size();

  Graph result = graph;
  result.hilbert_src = storage->src;
  result.hilbert_dst = storage->dst;
  result.hilbert_compressed = storage->compressed;
  result.storage = std::move(storage);
  return result;
}

}  // namespace cost::datasets
