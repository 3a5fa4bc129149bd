// The table of implementations: one row per (system, algorithm) pair. Adding an in-tree
// implementation is one kernel function plus one row in its system's file under implementations/
// (implementations.cc assembles the table); the CLI, sweeps and the conformance tests all read
// this table.
#ifndef COST_HARNESS_RUN_IMPLEMENTATIONS_H_
#define COST_HARNESS_RUN_IMPLEMENTATIONS_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "datasets/graph.h"
#include "datasets/graph_sections.h"
#include "datasets/hilbert_layout.h"
#include "harness/core/kernel.h"

namespace cost::harness {

// What a streaming row read in its calls, summed over them.
struct StreamCounters {
  uint64_t bytes_read = 0;  // edge section and out-degrees
  uint64_t passes = 0;      // over the edge section
};

// What one kernel call needs besides the graph.
struct RunParams {
  int threads = 1;
  int iterations = 20;            // PageRank only
  double damping = 0.85;          // PageRank only
  datasets::VertexId source = 0;  // BFS only: dense id, < num_vertices
  // Rows that stream their edges (Implementation::streams): the prepared file they read on every
  // pass (empty: the graph's in-memory section, read through the same buffer), whether each pass
  // reads past the page cache (storage "disk": read ahead with O_DIRECT, or dropped behind where
  // the file system refuses it), and where they add the bytes read.
  std::string graph_path;
  bool drop_behind = false;
  StreamCounters* stream_counters = nullptr;
};

// PageRank returns ranks (double); WCC returns a component label per vertex; BFS returns a depth
// per vertex (datasets::kUnreachable when the source cannot reach it).
using Values = std::variant<std::vector<double>, std::vector<uint32_t>, std::vector<int64_t>>;

// A kernel function called in the measuring process.
using InProcessKernel = Values (*)(const datasets::Graph& graph, const RunParams& params);

// An MPI program that `mpirun -np P` starts (harness/run/multiprocess.h); its ranks call the
// kernel, each mapping only its rows of the prepared file. The program gets the row's algorithm
// (the name after the colon) as --algorithm.
struct MpiProgram {
  std::string_view executable;  // built beside `cost`: "cost_mpi", "cost_pbgl"
  // Its ranks run one thread whatever they are given (Parallel BGL), so a sweep runs it at one
  // thread per rank only.
  bool single_threaded_ranks = false;
};

// A peer library's own copy of the graph, built once per measurement, and the row's kernel over
// it. The building is the system's own preparation (igraph_create, say): a measurement times it
// once, apart from the kernel, as the row's system_preparation_seconds.
class PreparedGraph {
 public:
  virtual ~PreparedGraph() = default;
  virtual Values Run(const RunParams& params) const = 0;
};
struct PreparingKernel {
  std::unique_ptr<PreparedGraph> (*prepare)(const datasets::Graph& graph);
};

// How a row runs: in this process (on our graph, or on the system's own copy of it), or as an MPI
// job.
using Runner = std::variant<InProcessKernel, MpiProgram, PreparingKernel>;

// What a row that streams its edges holds in memory besides its read buffer: bytes per vertex,
// and per vertex and thread (per-thread copies of an array).
struct StreamedEdges {
  bool from_file = false;
  uint32_t vertex_bytes = 0;
  uint32_t thread_vertex_bytes = 0;
  uint64_t buffer_bytes = uint64_t{4} << 20;
};

// The floating type a row keeps its working sums in (PageRank's shares and ranks).
enum class Precision { kDouble, kFloat };

// A single-threaded row's part among its kernel's baselines, the two horizontal lines of the
// paper's Figure 5. kSimple: the plain code over the vertex-order CSR (the upper line);
// kOptimised: the fastest single thread the tree has (a better layout or algorithm; the lower
// line). A sweep that names "the best single thread" must measure every kOptimised row of its
// kernels (the demo and `cost reproduce` add them). kNone: parallel rows and the other
// single-threaded variants (push, compressed, Boost.Graph).
enum class BaselineRole { kNone, kSimple, kOptimised };
// "none", "simple", "optimised": the role as `cost systems` prints it.
std::string_view BaselineRoleName(BaselineRole role);

struct Implementation {
  std::string_view name;  // "system:algorithm", what --impl takes
  Kernel kernel;
  std::string_view system;     // "serial", "openmp"
  std::string_view algorithm;  // "pagerank-pull", "label-propagation", "union-find"
  Kind kind;
  std::string_view description;
  Runner runner;
  // Where the implementation knowingly departs from the kernel's definition; empty when it
  // computes the definition. deviation_applies says on which graphs that changes the output.
  // Validation never skips such a row: it validates as usual and names the deviation in the
  // message (see NoteDeviation in validation.h).
  std::string_view deviation = {};
  bool (*deviation_applies)(const datasets::Graph& graph) = nullptr;
  // The edge layout the row reads besides the CSR (kVertex: none). Running it on a graph without
  // that layout throws std::invalid_argument; a sweep should skip such pairs, tests add the layout
  // (datasets::WithHilbertLayout).
  datasets::EdgeLayout requires_layout = datasets::EdgeLayout::kVertex;
  // The sections of a prepared file its kernel reads besides the original ids and out-degrees
  // (datasets/graph_sections.h; default csr and transpose). `cost run` maps only these and
  // what validation reads (row_sections.h), and refuses a file lacking one, naming it.
  datasets::PreparedSections requires_sections = {};
  // kFloat rows round every share to 24 bits: their total rank holds to about 1e-7, not 1e-12.
  // Validation's tolerance (1e-4 per vertex) covers both.
  Precision precision = Precision::kDouble;
  // Rows that stream the compressed Hilbert arcs from the prepared file on every pass instead of
  // mapping them (datasets/compressed_arc_stream.h): what they keep in memory, for their
  // admission (harness/run/row_memory.h). from_file false: the row maps its sections.
  StreamedEdges streams = {};
  BaselineRole baseline = BaselineRole::kNone;
  // Minutes per call where the kernel's other rows take seconds (Parallel BGL's): quick sweeps
  // (`cost demo`) leave such rows out; harness/experiments/mpi-scaling.json measures them.
  bool slow = false;
};

std::span<const Implementation> Implementations();
// nullptr when no row has that name.
const Implementation* FindImplementation(std::string_view name);

// Whether the row's kernel is called in this process (false: its runner is an MpiProgram).
bool RunsInProcess(const Implementation& impl);
// Calls the row's kernel in this process (a PreparingKernel row prepares first, untimed here).
// Throws std::logic_error for a row run by mpirun.
Values RunInProcess(const Implementation& impl, const datasets::Graph& graph,
                    const RunParams& params);
// The rows that run in this process, in table order: what can be timed or called without mpirun.
std::vector<const Implementation*> InProcessImplementations();

// The edge layout the row named `implementation` reads; kVertex for a name not in the table (an
// external system reads the vertex-order file or an edge list).
datasets::EdgeLayout LayoutReadBy(std::string_view implementation);
// The sections the row named `implementation` reads; csr and transpose for a name not in the
// table.
datasets::PreparedSections SectionsReadBy(std::string_view implementation);

// The dense id of the vertex whose original id is `original_id`; false when there is none.
bool FindVertex(const datasets::Graph& graph, uint64_t original_id, datasets::VertexId* vertex);

// The BFS source used when none is given: the first vertex with out-edges at or after (cyclically)
// position mt19937_64(seed 1)() % n. Deterministic for a graph; 0 when no vertex has out-edges.
// Requires: graph has at least one vertex.
datasets::VertexId DefaultBfsSource(const datasets::Graph& graph);

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_IMPLEMENTATIONS_H_
