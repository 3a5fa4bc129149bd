// Arc keys and CSR read-back; see arc_keys.h.
#include "datasets/external/arc_keys.h"

#include <omp.h>

#include <algorithm>
#include <bit>
#include <vector>

#include "datasets/hilbert.h"

namespace cost::datasets {
namespace {

// Chunks below this are keyed on one thread: a parallel region costs more than they do.
constexpr uint64_t kParallelArcs = uint64_t{1} << 15;

template <KeyOrder kOrder>
uint64_t KeyOf(VertexId row, VertexId column, const RowKeyCodec& codec) {
  if constexpr (kOrder == KeyOrder::kByRow) {
    return codec.Key(row, column);
  } else {
    return HilbertIndex(row, column);
  }
}

// Pass 1 counts each part's keys (so each part knows where its keys go), pass 2 writes them.
template <KeyOrder kOrder>
ArcKeyCounts AddKeys(std::span<const VertexId> src, std::span<const VertexId> dst, bool both,
                     const RowKeyCodec& codec, SortedRunBuilder* runs) {
  const uint64_t m = src.size();
  const int parts = m < kParallelArcs ? 1 : std::max(1, omp_get_max_threads());
  const auto begin = [&](int p) { return m * p / parts; };
  std::vector<uint64_t> start(parts + 1, 0);
#pragma omp parallel for schedule(static, 1) if (parts > 1)
  for (int p = 0; p < parts; ++p) {
    uint64_t loops = 0;
    for (uint64_t i = begin(p); i < begin(p + 1); ++i) loops += src[i] == dst[i];
    start[p + 1] = (begin(p + 1) - begin(p) - loops) * (both ? 2 : 1);
  }
  for (int p = 0; p < parts; ++p) start[p + 1] += start[p];
  const std::span<uint64_t> out = runs->Reserve(start[parts]);
#pragma omp parallel for schedule(static, 1) if (parts > 1)
  for (int p = 0; p < parts; ++p) {
    uint64_t* at = out.data() + start[p];
    for (uint64_t i = begin(p); i < begin(p + 1); ++i) {
      const VertexId u = src[i], v = dst[i];
      if (u == v) continue;
      *at++ = KeyOf<kOrder>(u, v, codec);
      if (both) *at++ = KeyOf<kOrder>(v, u, codec);
    }
  }
  runs->Commit(start[parts]);
  const uint64_t kept = start[parts] / (both ? 2 : 1);
  return {start[parts], m - kept};
}

}  // namespace

RowKeyCodec::RowKeyCodec(uint64_t num_vertices)
    : shift(std::max(1, static_cast<int>(std::bit_width(num_vertices > 0 ? num_vertices - 1 : 0)))),
      mask((uint64_t{1} << shift) - 1) {}

ArcKeyCounts AddArcKeys(std::span<const VertexId> src, std::span<const VertexId> dst, bool both,
                        KeyOrder order, const RowKeyCodec& codec, SortedRunBuilder* runs) {
  return order == KeyOrder::kByRow ? AddKeys<KeyOrder::kByRow>(src, dst, both, codec, runs)
                                   : AddKeys<KeyOrder::kHilbert>(src, dst, both, codec, runs);
}

void ForEachCsrArcChunk(std::span<const EdgeIndex> offsets, const TargetsReader& read,
                        uint64_t chunk, const ArcChunkFn& fn) {
  const uint64_t m = offsets.empty() ? 0 : offsets.back();
  std::vector<VertexId> src(std::min(chunk, m)), dst(std::min(chunk, m));
  uint64_t row = 0;
  for (uint64_t first = 0; first < m; first += chunk) {
    const uint64_t count = std::min(chunk, m - first);
    read(first, std::span<VertexId>(dst.data(), count));
    for (uint64_t e = first; e < first + count; ++e) {
      while (offsets[row + 1] <= e) ++row;
      src[e - first] = static_cast<VertexId>(row);
    }
    fn(std::span<const VertexId>(src.data(), count), std::span<const VertexId>(dst.data(), count));
  }
}

}  // namespace cost::datasets
