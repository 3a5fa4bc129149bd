#include "parallel/mpi/local_view.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <numeric>
#include <stdexcept>

namespace cost::parallel::mpi {
namespace {

// Rows per unit of OpenMP work: Kronecker rows are skewed, so units are small and dynamic.
constexpr uint64_t kRowBlock = 1024;

// Calls visit(neighbour) for every edge of row v, out-edges then (when given) in-edges.
template <typename Visit>
void ForEachNeighbour(const datasets::GraphPart& part, bool with_in, datasets::VertexId v,
                      Visit visit) {
  for (datasets::VertexId u : part.out.Neighbors(v)) visit(u);
  if (with_in) {
    for (datasets::VertexId u : part.in.Neighbors(v)) visit(u);
  }
}

// One bit per vertex of the graph, set for every neighbour outside [first, last), and the number
// of set bits before each 64-bit word: the ghost index of u is then a popcount away, whatever
// the number of ghosts (a lower_bound over the ghost list cost log(ghosts) per edge).
struct GhostBits {
  std::vector<uint64_t> words;
  std::vector<uint32_t> before;  // set bits in words[0 .. w)

  uint32_t IndexOf(datasets::VertexId u) const {
    const uint64_t below = words[u >> 6] & ((uint64_t{1} << (u & 63)) - 1);
    return before[u >> 6] + static_cast<uint32_t>(std::popcount(below));
  }
};

GhostBits MarkGhosts(const datasets::GraphPart& part, bool with_in, int threads) {
  GhostBits bits;
  bits.words.assign((part.num_vertices + 63) / 64, 0);
  const datasets::VertexId first = part.first, last = part.last;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
  for (uint64_t block = first; block < last; block += kRowBlock) {
    const uint64_t end = std::min<uint64_t>(last, block + kRowBlock);
    for (uint64_t v = block; v < end; ++v) {
      ForEachNeighbour(part, with_in, static_cast<datasets::VertexId>(v), [&](uint32_t u) {
        if (u >= first && u < last) return;
        const uint64_t bit = uint64_t{1} << (u & 63);
        std::atomic_ref<uint64_t> word(bits.words[u >> 6]);
        // Hubs are everyone's neighbour: read first, so their word is not written per edge.
        if ((word.load(std::memory_order_relaxed) & bit) == 0) {
          word.fetch_or(bit, std::memory_order_relaxed);
        }
      });
    }
  }
  bits.before.resize(bits.words.size());
  uint64_t total = 0;
  for (size_t w = 0; w < bits.words.size(); ++w) {
    bits.before[w] = static_cast<uint32_t>(total);
    total += std::popcount(bits.words[w]);
  }
  if (part.last - part.first + total > UINT32_MAX) {
    throw std::runtime_error("too many local vertices");
  }
  return bits;
}

// The set bits in ascending order.
std::vector<datasets::VertexId> ListGhosts(const GhostBits& bits, int threads) {
  const size_t words = bits.words.size();
  std::vector<datasets::VertexId> ghosts(
      words == 0 ? 0 : bits.before.back() + std::popcount(bits.words.back()));
#pragma omp parallel for num_threads(threads) schedule(static)
  for (size_t w = 0; w < words; ++w) {
    uint32_t next = bits.before[w];
    for (uint64_t word = bits.words[w]; word != 0; word &= word - 1) {
      ghosts[next++] = static_cast<datasets::VertexId>(64 * w + std::countr_zero(word));
    }
  }
  return ghosts;
}

// Tells each owner which of its rows this rank reads (the exchange the kernels repeat).
void PlanExchange(const Partition& partition, GhostPlan* plan, datasets::VertexId first, int ranks,
                  MPI_Comm comm) {
  plan->ghost_counts.assign(ranks, 0);
  for (int r = 0; r < ranks; ++r) {  // ghosts are sorted, hence grouped by owner
    const auto begin =
        std::lower_bound(plan->ghosts.begin(), plan->ghosts.end(), partition.first(r));
    const auto end = std::lower_bound(begin, plan->ghosts.end(), partition.last(r));
    plan->ghost_counts[r] = static_cast<int>(end - begin);
  }
  plan->ghost_displs = Displacements(plan->ghost_counts);
  plan->export_counts.assign(ranks, 0);
  MPI_Alltoall(plan->ghost_counts.data(), 1, MPI_INT, plan->export_counts.data(), 1, MPI_INT, comm);
  plan->export_displs = Displacements(plan->export_counts);
  std::vector<datasets::VertexId> requested(plan->export_displs.back() +
                                            plan->export_counts.back());
  MPI_Alltoallv(plan->ghosts.data(), plan->ghost_counts.data(), plan->ghost_displs.data(),
                MPI_UINT32_T, requested.data(), plan->export_counts.data(),
                plan->export_displs.data(), MPI_UINT32_T, comm);
  plan->exports.resize(requested.size());
  for (size_t i = 0; i < requested.size(); ++i) plan->exports[i] = requested[i] - first;
}

// One more edge into x: an atomic increment where threads share the counters, a plain one where
// one thread does it all (a locked add per edge costs one thread far more than a plain one).
template <bool kShared>
inline uint64_t Bump(uint64_t& x) {
  if constexpr (kShared) {
    return std::atomic_ref<uint64_t>(x).fetch_add(1, std::memory_order_relaxed);
  } else {
    return x++;
  }
}

template <bool kShared>
LocalTranspose Transpose(const LocalView& view, int threads) {
  LocalTranspose t;
  const uint64_t local = view.num_local();
  t.offsets.assign(local + 1, 0);
#pragma omp parallel for num_threads(threads) schedule(static)
  for (uint64_t e = 0; e < view.targets.size(); ++e) Bump<kShared>(t.offsets[view.targets[e] + 1]);
  std::inclusive_scan(t.offsets.begin(), t.offsets.end(), t.offsets.begin());
  t.sources.resize(view.targets.size());
  std::vector<uint64_t> next(t.offsets.begin(), t.offsets.end() - 1);
#pragma omp parallel for num_threads(threads) schedule(dynamic, kRowBlock)
  for (uint64_t u = 0; u < view.rows; ++u) {
    for (uint64_t e = view.offsets[u]; e < view.offsets[u + 1]; ++e) {
      t.sources[Bump<kShared>(next[view.targets[e]])] = static_cast<uint32_t>(u);
    }
  }
  if constexpr (kShared) {
    // Threads filled each list in their own order; ascending sources make the sums the kernel
    // forms the same at every thread count (one thread fills them ascending).
#pragma omp parallel for num_threads(threads) schedule(dynamic, kRowBlock)
    for (uint64_t v = 0; v < local; ++v) {
      const auto begin = t.sources.begin() + t.offsets[v];
      const auto end = t.sources.begin() + t.offsets[v + 1];
      if (!std::is_sorted(begin, end)) std::sort(begin, end);
    }
  }
  return t;
}

}  // namespace

std::vector<int> Displacements(const std::vector<int>& counts) {
  std::vector<int> displs(counts.size(), 0);
  std::exclusive_scan(counts.begin(), counts.end(), displs.begin(), 0);
  return displs;
}

LocalView BuildLocalView(const datasets::GraphPart& part, const Partition& partition,
                         bool undirected, int threads, MPI_Comm comm) {
  LocalView view;
  MPI_Comm_rank(comm, &view.rank);
  MPI_Comm_size(comm, &view.ranks);
  view.num_vertices = part.num_vertices;
  view.first = part.first;
  view.rows = part.last - part.first;
  const bool with_in = undirected && part.in.num_rows() > 0;
  const datasets::VertexId first = part.first, last = part.last;

  const GhostBits bits = MarkGhosts(part, with_in, threads);
  view.plan.ghosts = ListGhosts(bits, threads);

  view.offsets.assign(view.rows + 1, 0);
  for (datasets::VertexId v = first; v < last; ++v) {
    view.offsets[v - first + 1] =
        view.offsets[v - first] + part.out.Degree(v) + (with_in ? part.in.Degree(v) : 0);
  }
  view.targets.resize(view.offsets.back());
  const uint32_t rows = static_cast<uint32_t>(view.rows);
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
  for (uint64_t block = first; block < last; block += kRowBlock) {
    const uint64_t end = std::min<uint64_t>(last, block + kRowBlock);
    for (uint64_t v = block; v < end; ++v) {
      uint32_t* out = view.targets.data() + view.offsets[v - first];
      ForEachNeighbour(part, with_in, static_cast<datasets::VertexId>(v), [&](uint32_t u) {
        *out++ = u >= first && u < last ? u - first : rows + bits.IndexOf(u);
      });
    }
  }
  PlanExchange(partition, &view.plan, first, view.ranks, comm);
  return view;
}

LocalTranspose TransposeLocalView(const LocalView& view, int threads) {
  return threads > 1 ? Transpose<true>(view, threads) : Transpose<false>(view, 1);
}

}  // namespace cost::parallel::mpi
