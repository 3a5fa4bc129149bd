// Reference outputs kept on disk between rows. Validating a row computes the oracle
// (validation.h: 20 PageRank iterations in double precision, or a breadth-first WCC), which on a
// billion-edge graph takes minutes, longer than the rows it checks; a sweep validates every row
// of a graph against the same reference, so it computes each one once and the rows after it read
// it back.
//
// Why reuse is safe: an entry is named by everything the oracle's output depends on, the graph's
// content checksum (a prepared file's XXH64 over its sections' checksums), the kernel and its
// parameters, and the binary that computed it (its build record, size and modification time, so
// a rebuilt oracle never validates against an older one's output). An entry holds the values and
// their XXH64, and one that is truncated, corrupt or of another key is ignored and computed again.
// Entries are written atomically (a temporary file renamed), so a row killed while writing one
// leaves none.
#ifndef COST_HARNESS_RUN_REFERENCE_CACHE_H_
#define COST_HARNESS_RUN_REFERENCE_CACHE_H_

#include <optional>
#include <string>

#include "datasets/graph.h"
#include "harness/core/kernel.h"
#include "harness/run/implementations.h"

namespace cost::harness {

// Where a sweep keeps the references of the graphs in its dataset cache: DATASET_CACHE/references.
std::string ReferenceCacheDir(const std::string& dataset_cache_dir);

// What a reference is a function of, besides the binary.
struct ReferenceKey {
  std::string graph_checksum;  // hex, as results record it; empty: not cacheable
  Kernel kernel = Kernel::kPageRank;
  int iterations = 0;  // PageRank only
  double damping = 0;  // PageRank only
};

ReferenceKey ReferenceKeyOf(Kernel kernel, const std::string& graph_checksum,
                            const RunParams& params);

// dir / "<checksum>-<kernel>-<hash of the parameters and the binary>.ref".
std::string ReferencePath(const std::string& dir, const ReferenceKey& key);

// The values stored for key in dir; nullopt when there is no readable entry of that key.
std::optional<Values> LoadReference(const std::string& dir, const ReferenceKey& key);

// Stores values for key in dir (created when missing). Throws DatasetError naming the file when
// it cannot be written.
void StoreReference(const std::string& dir, const ReferenceKey& key, const Values& values);

// ReferenceValues(kernel, graph, params), read from dir when an entry is there (*reused = true),
// otherwise computed and stored there. An empty dir, BFS (validated without a reference) and a
// graph without a checksum compute it every time.
Values CachedReferenceValues(const std::string& dir, Kernel kernel, const std::string& checksum,
                             const datasets::Graph& graph, const RunParams& params, bool* reused);

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_REFERENCE_CACHE_H_
