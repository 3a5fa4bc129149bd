// Reference outputs kept on disk between rows; see reference_cache.h.
#include "harness/run/reference_cache.h"

#include <sys/stat.h>
#include <xxhash.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "datasets/dataset_error.h"
#include "datasets/output_file.h"
#include "harness/machine/machine_info.h"
#include "harness/run/validation.h"

namespace cost::harness {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'C', 'O', 'S', 'T', 'R', 'E', 'F', '1'};

// The binary computing references: its build record, and its size and modification time, which
// change whenever it is rebuilt (a development build's record alone does not).
std::string BinaryIdentity() {
  std::string identity = DescribeBuild().dump();
  struct stat st {};
  if (stat("/proc/self/exe", &st) == 0) {
    identity += " exe " + std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) +
                "." + std::to_string(st.st_mtim.tv_nsec);
  }
  return identity;
}

// Everything the entry depends on, as one line stored in the entry and hashed into its name.
std::string Descriptor(const ReferenceKey& key) {
  static const std::string binary = BinaryIdentity();
  char parameters[96];
  std::snprintf(parameters, sizeof parameters, " iterations %d damping %.17g", key.iterations,
                key.damping);
  return "graph " + key.graph_checksum + " kernel " + std::string(KernelName(key.kernel)) +
         parameters + " binary " + binary;
}

std::string Hex16(uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

struct EntryHeader {
  char magic[8];
  uint64_t type = 0;  // the Values alternative
  uint64_t count = 0;
  uint64_t payload_hash = 0;
  uint64_t descriptor_bytes = 0;
};

std::span<const char> BytesOf(const Values& values) {
  return std::visit(
      [](const auto& v) {
        return std::span<const char>(reinterpret_cast<const char*>(v.data()),
                                     v.size() * sizeof(v[0]));
      },
      values);
}

// An empty Values of the alternative `type`; nullopt for an unknown one.
std::optional<Values> ValuesOfType(uint64_t type, uint64_t count) {
  switch (type) {
    case 0:
      return Values(std::vector<double>(count));
    case 1:
      return Values(std::vector<uint32_t>(count));
    case 2:
      return Values(std::vector<int64_t>(count));
    default:
      return std::nullopt;
  }
}

}  // namespace

std::string ReferenceCacheDir(const std::string& dataset_cache_dir) {
  return (fs::path(dataset_cache_dir) / "references").string();
}

ReferenceKey ReferenceKeyOf(Kernel kernel, const std::string& graph_checksum,
                            const RunParams& params) {
  const bool pagerank = kernel == Kernel::kPageRank;
  return {.graph_checksum = graph_checksum,
          .kernel = kernel,
          .iterations = pagerank ? params.iterations : 0,
          .damping = pagerank ? params.damping : 0};
}

std::string ReferencePath(const std::string& dir, const ReferenceKey& key) {
  const std::string descriptor = Descriptor(key);
  return (fs::path(dir) / (key.graph_checksum + "-" + std::string(KernelName(key.kernel)) + "-" +
                           Hex16(XXH64(descriptor.data(), descriptor.size(), 0)) + ".ref"))
      .string();
}

std::optional<Values> LoadReference(const std::string& dir, const ReferenceKey& key) {
  std::ifstream in(ReferencePath(dir, key), std::ios::binary);
  EntryHeader header;
  if (!in.read(reinterpret_cast<char*>(&header), sizeof header)) return std::nullopt;
  const std::string descriptor = Descriptor(key);
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 ||
      header.descriptor_bytes != descriptor.size()) {
    return std::nullopt;
  }
  std::string stored(descriptor.size(), '\0');
  if (!in.read(stored.data(), static_cast<std::streamsize>(stored.size())) ||
      stored != descriptor) {
    return std::nullopt;
  }
  // The size first: a damaged count must not allocate more than the file holds.
  std::error_code error;
  const uint64_t file_bytes = fs::file_size(ReferencePath(dir, key), error);
  const uint64_t element = header.type == 1 ? sizeof(uint32_t) : sizeof(uint64_t);
  if (error || header.type > 2 || header.count > file_bytes / element ||
      file_bytes != sizeof header + descriptor.size() + header.count * element) {
    return std::nullopt;
  }
  std::optional<Values> values = ValuesOfType(header.type, header.count);
  const std::span<char> payload = std::visit(
      [](auto& v) {
        return std::span<char>(reinterpret_cast<char*>(v.data()), v.size() * sizeof(v[0]));
      },
      *values);
  if (!in.read(payload.data(), static_cast<std::streamsize>(payload.size())) ||
      XXH64(payload.data(), payload.size(), 0) != header.payload_hash) {
    return std::nullopt;
  }
  return values;
}

void StoreReference(const std::string& dir, const ReferenceKey& key, const Values& values) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) throw datasets::DatasetError(dir + ": " + error.message());
  const std::string descriptor = Descriptor(key);
  const std::span<const char> payload = BytesOf(values);
  EntryHeader header;
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.type = values.index();
  header.count = std::visit([](const auto& v) { return static_cast<uint64_t>(v.size()); }, values);
  header.payload_hash = XXH64(payload.data(), payload.size(), 0);
  header.descriptor_bytes = descriptor.size();
  std::string bytes(reinterpret_cast<const char*>(&header), sizeof header);
  bytes += descriptor;
  bytes.append(payload.data(), payload.size());
  datasets::WriteFileAtomically(ReferencePath(dir, key), bytes);
}

Values CachedReferenceValues(const std::string& dir, Kernel kernel, const std::string& checksum,
                             const datasets::Graph& graph, const RunParams& params, bool* reused) {
  *reused = false;
  const ReferenceKey key = ReferenceKeyOf(kernel, checksum, params);
  const bool cacheable = !dir.empty() && !checksum.empty() && kernel != Kernel::kBfs;
  if (!cacheable) return ReferenceValues(kernel, graph, params);
  if (std::optional<Values> stored = LoadReference(dir, key)) {
    *reused = true;
    return std::move(*stored);
  }
  Values values = ReferenceValues(kernel, graph, params);
  try {
    StoreReference(dir, key, values);
  } catch (const datasets::DatasetError& e) {
    // Only the next row loses: it computes the reference again.
    std::fprintf(stderr, "cost: warning: reference not kept: %s\n", e.what());
  }
  return values;
}

}  // namespace cost::harness
