// A per-kernel cost model: the bytes a kernel must stream and the random gathers it must make on
// a given layout, turned into the shortest time this machine allows (machine_limits.h). Every
// measurement reports its median against that time as its fraction of the limit, so a figure
// such as "0.9 s" comes with "61% of the gather-bound limit".
//
// The model, per pass over the graph (n vertices, m arcs, PageRank: one pass per iteration):
//   time >= streamed bytes / read bandwidth + gathers / gather rate
// (the sum, not the larger term: a loop whose gathers miss does not hide its streaming behind
// them; docs/methodology.md has the measurements behind the model).
//  - Streamed: the arcs in the layout's encoding (CSR targets 4 B, Hilbert (src, dst) pairs 8 B,
//    the compressed stream its measured bytes per arc) plus each kernel's per-vertex arrays read
//    or written in order.
//  - Gathers: one per arc, from the most compact array the kernel needs (PageRank: a 4-byte
//    contribution, WCC: a 4-byte label, BFS: one visited bit), at the rate `cost machine` measured
//    from the largest array not above that one (machine_limits.h: the gather curve). In
//    Hilbert order consecutive arcs touch a small window of vertices, so its gathers are charged
//    at the L2 rate whatever n is: that is what the layout buys.
// WCC and BFS are charged one pass over every arc. Algorithms that skip arcs (sampling
// union-find, bottom-up BFS) can exceed 100%; algorithms that need several passes (label
// propagation) sit far below it. Both are the point of the comparison, and the basis string says
// which pass was charged.
#ifndef COST_HARNESS_MACHINE_COST_MODEL_H_
#define COST_HARNESS_MACHINE_COST_MODEL_H_

#include <cstdint>
#include <string>

#include "datasets/hilbert_layout.h"
#include "harness/core/kernel.h"
#include "harness/core/results.h"
#include "harness/machine/machine_limits.h"

namespace cost::harness {

struct Workload {
  Kernel kernel = Kernel::kPageRank;
  datasets::EdgeLayout layout = datasets::EdgeLayout::kVertex;
  uint64_t num_vertices = 0;
  uint64_t num_arcs = 0;
  int iterations = 20;            // PageRank only
  int cores = 1;                  // threads x procs
  uint64_t compressed_bytes = 0;  // kCompressed: the stream's size
};

struct CostEstimate {
  double streamed_bytes = 0;
  double gathers = 0;
  uint64_t gathered_array_bytes = 0;
  std::string gather_level;       // "L2", "L3" or "DRAM"
  uint64_t rate_array_bytes = 0;  // the measured array size whose gather rate was charged
  double stream_seconds = 0;
  double gather_seconds = 0;
  double limit_seconds = 0;  // stream_seconds + gather_seconds
  std::string bound;         // "gather-bound" or "bandwidth-bound": the larger term
  std::string basis;         // what was charged, in words
};

CostEstimate EstimateCost(const Workload& workload, const MachineLimits& limits);

// Fills m's limit_* fields and fraction_of_limit (limit / median) for a run with a median.
void RecordFractionOfLimit(const Workload& workload, const MachineLimits& limits, Measurement* m);

}  // namespace cost::harness

#endif  // COST_HARNESS_MACHINE_COST_MODEL_H_
