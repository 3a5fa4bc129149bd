// BFS, one thread: a FIFO queue over the out-CSR, top-down.
//
// The queue is one array of n vertex ids read from the front and appended at the back: every
// vertex enters it at most once, so no wrap-around is needed, and depth[v] == kUnreachable is
// the visited test (no separate bitmap). Vertices leave the queue in depth order, so a vertex's
// depth is its discoverer's plus one. O(n + m). The validator (harness/run/validation.cc) checks
// the output with different algorithms: relaxation to a fixed point, and a per-edge proof.
// Reference: GAP Benchmark Suite, bfs.cc (its top-down step); LDBC Graphalytics, BFS.
#include "baselines/bfs.h"

#include "baselines/huge_pages.h"
#include "datasets/kernel_definitions.h"

namespace cost::baselines {

std::vector<int64_t> BreadthFirstSearch(const datasets::Graph& graph, datasets::VertexId source) {
  const uint64_t n = graph.num_vertices();
  if (n == 0) return {};
  std::vector<int64_t> depth = HugePageVector(n, datasets::kUnreachable);
  std::vector<uint32_t> queue(n);
  const uint64_t* offsets = graph.out.offsets.data();
  const uint32_t* targets = graph.out.targets.data();
  int64_t* d = depth.data();
  uint32_t* q = queue.data();
  uint64_t head = 0, tail = 0;
  d[source] = 0;
  q[tail++] = source;
  // Plain form: while queue: u = pop(); for v in out.Neighbors(u): if unvisited, visit and push.
  while (head < tail) {
    const uint32_t u = q[head++];
    const int64_t next = d[u] + 1;
    for (uint64_t e = offsets[u]; e < offsets[u + 1]; ++e) {
      const uint32_t v = targets[e];
      if (d[v] != datasets::kUnreachable) continue;
      d[v] = next;
      q[tail++] = v;
    }
  }
  return depth;
}

}  // namespace cost::baselines
