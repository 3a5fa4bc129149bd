// Re-preparing a prepared file; see prepare_graph_file_input.h.
#include "datasets/prepare_graph_file_input.h"

#include <algorithm>
#include <string>
#include <vector>

#include "datasets/dataset_error.h"
#include "datasets/external/interrupt.h"
#include "datasets/external/preparation_session.h"
#include "datasets/graph_file.h"
#include "datasets/hilbert_tiles.h"

namespace cost::datasets {
namespace {

constexpr uint64_t kChunkValues = uint64_t{1} << 13;

using ArcsFn = std::function<void(std::span<const VertexId>, std::span<const VertexId>)>;

template <typename T>
void ReadValues(const GraphFileReader& reader, SectionKind kind, uint64_t first,
                std::vector<T>* out) {
  reader.Read(kind, first * sizeof(T),
              std::span<uint8_t>(reinterpret_cast<uint8_t*>(out->data()), out->size() * sizeof(T)));
}

// The out-degrees one by one, read a chunk at a time (a version-1 file has none: differences of
// its out offsets).
class DegreeCursor {
 public:
  explicit DegreeCursor(const GraphFileReader& reader) : reader_(reader) {}
  uint32_t Next() {
    if (at_ == degrees_.size()) Refill();
    return degrees_[at_++];
  }

 private:
  void Refill() {
    const uint64_t n = reader_.info().num_vertices;
    degrees_.resize(std::min(kChunkValues, n - first_));
    if (reader_.info().Find(SectionKind::kOutDegrees) != nullptr) {
      ReadValues(reader_, SectionKind::kOutDegrees, first_, &degrees_);
    } else {
      std::vector<EdgeIndex> offsets(degrees_.size() + 1);
      ReadValues(reader_, SectionKind::kOutOffsets, first_, &offsets);
      for (size_t i = 0; i < degrees_.size(); ++i) {
        degrees_[i] = static_cast<uint32_t>(offsets[i + 1] - offsets[i]);
      }
    }
    first_ += degrees_.size();
    at_ = 0;
  }

  const GraphFileReader& reader_;
  std::vector<uint32_t> degrees_;
  uint64_t first_ = 0, at_ = 0;
};

// The out-CSR's arcs in row order, a bounded chunk of arcs at a time (a row may span chunks).
void ReadCsrArcs(const GraphFileReader& reader, const ArcsFn& fn) {
  const uint64_t m = reader.info().num_edges;
  DegreeCursor degrees(reader);
  std::vector<VertexId> src, dst;
  uint64_t next_row = 0, left_in_row = 0;
  VertexId row = 0;
  for (uint64_t first = 0; first < m; first += kChunkValues) {
    dst.resize(std::min(kChunkValues, m - first));
    ReadValues(reader, SectionKind::kOutTargets, first, &dst);
    src.resize(dst.size());
    for (VertexId& u : src) {
      while (left_in_row == 0) {
        left_in_row = degrees.Next();
        row = static_cast<VertexId>(next_row++);
      }
      u = row;
      --left_in_row;
    }
    fn(src, dst);
  }
}

void ReadHilbertArcs(const GraphFileReader& reader, const ArcsFn& fn) {
  const uint64_t m = reader.info().num_edges;
  std::vector<VertexId> src, dst;
  for (uint64_t first = 0; first < m; first += kChunkValues) {
    src.resize(std::min(kChunkValues, m - first));
    dst.resize(src.size());
    ReadValues(reader, SectionKind::kHilbertSrc, first, &src);
    ReadValues(reader, SectionKind::kHilbertDst, first, &dst);
    fn(src, dst);
  }
}

// The compressed stream's arcs, decoded a chunk of whole tile runs at a time (a run may straddle
// two reads: its start is carried over to the front of the buffer).
void ReadCompressedArcs(const GraphFileReader& reader, const ArcsFn& fn) {
  const GraphFileSectionInfo* s = reader.info().Find(SectionKind::kHilbertCompressed);
  std::vector<uint8_t> bytes(std::max(kTileRunMaxBytes, 4 * kChunkValues));
  std::vector<VertexId> src, dst;
  uint64_t carried = 0, decoded_until = 0;  // bytes at the front; stream offset of bytes[0]
  for (uint64_t at = 0; at < s->bytes;) {
    const uint64_t take = std::min<uint64_t>(bytes.size() - carried, s->bytes - at);
    reader.Read(SectionKind::kHilbertCompressed, at,
                std::span<uint8_t>(bytes.data() + carried, take));
    at += take;
    const std::span<const uint8_t> held(bytes.data(), carried + take);
    const uint64_t whole = at < s->bytes ? WholeTileRuns(held, decoded_until) : held.size();
    src.clear();
    dst.clear();
    DecodeTileRuns(
        held.first(whole),
        [&](VertexId u, VertexId v) {
          src.push_back(u);
          dst.push_back(v);
        },
        decoded_until);
    fn(src, dst);
    carried = held.size() - whole;
    std::copy(bytes.begin() + static_cast<std::ptrdiff_t>(whole),
              bytes.begin() + static_cast<std::ptrdiff_t>(held.size()), bytes.begin());
    decoded_until += whole;
  }
}

// Checks the section the arcs come from (its XXH64), then streams them; each chunk is checked
// for ids beyond n (the builder packs ids into keys unchecked).
void ReadArcs(const GraphFileReader& reader, const std::string& path, const ArcsFn& fn) {
  const GraphFileInfo& info = reader.info();
  const auto checked = [&](std::span<const VertexId> src, std::span<const VertexId> dst) {
    for (const std::span<const VertexId> ids : {src, dst}) {
      const auto bad =
          std::find_if(ids.begin(), ids.end(), [&](VertexId v) { return v >= info.num_vertices; });
      if (bad != ids.end()) {
        throw DatasetError(path + ": an arc names vertex " + std::to_string(*bad) +
                           ", beyond the " + std::to_string(info.num_vertices) + " vertices");
      }
    }
    fn(src, dst);
  };
  if (info.prepared.csr) {
    reader.VerifySection(SectionKind::kOutTargets);
    reader.VerifySection(info.version >= 2 ? SectionKind::kOutDegrees : SectionKind::kOutOffsets);
    ReadCsrArcs(reader, checked);
  } else if (info.prepared.hilbert) {
    reader.VerifySection(SectionKind::kHilbertSrc);
    reader.VerifySection(SectionKind::kHilbertDst);
    ReadHilbertArcs(reader, checked);
  } else {
    reader.VerifySection(SectionKind::kHilbertCompressed);
    ReadCompressedArcs(reader, checked);
  }
}

}  // namespace

PreparationReport PrepareFromGraphFile(const std::string& input, const PreparationOptions& options,
                                       const std::string& output) {
  const GraphFileReader reader(input);
  const GraphFileInfo& info = reader.info();
  PreparationSession session(options, output, input, "cgraph");
  session.report().input_undirected = info.symmetric;
  const uint64_t chunk_bytes = 16 * kChunkValues + 4 * kChunkValues * 2;
  session.Start(info.num_vertices, info.symmetric || options.symmetrize, chunk_bytes,
                info.num_edges);
  ExternalGraphBuilder& builder = session.builder();
  session.progress().Begin("read", info.num_edges);
  ReadArcs(reader, input, [&](std::span<const VertexId> src, std::span<const VertexId> dst) {
    ThrowIfInterrupted(output);
    for (uint64_t at = 0; at < src.size(); at += builder.max_chunk_arcs()) {
      const uint64_t count = std::min<uint64_t>(builder.max_chunk_arcs(), src.size() - at);
      builder.AddArcs(src.subspan(at, count), dst.subspan(at, count));
    }
  });
  session.progress().End();
  reader.VerifySection(SectionKind::kOriginalIds);
  return session.Finish([&](SectionStream* out) {
    std::vector<uint64_t> ids;
    for (uint64_t first = 0; first < info.num_vertices; first += kChunkValues) {
      ids.resize(std::min(kChunkValues, info.num_vertices - first));
      ReadValues(reader, SectionKind::kOriginalIds, first, &ids);
      out->Write(std::span<const uint64_t>(ids));
    }
  });
}

}  // namespace cost::datasets
