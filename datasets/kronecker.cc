// Graph500 Kronecker (R-MAT) generator; see kronecker.h for the contract.
//
// Edge e draws its quadrants from a stream seeded by (seed, e) alone, so any thread may generate
// any edge and the output is byte-identical at every thread count. Each 64-bit draw serves two
// bit levels (32 bits each), compared against integer thresholds.
#include "datasets/kronecker.h"

#include <cmath>
#include <cstdint>
#include <string>

#include "datasets/dataset_error.h"
#include "datasets/random_streams.h"

namespace cost::datasets {
namespace {

// A seeded bijection of [0, 2^scale): rounds of xor-key, multiply-by-odd and xor-shift, each a
// bijection modulo 2^scale, so their composition is one too.
struct Relabel {
  static constexpr int kRounds = 3;
  uint64_t mask;
  int shift;
  uint64_t key[kRounds];
  uint64_t odd[kRounds];

  uint64_t Apply(uint64_t x) const {
    for (int r = 0; r < kRounds; ++r) {
      x = ((x ^ key[r]) * odd[r]) & mask;
      x ^= x >> shift;
    }
    return x;
  }
};

Relabel MakeRelabel(int scale, uint64_t seed) {
  Relabel relabel;
  relabel.mask = (uint64_t{1} << scale) - 1;
  relabel.shift = scale / 2 + 1;  // >= 1, so x ^ (x >> shift) is invertible
  // A stream distinct from every edge stream (those mix seed with the edge index).
  SplitMix64 stream{Mix64(seed ^ 0x5eedf00dcafebabeULL)};
  for (int r = 0; r < Relabel::kRounds; ++r) {
    relabel.key[r] = stream.Next() & relabel.mask;
    relabel.odd[r] = stream.Next() | 1;
  }
  return relabel;
}

void Validate(const KroneckerOptions& o) {
  if (o.scale < 1 || o.scale > 31) {
    throw DatasetError("kronecker: scale " + std::to_string(o.scale) + " is outside [1, 31]");
  }
  if (o.edge_factor < 1) {
    throw DatasetError("kronecker: edge_factor " + std::to_string(o.edge_factor) +
                       " must be at least 1");
  }
  const double d = 1.0 - o.a - o.b - o.c;
  // Written with ! so that NaN fails the test.
  if (!(o.a >= 0 && o.b >= 0 && o.c >= 0 && d >= -1e-12 && o.a <= 1 && o.b <= 1 && o.c <= 1)) {
    throw DatasetError("kronecker: probabilities a=" + std::to_string(o.a) +
                       " b=" + std::to_string(o.b) + " c=" + std::to_string(o.c) +
                       " must be non-negative with a+b+c <= 1");
  }
}

// Cumulative thresholds over 32-bit draws: quadrant = first i with draw < limit[i].
struct Thresholds {
  uint64_t limit[3];  // a, a+b, a+b+c, each scaled by 2^32
};

Thresholds MakeThresholds(const KroneckerOptions& o) {
  const double scale32 = 4294967296.0;
  auto to_limit = [&](double p) {
    return static_cast<uint64_t>(std::llround(std::fmin(p, 1.0) * scale32));
  };
  return {{to_limit(o.a), to_limit(o.a + o.b), to_limit(o.a + o.b + o.c)}};
}

// One R-MAT edge: at each level the quadrant q sets one bit of the source (q >> 1) and one of
// the target (q & 1). Quadrants: 0 = A (0,0), 1 = B (0,1), 2 = C (1,0), 3 = D (1,1).
// q is a sum of comparisons rather than an if-chain: the draws are random, so branches mispredict.
inline void GenerateEdge(uint64_t seed_key, uint64_t e, int scale, const Thresholds& t,
                         uint64_t* src, uint64_t* dst) {
  // Mix64 is a bijection, so distinct edges start from distinct states.
  SplitMix64 stream{Mix64(seed_key + e)};
  uint64_t s = 0, d = 0, bits = 0;
  for (int level = 0; level < scale; ++level) {
    bits = (level & 1) ? bits >> 32 : stream.Next();
    const uint64_t draw = bits & 0xffffffffULL;
    const uint64_t q = (draw >= t.limit[0]) + (draw >= t.limit[1]) + (draw >= t.limit[2]);
    s = (s << 1) | (q >> 1);
    d = (d << 1) | (q & 1);
  }
  *src = s;
  *dst = d;
}

}  // namespace

uint64_t KroneckerEdgeCount(const KroneckerOptions& options) {
  Validate(options);
  return static_cast<uint64_t>(options.edge_factor) << options.scale;
}

void GenerateKroneckerEdges(const KroneckerOptions& options, uint64_t first,
                            std::span<VertexId> src, std::span<VertexId> dst) {
  Validate(options);
  const int scale = options.scale;
  const Thresholds thresholds = MakeThresholds(options);
  const Relabel relabel = MakeRelabel(scale, options.seed);
  const uint64_t seed_key = Mix64(options.seed);
  const int64_t count = static_cast<int64_t>(src.size());
  // Each iteration depends only on (seed, e): any schedule gives the same result.
#pragma omp parallel for schedule(static)
  for (int64_t i = 0; i < count; ++i) {
    uint64_t s, d;
    GenerateEdge(seed_key, first + static_cast<uint64_t>(i), scale, thresholds, &s, &d);
    src[i] = static_cast<VertexId>(relabel.Apply(s));
    dst[i] = static_cast<VertexId>(relabel.Apply(d));
  }
}

EdgeList GenerateKronecker(const KroneckerOptions& options) {
  const uint64_t num_edges = KroneckerEdgeCount(options);
  EdgeList edges;
  edges.num_vertices = uint64_t{1} << options.scale;
  edges.src.resize(num_edges);
  edges.dst.resize(num_edges);
  GenerateKroneckerEdges(options, 0, edges.src, edges.dst);
  return edges;
}

}  // namespace cost::datasets
