// SNAP-style text edge lists; see text_loader.h for the format.
//
// The file is mapped, not streamed: one pass with std::from_chars collects the raw 64-bit ids,
// then the ids are relabelled to their rank among the distinct ids (so the dense order is the
// ascending order of original ids, whatever the edge order).
#include "datasets/text_loader.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "datasets/dataset_error.h"
#include "datasets/output_file.h"
#include "datasets/rank_hash_map.h"
#include "datasets/text_edge_line.h"

namespace cost::datasets {
namespace {

// Raw ids as they appear in the text, before relabelling.
struct RawEdges {
  std::vector<uint64_t> src;
  std::vector<uint64_t> dst;
};

[[noreturn]] void FailAtLine(const std::string& name, uint64_t line, const std::string& reason) {
  throw DatasetError(name + ":" + std::to_string(line) + ": " + reason);
}

// Reads every "src dst [ignored...]" line of `text` into raw ids.
RawEdges ParseRawEdges(std::string_view text, const std::string& name) {
  RawEdges raw;
  const char* p = text.data();
  const char* const end = p + text.size();
  uint64_t line = 0;
  while (p < end) {
    ++line;
    const char* eol = static_cast<const char*>(std::memchr(p, '\n', end - p));
    if (eol == nullptr) eol = end;
    uint64_t src = 0, dst = 0;
    std::string reason;
    switch (ParseEdgeLine(std::string_view(p, eol - p), &src, &dst, &reason)) {
      case LineKind::kEdge:
        raw.src.push_back(src);
        raw.dst.push_back(dst);
        break;
      case LineKind::kSkip:
        break;
      case LineKind::kError:
        FailAtLine(name, line, reason);
    }
    p = eol + 1;
  }
  if (raw.src.empty()) throw DatasetError(name + ": no edges");
  return raw;
}

// Dense ids (max id within a small multiple of the edge count): a rank table indexed by id.
std::vector<uint64_t> RelabelByTable(RawEdges* raw, uint64_t max_id, const std::string& name) {
  const size_t m = raw->src.size();
  std::vector<uint32_t> rank(max_id + 1, 0);
  for (size_t i = 0; i < m; ++i) rank[raw->src[i]] = rank[raw->dst[i]] = 1;
  std::vector<uint64_t> distinct;
  for (uint64_t id = 0; id <= max_id; ++id) {
    if (rank[id] == 0) continue;
    CheckVertexCount(distinct.size() + 1, name);
    rank[id] = static_cast<uint32_t>(distinct.size());
    distinct.push_back(id);
  }
#pragma omp parallel for schedule(static)
  for (size_t i = 0; i < m; ++i) {
    raw->src[i] = rank[raw->src[i]];
    raw->dst[i] = rank[raw->dst[i]];
  }
  return distinct;
}

// Sparse ids: sort and dedupe the ids, then look each endpoint up in a hash table of ranks.
std::vector<uint64_t> RelabelByHash(RawEdges* raw, const std::string& name) {
  const size_t m = raw->src.size();
  std::vector<uint64_t> distinct;
  distinct.reserve(2 * m);
  distinct.insert(distinct.end(), raw->src.begin(), raw->src.end());
  distinct.insert(distinct.end(), raw->dst.begin(), raw->dst.end());
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  distinct.shrink_to_fit();
  CheckVertexCount(distinct.size(), name);
  const RankHashMap table(distinct);
#pragma omp parallel for schedule(static)
  for (size_t i = 0; i < m; ++i) {
    raw->src[i] = table.Rank(raw->src[i]);
    raw->dst[i] = table.Rank(raw->dst[i]);
  }
  return distinct;
}

// Replaces each raw id by its rank among the distinct ids and returns the distinct ids in
// ascending order. Both strategies give the same ranks; the table is cheaper when ids are dense.
std::vector<uint64_t> RelabelInPlace(RawEdges* raw, const std::string& name) {
  const size_t m = raw->src.size();
  uint64_t max_id = 0;
  for (size_t i = 0; i < m; ++i) max_id = std::max({max_id, raw->src[i], raw->dst[i]});
  if (max_id < 4 * uint64_t{m} + 1024) return RelabelByTable(raw, max_id, name);
  return RelabelByHash(raw, name);
}

// Closes the descriptor on every way out of the function that opened it.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// Unmaps on every way out of the function that mapped it.
struct Mapping {
  void* addr;
  size_t size;
  ~Mapping() {
    if (addr != MAP_FAILED) ::munmap(addr, size);
  }
};

// Reads a whole non-regular file (a pipe, /dev/stdin) that cannot be mapped.
std::string ReadAll(int fd, const std::string& path) {
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) return text;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw DatasetError(path + ": " + std::strerror(errno));
    text.append(buffer, n);
  }
}

}  // namespace

EdgeList ParseTextEdgeList(std::string_view text, const std::string& name) {
  RawEdges raw = ParseRawEdges(text, name);
  EdgeList edges;
  edges.original_ids = RelabelInPlace(&raw, name);
  edges.num_vertices = edges.original_ids.size();
  // Ranks fit VertexId: RelabelInPlace checked the distinct count.
  edges.src.assign(raw.src.begin(), raw.src.end());
  raw.src = {};
  edges.dst.assign(raw.dst.begin(), raw.dst.end());
  return edges;
}

EdgeList LoadTextEdgeList(const std::string& path) {
  const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) throw DatasetError(path + ": " + std::strerror(errno));
  struct stat st;
  if (::fstat(file.fd, &st) != 0) throw DatasetError(path + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw DatasetError(path + ": is a directory");
  if (IsGzipFile(path)) return ParseTextEdgeList(ReadWholeInput(path), path);
  if (!S_ISREG(st.st_mode)) return ParseTextEdgeList(ReadAll(file.fd, path), path);
  if (st.st_size == 0) throw DatasetError(path + ": no edges");

  const size_t size = static_cast<size_t>(st.st_size);
  const Mapping map{::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, file.fd, 0), size};
  if (map.addr == MAP_FAILED) throw DatasetError(path + ": " + std::strerror(errno));
  ::madvise(map.addr, size, MADV_SEQUENTIAL);
  return ParseTextEdgeList(std::string_view(static_cast<const char*>(map.addr), size), path);
}

}  // namespace cost::datasets
