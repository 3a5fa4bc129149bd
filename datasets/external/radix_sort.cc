// The parallel LSD radix sort; see radix_sort.h.
#include "datasets/external/radix_sort.h"

#include <omp.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace cost::datasets {
namespace {

constexpr int kDigitBits = 11;
constexpr int kDigits = (64 + kDigitBits - 1) / kDigitBits;  // 6
constexpr uint64_t kBuckets = uint64_t{1} << kDigitBits;

// Bit d is set when digit bit d is not the same in every key.
uint64_t VaryingBits(std::span<const uint64_t> keys) {
  const uint64_t first = keys[0];
  uint64_t varying = 0;
  const uint64_t size = keys.size();
#pragma omp parallel for schedule(static) reduction(| : varying)
  for (uint64_t i = 0; i < size; ++i) varying |= keys[i] ^ first;
  return varying;
}

// One stable counting pass on the digit at `shift`, from -> to. count has parts * kBuckets.
void CountingPass(const uint64_t* from, uint64_t* to, uint64_t size, int shift, int parts,
                  std::vector<uint64_t>* count) {
  // Plain form, one thread: ++count[digit(key)] over all keys; exclusive prefix sum; then
  // to[count[digit(key)]++] = key in key order.
  auto part_begin = [&](int p) { return size * p / parts; };
  std::fill(count->begin(), count->end(), 0);
#pragma omp parallel for schedule(static, 1)
  for (int p = 0; p < parts; ++p) {
    uint64_t* c = count->data() + static_cast<uint64_t>(p) * kBuckets;
    for (uint64_t i = part_begin(p); i < part_begin(p + 1); ++i) {
      ++c[(from[i] >> shift) & (kBuckets - 1)];
    }
  }
  uint64_t sum = 0;  // value-major, part-minor exclusive prefix sum
  for (uint64_t value = 0; value < kBuckets; ++value) {
    for (int p = 0; p < parts; ++p) sum += std::exchange((*count)[p * kBuckets + value], sum);
  }
#pragma omp parallel for schedule(static, 1)
  for (int p = 0; p < parts; ++p) {
    uint64_t* cursor = count->data() + static_cast<uint64_t>(p) * kBuckets;
    for (uint64_t i = part_begin(p); i < part_begin(p + 1); ++i) {
      to[cursor[(from[i] >> shift) & (kBuckets - 1)]++] = from[i];
    }
  }
}

// One thread: the histograms of every digit in one read of the keys (a digit's counts do not
// depend on the order of the keys), then one scatter pass per varying digit.
std::span<uint64_t> SortOnOneThread(std::span<uint64_t> keys, std::span<uint64_t> scratch,
                                    uint64_t varying) {
  std::vector<uint64_t> count(kDigits * kBuckets, 0);
  for (const uint64_t key : keys) {
    for (int d = 0; d < kDigits; ++d)
      ++count[d * kBuckets + ((key >> (d * kDigitBits)) & (kBuckets - 1))];
  }
  uint64_t* from = keys.data();
  uint64_t* to = scratch.data();
  for (int d = 0; d < kDigits; ++d) {
    const int shift = d * kDigitBits;
    if (((varying >> shift) & (kBuckets - 1)) == 0) continue;
    uint64_t* cursor = count.data() + d * kBuckets;
    uint64_t sum = 0;
    for (uint64_t value = 0; value < kBuckets; ++value) sum += std::exchange(cursor[value], sum);
    for (uint64_t i = 0; i < keys.size(); ++i) {
      to[cursor[(from[i] >> shift) & (kBuckets - 1)]++] = from[i];
    }
    std::swap(from, to);
  }
  return {from, keys.size()};
}

}  // namespace

std::span<uint64_t> RadixSortKeys(std::span<uint64_t> keys, std::span<uint64_t> scratch) {
  const uint64_t size = keys.size();
  if (size < 2) return keys;
  const uint64_t varying = VaryingBits(keys);
  // Small inputs (a tiny budget's runs, a test's graph) gain nothing from threads.
  const int parts = size < (uint64_t{1} << 16) ? 1 : std::max(1, omp_get_max_threads());
  if (parts == 1) return SortOnOneThread(keys, scratch, varying);
  std::vector<uint64_t> count(static_cast<uint64_t>(parts) * kBuckets);
  uint64_t* from = keys.data();
  uint64_t* to = scratch.data();
  for (int d = 0; d < kDigits; ++d) {
    const int shift = d * kDigitBits;
    if (((varying >> shift) & (kBuckets - 1)) == 0) continue;
    CountingPass(from, to, size, shift, parts, &count);
    std::swap(from, to);
  }
  return {from, size};
}

uint64_t DedupeSorted(std::span<uint64_t> keys) {
  return static_cast<uint64_t>(std::unique(keys.begin(), keys.end()) - keys.begin());
}

}  // namespace cost::datasets
