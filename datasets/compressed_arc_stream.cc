// Reading the compressed Hilbert arcs in passes; see compressed_arc_stream.h.
#include "datasets/compressed_arc_stream.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

#include "datasets/dataset_error.h"

namespace cost::datasets {
namespace {

uint64_t PageSize() {
  static const uint64_t page = static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
  return page;
}

// Pieces of at least one longest run (so that a piece and the unfinished run before it always
// complete that run), with room for such a run before each.
ReadAheadOptions ReadAheadOptionsFor(uint64_t buffer_bytes) {
  return {.piece_bytes = std::max(kTileRunMaxBytes, buffer_bytes), .slack_bytes = kTileRunMaxBytes};
}

}  // namespace

CompressedArcStream::CompressedArcStream(const Graph& graph, const ArcStreamOptions& options)
    : graph_(&graph), options_(options) {
  if (options_.path.empty()) {
    RequireEdgeLayout(graph, EdgeLayout::kCompressed);
    num_vertices_ = graph.num_vertices();
    num_arcs_ = graph.num_edges();
    stream_bytes_ = graph.hilbert_compressed.size();
  } else {
    reader_.emplace(options_.path);
    const GraphFileInfo& info = reader_->info();
    const GraphFileSectionInfo* section = info.Find(SectionKind::kHilbertCompressed);
    if (section == nullptr && info.num_edges > 0) {
      throw DatasetError(options_.path +
                         ": has no 'hilbert compressed' section (prepare it with --layout "
                         "compressed or --sections ...,compressed)");
    }
    num_vertices_ = info.num_vertices;
    num_arcs_ = info.num_edges;
    section_offset_ = section ? section->offset : 0;
    stream_bytes_ = section ? section->bytes : 0;
    dropped_until_ = section_offset_ / PageSize() * PageSize();
    fd_ = OpenForReading(options_.path);
  }
  if (options_.read_ahead && reader_ && stream_bytes_ > 0) {
    read_ahead_ = std::make_unique<ReadAhead>(options_.path, section_offset_, stream_bytes_,
                                              ReadAheadOptionsFor(options_.buffer_bytes));
    return;
  }
  // Never below one longest run, so that every refill holds at least one whole run.
  buffer_.resize(std::min(std::max(kTileRunMaxBytes, options_.buffer_bytes),
                          std::max<uint64_t>(stream_bytes_, 8)));
}

void CompressedArcStream::ReadOutDegrees(std::span<uint32_t> out) {
  if (out.size() != num_vertices_) throw std::invalid_argument("out-degree span of wrong size");
  if (reader_) {
    if (num_vertices_ == 0) return;
    reader_->Read(SectionKind::kOutDegrees, 0,
                  std::span<uint8_t>(reinterpret_cast<uint8_t*>(out.data()), out.size_bytes()));
    counters_.bytes_read += out.size_bytes();
    return;
  }
  if (graph_->out_degrees.size() == num_vertices_) {
    std::copy(graph_->out_degrees.begin(), graph_->out_degrees.end(), out.begin());
    return;
  }
  for (uint64_t v = 0; v < num_vertices_; ++v) {
    out[v] = static_cast<uint32_t>(graph_->out.Degree(static_cast<VertexId>(v)));
  }
}

void CompressedArcStream::Fill(uint64_t at, uint8_t* out, uint64_t bytes) {
  if (reader_) {
    PreadExactly(fd_.get(), out, bytes, section_offset_ + at, options_.path);
    if (options_.drop_behind) DropBehind(at + bytes);
  } else {
    std::memcpy(out, graph_->hilbert_compressed.data() + at, bytes);
  }
  counters_.bytes_read += bytes;
}

void CompressedArcStream::BeginPass() {
  at_ = 0;
  carried_ = 0;
  carry_ = nullptr;
  holding_ = false;
  if (read_ahead_) read_ahead_->Start();
}

bool CompressedArcStream::NextPiece(std::span<const uint8_t>* piece) {
  if (at_ == stream_bytes_) return false;
  uint8_t* begin = nullptr;
  uint64_t take = 0;
  if (read_ahead_) {
    const std::span<uint8_t> next = read_ahead_->Next();
    begin = next.data() - carried_;
    if (carried_ > 0) std::memcpy(begin, carry_, carried_);
    if (holding_) read_ahead_->Release();  // the previous piece: its tail is copied
    holding_ = true;
    take = next.size();
    counters_.bytes_read += take;
  } else {
    begin = buffer_.data();
    if (carried_ > 0) std::memmove(begin, carry_, carried_);
    take = std::min<uint64_t>(buffer_.size() - carried_, stream_bytes_ - at_);
    Fill(at_, begin + carried_, take);
  }
  at_ += take;
  const uint64_t end = carried_ + take;
  uint64_t whole = end;
  if (at_ < stream_bytes_) {
    try {
      whole = WholeRuns(std::span<const uint8_t>(begin, end), at_ - end);
    } catch (const DatasetError& e) {
      RethrowNamingFile(e);
    }
  }
  carried_ = end - whole;
  carry_ = begin + whole;
  *piece = std::span<const uint8_t>(begin, whole);
  return true;
}

void CompressedArcStream::EndPass() {
  if (read_ahead_) {
    read_ahead_->Stop();
  } else if (options_.drop_behind) {
    DropBehind(stream_bytes_);
  }
  ++counters_.passes;
}

void CompressedArcStream::AbandonPass() {
  if (read_ahead_) read_ahead_->Stop();
}

void CompressedArcStream::DropBehind(uint64_t end) {
  if (!reader_) return;
  // Whole pages only: the page holding the next unread byte stays until the next piece.
  const uint64_t file_end = section_offset_ + end;
  // The kernel drops only whole pages inside the range: at the end of the pass the range is
  // rounded up to take the last partial page too.
  const uint64_t page = PageSize();
  const uint64_t until =
      end == stream_bytes_ ? (file_end + page - 1) / page * page : file_end / page * page;
  if (until <= dropped_until_) return;
  // Advisory: where the kernel cannot drop the pages, the pass still reads the same bytes.
  posix_fadvise(fd_.get(), static_cast<off_t>(dropped_until_),
                static_cast<off_t>(until - dropped_until_), POSIX_FADV_DONTNEED);
  dropped_until_ = end == stream_bytes_ ? section_offset_ / PageSize() * PageSize() : until;
}

uint64_t CompressedArcStream::WholeRuns(std::span<const uint8_t> bytes, uint64_t piece_offset) {
  return WholeTileRuns(bytes, piece_offset);
}

void CompressedArcStream::RethrowNamingFile(const DatasetError& e) const {
  if (options_.path.empty()) throw e;
  throw DatasetError(options_.path + ": " + e.what());
}

uint64_t ArcStreamBufferBytes(uint64_t buffer_bytes, uint64_t stream_bytes) {
  if (stream_bytes == 0) return 0;
  const uint64_t buffered =
      std::min(std::max(kTileRunMaxBytes, buffer_bytes), std::max<uint64_t>(stream_bytes, 8));
  return std::max(buffered, ReadAhead::RingBytes(ReadAheadOptionsFor(buffer_bytes), stream_bytes));
}

void CheckArcCount(const CompressedArcStream& stream, uint64_t decoded) {
  if (decoded == stream.num_arcs()) return;
  const std::string where = stream.path().empty() ? "" : stream.path() + ": ";
  throw DatasetError(where + "compressed Hilbert stream holds " + std::to_string(decoded) +
                     " arcs, the graph " + std::to_string(stream.num_arcs()));
}

}  // namespace cost::datasets
