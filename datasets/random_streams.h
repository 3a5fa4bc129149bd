// Counter-based randomness for the generators: item i of a graph draws from a stream seeded by
// (seed, i) alone, so any thread may generate any item and the output does not depend on the
// thread count. Used by every generator (Kronecker, uniform, grid).
#ifndef COST_DATASETS_RANDOM_STREAMS_H_
#define COST_DATASETS_RANDOM_STREAMS_H_

#include <cstdint>

namespace cost::datasets {

// splitmix64's output function (Steele, Lea, Flood 2014): a strong 64-bit bijective mixer.
inline uint64_t Mix64(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A splitmix64 stream: state advances by the golden gamma, output is the mixed state.
struct SplitMix64 {
  uint64_t state;
  uint64_t Next() { return Mix64(state += 0x9e3779b97f4a7c15ULL); }
};

// A value in [0, bound) from the high 32 bits of a draw (Lemire's multiply-shift; bias below
// 2^-32 per draw for bound <= 2^32).
inline uint64_t Below(uint64_t draw, uint64_t bound) { return ((draw >> 32) * bound) >> 32; }

}  // namespace cost::datasets

#endif  // COST_DATASETS_RANDOM_STREAMS_H_
