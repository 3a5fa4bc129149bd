// The checksums of a version-2 file; see graph_file_format.h.
#include "datasets/graph_file_format.h"

#include <xxhash.h>

#include <memory>

#include "datasets/graph_sections.h"

namespace cost::datasets {
namespace {

using HashState = std::unique_ptr<XXH64_state_t, XXH_errorcode (*)(XXH64_state_t*)>;

HashState NewHash() {
  HashState state(XXH64_createState(), XXH64_freeState);
  XXH64_reset(state.get(), 0);
  return state;
}

void HashWord(XXH64_state_t* state, uint64_t word) { XXH64_update(state, &word, sizeof word); }

}  // namespace

uint64_t ContentChecksum(const FileHeaderV2& header, std::span<const SectionEntryV2> table) {
  HashState state = NewHash();
  HashWord(state.get(), header.prefix.num_vertices);
  HashWord(state.get(), header.prefix.num_edges);
  HashWord(state.get(), header.prefix.flags);
  for (const SectionEntryV2& entry : table) {
    if (entry.kind == static_cast<uint32_t>(SectionKind::kMetadata)) continue;
    HashWord(state.get(), entry.kind);
    HashWord(state.get(), entry.bytes);
    HashWord(state.get(), entry.checksum);
  }
  return XXH64_digest(state.get());
}

uint64_t HeaderChecksum(const FileHeaderV2& header, std::span<const SectionEntryV2> table) {
  FileHeaderV2 copy = header;
  copy.header_checksum = 0;
  HashState state = NewHash();
  XXH64_update(state.get(), &copy, sizeof copy);
  XXH64_update(state.get(), table.data(), table.size_bytes());
  return XXH64_digest(state.get());
}

}  // namespace cost::datasets
