// LDBC Graphalytics input (the "EVLP" format) and reference outputs.
//
// A graph is three files in one folder: `<name>.properties` (a Java properties file naming the
// other two and giving the algorithm parameters), `<name>.v` (one unsigned 64-bit vertex id per
// line; isolated vertices are listed too) and `<name>.e` (`src dst [weight]` per line).
// A reference output `<name>-<ALGO>` holds one `vertexId value` line per vertex.
// See ../shared/conformance/ldbc/README.md for the formats and where the files come from.
#ifndef COST_DATASETS_LDBC_LOADER_H_
#define COST_DATASETS_LDBC_LOADER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "datasets/graph.h"
#include "datasets/text_edge_line.h"

namespace cost::datasets {

struct LdbcGraph {
  // Dense ids are the rank of the original id among the sorted vertex ids, so dense order is
  // original-id order; edges.original_ids holds every vertex, isolated ones included.
  // Edges are exactly as in the edge file (an undirected graph lists each edge once).
  EdgeList edges;
  bool directed = true;
  std::string name;                               // the properties file's stem
  std::map<std::string, std::string> properties;  // every key as written in the file
  int pr_iterations = 0;                          // graph.<name>.pr.num-iterations
  double pr_damping = 0.85;                       // graph.<name>.pr.damping-factor
  uint64_t bfs_source = 0;                        // graph.<name>.bfs.source-vertex (original id)
  bool has_bfs_source = false;
  // graph.<name>.algorithms, lower case, e.g. {"bfs", "pr", "wcc"}.
  std::vector<std::string> algorithms;
};

// Reads only the properties file: every field but `edges`. Cheap; use it to decide whether a
// graph is worth loading (e.g. whether its algorithms list has "pr").
// Throws DatasetError("PATH:LINE: reason") on a malformed line or parameter, and
// DatasetError("PATH: reason") when the file cannot be read or `graph.<name>.directed` is
// missing.
LdbcGraph ReadLdbcProperties(const std::string& properties_path);

// The vertex and edge files a properties file names, relative to its folder. When a named file
// does not exist, or the edge file is named the same as the vertex file (a typo in two upstream
// properties files), `<name>.v` / `<name>.e` beside it.
struct LdbcFiles {
  std::string vertex_path, edge_path;
};
LdbcFiles ResolveLdbcFiles(const LdbcGraph& properties, const std::string& properties_path);

// One line of a vertex file (the id is its first column; EVLP allows vertex properties after
// it) or of an edge file ("src dst [weight...]"), without its '\n'. kSkip: a blank line. The
// reasons are those LoadLdbcGraph reports after "PATH:LINE: ".
LineKind ParseLdbcVertexLine(std::string_view line, uint64_t* id, std::string* reason);
LineKind ParseLdbcEdgeLine(std::string_view line, uint64_t* src, uint64_t* dst,
                           std::string* reason);

// Reads the properties file and the vertex and edge files it names (relative to its folder).
// When a named file does not exist, or the edge file is named the same as the vertex file (a
// typo in two upstream properties files), falls back to `<name>.v` / `<name>.e` beside it.
// Throws DatasetError("PATH:LINE: reason") on a malformed line, a duplicate vertex, or an edge
// whose endpoint is not in the vertex file; DatasetError("PATH: reason") on an unreadable file
// or more than 2^32-1 vertices.
LdbcGraph LoadLdbcGraph(const std::string& properties_path);

// Reference-output readers: one `vertexId value` line per vertex (spaces or tabs; LF or CRLF;
// blank lines ignored). Keyed by original vertex id. Throw DatasetError("PATH:LINE: reason") on
// a malformed line or a vertex listed twice.
//
// Doubles accept `%e`/`%f` forms and, in any case and with an optional sign, `inf`/`infinity`
// (LDBC writes `infinity`, `Infinity` and `+Infinity`).
std::map<uint64_t, double> ReadVertexDoubles(const std::string& path);
// Signed 64-bit values: BFS depths (unreachable = 9223372036854775807), CDLP and WCC labels.
std::map<uint64_t, int64_t> ReadVertexInts(const std::string& path);

}  // namespace cost::datasets

#endif  // COST_DATASETS_LDBC_LOADER_H_
