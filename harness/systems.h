// The table of implementations: one row per (system, algorithm) pair. Adding an in-tree
// implementation is one kernel function plus one row in systems.cc; the CLI, sweeps and the
// conformance tests all read this table.
#ifndef COST_HARNESS_SYSTEMS_H_
#define COST_HARNESS_SYSTEMS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "datasets/graph.h"

namespace cost::harness {

enum class Kernel { kPageRank, kWcc };
enum class Kind { kSingleThreaded, kThreaded, kMultiprocess };

std::string_view KernelName(Kernel k);      // "pagerank", "wcc"
std::string_view KindName(Kind k);          // "single-threaded", "threaded", "multiprocess"
// Returns false for an unknown name.
bool ParseKernel(std::string_view name, Kernel* kernel);

// What one kernel call needs besides the graph.
struct RunParams {
  int threads = 1;
  int iterations = 20;    // PageRank only
  double damping = 0.85;  // PageRank only
};

// PageRank returns ranks (double); WCC returns a component label per vertex.
using Values = std::variant<std::vector<double>, std::vector<uint32_t>>;

struct Implementation {
  std::string_view name;       // "system:algorithm", what --impl takes
  Kernel kernel;
  std::string_view system;     // "serial", "openmp"
  std::string_view algorithm;  // "pagerank-pull", "label-propagation", "union-find"
  Kind kind;
  std::string_view description;
  Values (*run)(const datasets::Graph& graph, const RunParams& params);
};

std::span<const Implementation> Implementations();
// nullptr when no row has that name.
const Implementation* FindImplementation(std::string_view name);

}  // namespace cost::harness

#endif  // COST_HARNESS_SYSTEMS_H_
