// A manifest's "prepare" step: the system's own converter (GAP's converter to .sg, an adjacency
// file for GBBS or Ligra), run once per graph and manifest, its output cached beside the prepared
// file and reused by every later row of that system. Its wall time is the rows' system
// preparation (Measurement::system_preparation_seconds), recorded whether it ran now or before.
//
// The cache is keyed by the graph's content checksum and the manifest's own hash (XXH64 of the
// manifest file's bytes and the prepare command): a changed graph or an edited manifest prepares
// again; an unchanged pair never does.
#ifndef COST_HARNESS_RUN_EXTERNAL_PREPARE_H_
#define COST_HARNESS_RUN_EXTERNAL_PREPARE_H_

#include <string>

#include "harness/core/outcome.h"

namespace cost::harness {

struct ExternalSystem;

struct PreparedInput {
  Outcome outcome = Outcome::kOk;
  std::string message;  // why the command failed; empty when ok
  std::string path;     // what {prepared} named: the command's output (a file or a prefix)
  double seconds = 0;   // the command's wall time when it ran
  bool cached = false;  // reused from an earlier run
};

// The manifest's hash, as 16 hex digits. Throws std::runtime_error when the manifest file cannot
// be read.
std::string ManifestHash(const ExternalSystem& system);

// Where the prepared output of `system` for the graph at graph_path (content checksum
// graph_checksum) lives, beside the graph: GRAPH.CHECKSUM.SYSTEM-HASH, a path the command writes
// or a prefix of the files it writes (GAP's reader wants its .sg suffix: {prepared}.sg).
std::string PreparedPathFor(const ExternalSystem& system, const std::string& graph_path,
                            const std::string& graph_checksum);

// Runs system.prepare with {graph} = input (what input_format gave) and {prepared} = the cached
// path, unless a finished output lies there already; a failing command is the returned outcome
// (classified as any child's), and leaves no cache entry.
PreparedInput EnsurePrepared(const ExternalSystem& system, const std::string& input,
                             const std::string& graph_path, const std::string& graph_checksum);

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_EXTERNAL_PREPARE_H_
