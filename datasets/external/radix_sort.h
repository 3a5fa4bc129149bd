// LSD radix sort of 64-bit keys: the sort of the external-memory builder's runs and of the
// in-memory Hilbert layout. 11-bit digits; a digit equal in every key costs no pass (keys of a
// graph with 2^20 vertices have 40 significant bits: 4 passes, not 6). Each thread counts and
// moves its own contiguous part, and part p's keys of a digit value go after those of parts
// before it, so every pass is a stable counting sort and the result is the same at any thread
// count (and, keys being plain integers, the same as any correct sort).
#ifndef COST_DATASETS_EXTERNAL_RADIX_SORT_H_
#define COST_DATASETS_EXTERNAL_RADIX_SORT_H_

#include <cstdint>
#include <span>

namespace cost::datasets {

// Sorts `keys` ascending using `scratch` (at least keys.size() entries) as the other buffer.
// Returns the span holding the sorted keys: a prefix of either `keys` or `scratch`.
std::span<uint64_t> RadixSortKeys(std::span<uint64_t> keys, std::span<uint64_t> scratch);

// Keeps the first of each run of equal keys of a sorted span, in place; returns how many remain.
uint64_t DedupeSorted(std::span<uint64_t> keys);

}  // namespace cost::datasets

#endif  // COST_DATASETS_EXTERNAL_RADIX_SORT_H_
