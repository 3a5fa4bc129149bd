// In-memory pairs and their relabelling; see collected_pairs.h.
#include "datasets/inputs/collected_pairs.h"

#include <algorithm>
#include <optional>

#include "datasets/dataset_error.h"
#include "datasets/external/memory_budget.h"
#include "datasets/rank_hash_map.h"
#include "datasets/text_edge_line.h"

namespace cost::datasets {
namespace {

// Dense ids (max id within a small multiple of the edge count): a rank table indexed by id.
std::vector<uint64_t> RelabelByTable(std::vector<uint64_t>* src, std::vector<uint64_t>* dst,
                                     uint64_t max_id, const std::string& name) {
  const size_t m = src->size();
  std::vector<uint32_t> rank(max_id + 1, 0);
  for (size_t i = 0; i < m; ++i) rank[(*src)[i]] = rank[(*dst)[i]] = 1;
  std::vector<uint64_t> distinct;
  for (uint64_t id = 0; id <= max_id; ++id) {
    if (rank[id] == 0) continue;
    CheckVertexCount(distinct.size() + 1, name);
    rank[id] = static_cast<uint32_t>(distinct.size());
    distinct.push_back(id);
  }
#pragma omp parallel for schedule(static)
  for (size_t i = 0; i < m; ++i) {
    (*src)[i] = rank[(*src)[i]];
    (*dst)[i] = rank[(*dst)[i]];
  }
  return distinct;
}

// Sparse ids: sort and dedupe the ids, then look each endpoint up in a hash table of ranks.
std::vector<uint64_t> RelabelByHash(std::vector<uint64_t>* src, std::vector<uint64_t>* dst,
                                    const std::string& name) {
  const size_t m = src->size();
  std::vector<uint64_t> distinct;
  distinct.reserve(2 * m);
  distinct.insert(distinct.end(), src->begin(), src->end());
  distinct.insert(distinct.end(), dst->begin(), dst->end());
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  distinct.shrink_to_fit();
  CheckVertexCount(distinct.size(), name);
  const RankHashMap table(distinct);
#pragma omp parallel for schedule(static)
  for (size_t i = 0; i < m; ++i) {
    (*src)[i] = table.Rank((*src)[i]);
    (*dst)[i] = table.Rank((*dst)[i]);
  }
  return distinct;
}

}  // namespace

void RequireAvailableMemory(const std::string& name, uint64_t bytes, const std::string& what) {
  const std::optional<uint64_t> available = MemAvailableBytes();
  if (!available || bytes <= *available) return;
  throw DatasetError(name + ": needs " + std::to_string(bytes) + " bytes, " +
                     std::to_string(*available) + " available (" + what + ")");
}

CollectedPairs::CollectedPairs(std::string name) : name_(std::move(name)) {}

void CollectedPairs::Reserve(uint64_t pairs) {
  if (pairs <= src_.capacity()) return;
  const uint64_t capacity = std::max<uint64_t>(pairs, 2 * src_.capacity());
  // The new arrays beside the old ones while they are copied, then the relabelling's copy of
  // every id (RelabelByHash), which the whole load will need anyway.
  RequireAvailableMemory(name_, 16 * capacity + 16 * src_.size() + 16 * capacity,
                         "the edge list of a whole-file load");
  src_.reserve(capacity);
  dst_.reserve(capacity);
}

void CollectedPairs::Add(std::span<const RawPair> pairs) {
  Reserve(src_.size() + pairs.size());
  for (const RawPair& p : pairs) {
    src_.push_back(p.src);
    dst_.push_back(p.dst);
  }
}

EdgeList CollectedPairs::Relabel() {
  if (src_.empty()) throw DatasetError(name_ + ": no edges");
  const size_t m = src_.size();
  uint64_t max_id = 0;
  for (size_t i = 0; i < m; ++i) max_id = std::max({max_id, src_[i], dst_[i]});
  EdgeList edges;
  edges.original_ids = max_id < 4 * uint64_t{m} + 1024 ? RelabelByTable(&src_, &dst_, max_id, name_)
                                                       : RelabelByHash(&src_, &dst_, name_);
  edges.num_vertices = edges.original_ids.size();
  // Ranks fit VertexId: the relabelling checked the distinct count.
  edges.src.assign(src_.begin(), src_.end());
  src_ = {};
  edges.dst.assign(dst_.begin(), dst_.end());
  dst_ = {};
  return edges;
}

EdgeList CollectedPairs::RankedBy(const std::function<VertexId(uint64_t)>& rank,
                                  std::vector<uint64_t> original_ids) {
  EdgeList edges;
  edges.num_vertices = original_ids.size();
  edges.original_ids = std::move(original_ids);
  edges.src.resize(src_.size());
  edges.dst.resize(dst_.size());
  for (size_t i = 0; i < src_.size(); ++i) {
    edges.src[i] = rank(src_[i]);
    edges.dst[i] = rank(dst_[i]);
  }
  src_ = {};
  dst_ = {};
  return edges;
}

}  // namespace cost::datasets
