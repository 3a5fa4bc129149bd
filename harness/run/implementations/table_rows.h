// The implementation table's rows, one file per system; implementations.cc assembles them into the
// one table. Each function returns its system's rows in the order they appear in the table within
// each (kernel, kind) group. Below them: the values and helpers several systems' rows share.
#ifndef COST_HARNESS_RUN_IMPLEMENTATIONS_TABLE_ROWS_H_
#define COST_HARNESS_RUN_IMPLEMENTATIONS_TABLE_ROWS_H_

#include <cstdint>
#include <vector>

#include "datasets/compressed_arc_stream.h"
#include "datasets/graph_sections.h"
#include "datasets/kernel_definitions.h"
#include "harness/run/implementations.h"

namespace cost::harness {

std::vector<Implementation> SerialRows();     // serial.cc: our single-threaded kernels
std::vector<Implementation> BglRows();        // bgl.cc: Boost.Graph
std::vector<Implementation> IgraphRows();     // igraph.cc: igraph (none when it was not found)
std::vector<Implementation> OpenMPRows();     // openmp.cc: our threaded kernels
std::vector<Implementation> GraphBlasRows();  // graphblas.cc: SuiteSparse:GraphBLAS
std::vector<Implementation> MpiRows();        // mpi.cc: our MPI programs
std::vector<Implementation> PbglRows();       // pbgl.cc: Parallel BGL

inline datasets::PageRankOptions PageRankOptionsOf(const RunParams& p) {
  return {.iterations = p.iterations, .damping = p.damping};
}

inline constexpr Kind kSingle = Kind::kSingleThreaded;
inline constexpr Kind kThreaded = Kind::kThreaded;
inline constexpr Kind kMultiprocess = Kind::kMultiprocess;
inline constexpr datasets::EdgeLayout kHilbert = datasets::EdgeLayout::kHilbert;
inline constexpr datasets::EdgeLayout kCompressed = datasets::EdgeLayout::kCompressed;
// The sections of the Hilbert-order rows: WCC reads the arcs alone; PageRank also the out
// offsets, for the degrees its pushes divide by (baselines/pagerank_push_iterations.h).
inline constexpr datasets::PreparedSections kHilbertArcs{
    .csr = false, .transpose = false, .hilbert = true};
inline constexpr datasets::PreparedSections kHilbertArcsAndOffsets{
    .csr = true, .transpose = false, .hilbert = true};
// The streaming rows read the compressed stream with pread (never mapped) and the out-degrees.
inline constexpr datasets::PreparedSections kCompressedStream{
    .csr = false, .transpose = false, .hilbert = false, .compressed = true};
inline constexpr datasets::PreparedSections kCompressedStreamAndOffsets{
    .csr = true, .transpose = false, .hilbert = false, .compressed = true};

// The streaming rows' read buffer: one piece of the stream per read; the threaded rows cut each
// piece into a share per thread, so theirs is larger.
inline constexpr uint64_t kSerialStreamBuffer = uint64_t{4} << 20;
inline constexpr uint64_t kThreadedStreamBuffer = uint64_t{16} << 20;

// The stream a streaming row reads: params.graph_path, or the graph's own section.
inline datasets::CompressedArcStream StreamOf(const datasets::Graph& g, const RunParams& p,
                                              uint64_t buffer_bytes) {
  return datasets::CompressedArcStream(
      g, {.path = p.graph_path,
          .drop_behind = p.drop_behind,
          .read_ahead = p.drop_behind,  // the disk rows: read ahead, O_DIRECT (read_ahead.h)
          .buffer_bytes = buffer_bytes});
}

// Runs kernel(stream) and adds what the stream read to params.stream_counters.
template <typename KernelFn>
Values Streamed(const datasets::Graph& g, const RunParams& p, uint64_t buffer_bytes,
                KernelFn kernel) {
  datasets::CompressedArcStream stream = StreamOf(g, p, buffer_bytes);
  Values values = kernel(stream);
  if (p.stream_counters != nullptr) {
    p.stream_counters->bytes_read += stream.counters().bytes_read;
    p.stream_counters->passes += stream.counters().passes;
  }
  return values;
}

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_IMPLEMENTATIONS_TABLE_ROWS_H_
