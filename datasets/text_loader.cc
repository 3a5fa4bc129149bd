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
#include <charconv>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "datasets/dataset_error.h"
#include "datasets/output_file.h"

namespace cost::datasets {
namespace {

// Raw ids as they appear in the text, before relabelling.
struct RawEdges {
  std::vector<uint64_t> src;
  std::vector<uint64_t> dst;
};

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

[[noreturn]] void FailAtLine(const std::string& name, uint64_t line, const std::string& reason) {
  throw DatasetError(name + ":" + std::to_string(line) + ": " + reason);
}

// Quotes a token for an error message, shortened so a binary file gives a readable message.
std::string Quote(std::string_view token) {
  constexpr size_t kMaxShown = 40;
  std::string quoted = "'";
  quoted.append(token.substr(0, kMaxShown));
  if (token.size() > kMaxShown) quoted.append("...");
  quoted.push_back('\'');
  return quoted;
}

// Parses one id token (a maximal run of non-blank characters) or throws naming the line.
uint64_t ParseId(std::string_view token, const std::string& name, uint64_t line) {
  uint64_t value = 0;
  const char* end = token.data() + token.size();
  const auto [ptr, ec] = std::from_chars(token.data(), end, value);
  if (ec == std::errc() && ptr == end) return value;
  if (ec == std::errc::result_out_of_range && ptr == end) {
    FailAtLine(name, line, "id " + Quote(token) + " is larger than 2^64-1");
  }
  const bool digits_after_minus =
      token.size() > 1 && token[0] == '-' &&
      std::all_of(token.begin() + 1, token.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits_after_minus) FailAtLine(name, line, "negative id " + Quote(token));
  FailAtLine(name, line, "non-numeric token " + Quote(token));
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
    // Returns the next token of the line (empty at its end) and advances p past it.
    auto next_token = [&]() {
      while (p < eol && IsBlank(*p)) ++p;
      const char* start = p;
      while (p < eol && !IsBlank(*p)) ++p;
      return std::string_view(start, p - start);
    };
    const std::string_view first = next_token();
    if (!first.empty() && first[0] != '#' && first[0] != '%') {
      const std::string_view second = next_token();
      if (second.empty()) FailAtLine(name, line, "missing second column");
      raw.src.push_back(ParseId(first, name, line));
      raw.dst.push_back(ParseId(second, name, line));
    }
    p = eol + 1;
  }
  if (raw.src.empty()) throw DatasetError(name + ": no edges");
  return raw;
}

void CheckVertexCount(uint64_t count, const std::string& name) {
  if (count > std::numeric_limits<VertexId>::max()) {
    throw DatasetError(name + ": " + std::to_string(count) +
                       " distinct vertex ids, more than the limit of 4294967295");
  }
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

// An open-addressing map from each distinct id to its rank: one or two cache misses per lookup,
// where a binary search over millions of ids takes twenty.
class RankHashMap {
 public:
  explicit RankHashMap(const std::vector<uint64_t>& sorted_ids) {
    uint64_t capacity = 16;
    while (capacity < 2 * sorted_ids.size()) capacity *= 2;
    mask_ = capacity - 1;
    keys_.resize(capacity);
    ranks_.assign(capacity, kEmpty);
    for (uint64_t rank = 0; rank < sorted_ids.size(); ++rank) {
      uint64_t slot = Hash(sorted_ids[rank]) & mask_;
      while (ranks_[slot] != kEmpty) slot = (slot + 1) & mask_;
      keys_[slot] = sorted_ids[rank];
      ranks_[slot] = static_cast<uint32_t>(rank);
    }
  }

  // Requires: id is one of the sorted_ids.
  uint32_t Rank(uint64_t id) const {
    uint64_t slot = Hash(id) & mask_;
    while (keys_[slot] != id || ranks_[slot] == kEmpty) slot = (slot + 1) & mask_;
    return ranks_[slot];
  }

 private:
  // No rank reaches 2^32-1: at most 2^32-1 distinct ids are allowed.
  static constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  // splitmix64's finaliser: sequential or strided ids still spread over the slots.
  static uint64_t Hash(uint64_t x) {
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }
  uint64_t mask_ = 0;
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> ranks_;
};

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
