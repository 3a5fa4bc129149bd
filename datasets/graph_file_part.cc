// Maps byte ranges of a prepared graph file; see graph_file_part.h.
#include "datasets/graph_file_part.h"

#include <utility>

#include "datasets/dataset_error.h"
#include "datasets/file_mapping.h"
#include "datasets/posix_io.h"

namespace cost::datasets {
namespace {

// Maps `bytes` bytes at `offset` of the file; returns a pointer to the first and keeps the
// mapping alive in *keep.
const void* MapRange(const UniqueFd& file, const std::string& path, uint64_t offset, uint64_t bytes,
                     std::vector<std::shared_ptr<const void>>* keep) {
  MappedRange range = MapFileRange(file.get(), path, offset, bytes);
  if (range.mapping) keep->push_back(std::move(range.mapping));
  return range.data;
}

// Rows [first, last) of the CSR whose offsets and targets are the given sections.
CsrRows MapRows(const UniqueFd& file, const std::string& path, const GraphFileSection& offsets,
                const GraphFileSection& targets, VertexId first, VertexId last,
                std::vector<std::shared_ptr<const void>>* keep) {
  CsrRows rows;
  rows.first = first;
  const auto* offs = static_cast<const EdgeIndex*>(
      MapRange(file, path, offsets.offset + uint64_t{first} * sizeof(EdgeIndex),
               (uint64_t{last} - first + 1) * sizeof(EdgeIndex), keep));
  rows.offsets = {offs, uint64_t{last} - first + 1};
  const EdgeIndex begin = rows.offsets.front(), end = rows.offsets.back();
  if (begin > end || end * sizeof(VertexId) > targets.bytes) {
    throw DatasetError(path + ": rows " + std::to_string(first) + ".." + std::to_string(last) +
                       " point outside the edge array");
  }
  const auto* t =
      static_cast<const VertexId*>(MapRange(file, path, targets.offset + begin * sizeof(VertexId),
                                            (end - begin) * sizeof(VertexId), keep));
  rows.targets = {t, end - begin};
  return rows;
}

}  // namespace

GraphPart MapGraphPart(const std::string& path, VertexId first, VertexId last, bool with_in) {
  GraphFileInfo info;
  const GraphFileSections sections = ReadGraphFileSections(path, &info);
  if (first > last || last > info.num_vertices) {
    throw DatasetError(path + ": rows " + std::to_string(first) + ".." + std::to_string(last) +
                       " outside its " + std::to_string(info.num_vertices) + " vertices");
  }
  if (sections.out_offsets.bytes == 0) {
    throw DatasetError(path + ": has no 'csr' section, which a part of the graph is mapped from");
  }
  const UniqueFd file = OpenForReading(path);
  GraphPart part;
  part.num_vertices = info.num_vertices;
  part.num_edges = info.num_edges;
  part.symmetric = info.symmetric;
  part.first = first;
  part.last = last;
  part.out =
      MapRows(file, path, sections.out_offsets, sections.out_targets, first, last, &part.mappings);
  if (with_in && !info.symmetric) {
    part.in =
        MapRows(file, path, sections.in_offsets, sections.in_sources, first, last, &part.mappings);
  }
  return part;
}

EdgeIndex ReadOutOffset(const std::string& path, const GraphFileSections& sections, uint64_t v) {
  const UniqueFd file = OpenForReading(path);
  EdgeIndex value = 0;
  const uint64_t at = sections.out_offsets.offset + v * sizeof(EdgeIndex);
  if ((v + 1) * sizeof(EdgeIndex) > sections.out_offsets.bytes ||
      PreadUpTo(file.get(), &value, sizeof value, at, path) != sizeof value) {
    throw DatasetError(path + ": cannot read out offset " + std::to_string(v));
  }
  return value;
}

MappedOriginalIds MapOriginalIds(const std::string& path) {
  const GraphFileSections sections = ReadGraphFileSections(path);
  const UniqueFd file = OpenForReading(path);
  std::vector<std::shared_ptr<const void>> keep;
  const auto* ids = static_cast<const uint64_t*>(
      MapRange(file, path, sections.original_ids.offset, sections.original_ids.bytes, &keep));
  MappedOriginalIds mapped;
  mapped.ids = {ids, sections.original_ids.bytes / sizeof(uint64_t)};
  if (!keep.empty()) mapped.mapping = keep.front();
  return mapped;
}

}  // namespace cost::datasets
