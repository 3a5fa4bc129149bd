// Maps byte ranges of a prepared graph file; see graph_file_part.h. mmap wants a page-aligned
// file offset, so each range is mapped from the page holding its first byte.
#include "datasets/graph_file_part.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "datasets/dataset_error.h"

namespace cost::datasets {
namespace {

struct Descriptor {
  int fd = -1;
  explicit Descriptor(const std::string& path) : fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd < 0) throw DatasetError(path + ": " + std::strerror(errno));
  }
  ~Descriptor() { ::close(fd); }
};

// Maps `bytes` bytes at `offset` of the file; returns a pointer to the first and keeps the
// mapping alive in *keep.
const void* MapRange(const Descriptor& file, const std::string& path, uint64_t offset,
                     uint64_t bytes, std::vector<std::shared_ptr<const void>>* keep) {
  if (bytes == 0) return nullptr;
  static const uint64_t page = static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
  const uint64_t start = offset / page * page;
  const uint64_t length = offset + bytes - start;
  void* map = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE, file.fd, static_cast<off_t>(start));
  if (map == MAP_FAILED) throw DatasetError(path + ": mmap: " + std::strerror(errno));
  ::madvise(map, length, MADV_WILLNEED);
  keep->emplace_back(map, [length](const void* p) { ::munmap(const_cast<void*>(p), length); });
  return static_cast<const char*>(map) + (offset - start);
}

// Rows [first, last) of the CSR whose offsets and targets are the given sections.
CsrRows MapRows(const Descriptor& file, const std::string& path, const GraphFileSection& offsets,
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
  const auto* t = static_cast<const VertexId*>(
      MapRange(file, path, targets.offset + begin * sizeof(VertexId),
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
  const Descriptor file(path);
  GraphPart part;
  part.num_vertices = info.num_vertices;
  part.num_edges = info.num_edges;
  part.symmetric = info.symmetric;
  part.first = first;
  part.last = last;
  part.out = MapRows(file, path, sections.out_offsets, sections.out_targets, first, last,
                     &part.mappings);
  if (with_in && !info.symmetric) {
    part.in = MapRows(file, path, sections.in_offsets, sections.in_sources, first, last,
                      &part.mappings);
  }
  return part;
}

EdgeIndex ReadOutOffset(const std::string& path, const GraphFileSections& sections, uint64_t v) {
  const Descriptor file(path);
  EdgeIndex value = 0;
  const off_t at = static_cast<off_t>(sections.out_offsets.offset + v * sizeof(EdgeIndex));
  if ((v + 1) * sizeof(EdgeIndex) > sections.out_offsets.bytes ||
      ::pread(file.fd, &value, sizeof value, at) != static_cast<ssize_t>(sizeof value)) {
    throw DatasetError(path + ": cannot read out offset " + std::to_string(v));
  }
  return value;
}

MappedOriginalIds MapOriginalIds(const std::string& path) {
  const GraphFileSections sections = ReadGraphFileSections(path);
  const Descriptor file(path);
  std::vector<std::shared_ptr<const void>> keep;
  const auto* ids = static_cast<const uint64_t*>(MapRange(
      file, path, sections.original_ids.offset, sections.original_ids.bytes, &keep));
  MappedOriginalIds mapped;
  mapped.ids = {ids, sections.original_ids.bytes / sizeof(uint64_t)};
  if (!keep.empty()) mapped.mapping = keep.front();
  return mapped;
}

}  // namespace cost::datasets
