// The concurrent union-find step that openmp:afforest and mpi:union-find share, over a parent
// array in which every link points from a larger index to a smaller one: trees cannot form
// cycles, a root is the smallest index of its tree, and a compare-exchange on a root's parent is
// the only synchronisation. Path halving is safe without one: it only writes parent[v] of a
// vertex that is not a root (no thread links a non-root), and what it writes, a grandparent,
// stays an ancestor of v whatever other threads do, since trees only ever merge. Relaxed atomic
// loads and stores elsewhere (plain moves on x86). Internal to parallel/.
#ifndef COST_PARALLEL_CONCURRENT_UNION_FIND_H_
#define COST_PARALLEL_CONCURRENT_UNION_FIND_H_

#include <atomic>
#include <cstdint>
#include <utility>

namespace cost::parallel {

inline uint32_t Load(uint32_t* parent, uint32_t v) {
  return std::atomic_ref<uint32_t>(parent[v]).load(std::memory_order_relaxed);
}

inline void Store(uint32_t* parent, uint32_t v, uint32_t value) {
  std::atomic_ref<uint32_t>(parent[v]).store(value, std::memory_order_relaxed);
}

// The root of v's tree, halving the path on the way (each visited vertex is pointed at its
// grandparent).
inline uint32_t FindHalving(uint32_t* parent, uint32_t v) {
  for (;;) {
    const uint32_t p = Load(parent, v);
    if (p == v) return v;
    const uint32_t grandparent = Load(parent, p);
    if (grandparent == p) return p;
    Store(parent, v, grandparent);
    v = grandparent;
  }
}

// Joins the trees of u and v: hooks the larger root under the smaller one. When another thread
// hooked that root first, the compare-exchange fails and the search resumes from its new parent.
inline void Link(uint32_t* parent, uint32_t u, uint32_t v) {
  uint32_t a = FindHalving(parent, u), b = FindHalving(parent, v);
  while (a != b) {
    if (a < b) std::swap(a, b);
    uint32_t expected = a;
    if (std::atomic_ref<uint32_t>(parent[a]).compare_exchange_strong(expected, b,
                                                                     std::memory_order_relaxed)) {
      return;
    }
    a = FindHalving(parent, expected);
    b = FindHalving(parent, b);
  }
}

}  // namespace cost::parallel

#endif  // COST_PARALLEL_CONCURRENT_UNION_FIND_H_
