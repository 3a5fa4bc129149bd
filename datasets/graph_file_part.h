// Part of a prepared graph file, mapped alone: the rows [first, last) of its CSR (and of the
// transpose), or one array. An MPI rank maps only the rows it owns, so its memory for the graph
// is about 1/P of the file; nothing else of the file is read (the page cache holds what it
// touches, and only that).
#ifndef COST_DATASETS_GRAPH_FILE_PART_H_
#define COST_DATASETS_GRAPH_FILE_PART_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "datasets/graph.h"
#include "datasets/graph_file.h"

namespace cost::datasets {

// Rows [first, first + offsets.size() - 1) of a CSR. offsets are the file's own (indices into the
// whole targets array); targets holds only these rows' edges, starting at edge offsets[0].
struct CsrRows {
  VertexId first = 0;
  std::span<const EdgeIndex> offsets;
  std::span<const VertexId> targets;

  uint64_t num_rows() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  uint64_t Degree(VertexId v) const { return offsets[v - first + 1] - offsets[v - first]; }
  std::span<const VertexId> Neighbors(VertexId v) const {
    return targets.subspan(offsets[v - first] - offsets[0], Degree(v));
  }
};

// The rows a process owns. `in` is empty unless asked for; on a symmetric graph it would equal
// `out`, so it is never mapped there.
struct GraphPart {
  uint64_t num_vertices = 0;  // of the whole graph
  uint64_t num_edges = 0;
  bool symmetric = false;
  VertexId first = 0, last = 0;
  CsrRows out, in;
  std::vector<std::shared_ptr<const void>> mappings;  // keep the spans above alive
};

// Maps rows [first, last) of `path`'s out-CSR, and of its transpose when with_in and the graph is
// not symmetric. Throws DatasetError("PATH: reason") for a bad file or a range outside it.
GraphPart MapGraphPart(const std::string& path, VertexId first, VertexId last, bool with_in);

// Entry v of the out-offsets array (the first edge of row v), read with one pread: lets every
// process split the rows by edge count without mapping the whole array.
EdgeIndex ReadOutOffset(const std::string& path, const GraphFileSections& sections, uint64_t v);

// The original ids of all vertices (u64 x n), mapped; what the process writing values needs.
struct MappedOriginalIds {
  std::span<const uint64_t> ids;
  std::shared_ptr<const void> mapping;
};
MappedOriginalIds MapOriginalIds(const std::string& path);

}  // namespace cost::datasets

#endif  // COST_DATASETS_GRAPH_FILE_PART_H_
