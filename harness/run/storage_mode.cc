// Evicting, loading and measuring the residency of a prepared file's sections; see
// storage_mode.h.
#include "harness/run/storage_mode.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <span>

#include "datasets/posix_io.h"
#include "harness/core/format.h"
#include "harness/core/name_table.h"

namespace cost::harness {
namespace {

// "" is how an uncontrolled row is written; a user names only "ram" or "disk".
constexpr Named<StorageMode> kStorageModeNames[] = {
    {StorageMode::kUncontrolled, ""},
    {StorageMode::kRam, "ram"},
    {StorageMode::kDisk, "disk"},
};

uint64_t PageSize() { return static_cast<uint64_t>(sysconf(_SC_PAGESIZE)); }

datasets::UniqueFd Open(const std::string& path) {
  datasets::UniqueFd fd(open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) throw StorageError(path + ": " + std::strerror(errno));
  return fd;
}

// Pages of [offset, offset + bytes) of fd resident in the page cache, and the pages in all. The
// range is mapped a window at a time: a row under a memory cap (RLIMIT_AS) already maps its
// sections, and a second mapping of a section of gigabytes would not fit beside them.
constexpr uint64_t kMincoreWindowBytes = uint64_t{256} << 20;

std::pair<uint64_t, uint64_t> ResidentPages(int fd, const std::string& path, uint64_t offset,
                                            uint64_t bytes) {
  const uint64_t page = PageSize();
  const uint64_t end = offset + bytes;
  uint64_t resident = 0, total = 0;
  std::vector<unsigned char> pages;
  for (uint64_t begin = offset / page * page; begin < end; begin += kMincoreWindowBytes) {
    const uint64_t length = std::min(kMincoreWindowBytes, end - begin);
    void* map = mmap(nullptr, length, PROT_READ, MAP_SHARED, fd, static_cast<off_t>(begin));
    if (map == MAP_FAILED) throw StorageError(path + ": mmap for mincore: " + std::strerror(errno));
    pages.assign((length + page - 1) / page, 0);
    const int rc = mincore(map, length, pages.data());
    const int saved = errno;
    munmap(map, length);
    if (rc != 0) throw StorageError(path + ": mincore: " + std::strerror(saved));
    for (unsigned char p : pages) resident += p & 1;
    total += pages.size();
  }
  return {resident, total};
}

// Drops the process's own mappings of the graph's arrays (file-backed and read-only, so the
// next access faults them in again from the page cache or the device).
template <typename T>
void DropMapping(std::span<const T> span) {
  if (span.empty()) return;
  const uint64_t page = PageSize();
  const uintptr_t begin = reinterpret_cast<uintptr_t>(span.data()) / page * page;
  const uintptr_t end = reinterpret_cast<uintptr_t>(span.data() + span.size());
  madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
}

void DropMappings(const datasets::Graph& g) {
  DropMapping(g.out.offsets);
  DropMapping(g.out.targets);
  DropMapping(g.in.offsets);
  DropMapping(g.in.targets);
  DropMapping(g.hilbert_src);
  DropMapping(g.hilbert_dst);
  DropMapping(g.hilbert_compressed);
}

void Evict(const std::string& path, const std::vector<datasets::GraphFileSectionInfo>& sections) {
  const datasets::UniqueFd fd = Open(path);
  fdatasync(fd.get());  // dirty pages cannot be dropped
  // Whole pages: the kernel keeps the partial pages at either end of a range, which a small
  // section may mostly be (dropping a neighbour's page with them is harmless).
  const uint64_t page = PageSize();
  for (const datasets::GraphFileSectionInfo& s : sections) {
    const uint64_t begin = s.offset / page * page;
    const uint64_t end = (s.offset + s.bytes + page - 1) / page * page;
    posix_fadvise(fd.get(), static_cast<off_t>(begin), static_cast<off_t>(end - begin),
                  POSIX_FADV_DONTNEED);
  }
}

void Load(const std::string& path, const std::vector<datasets::GraphFileSectionInfo>& sections) {
  const datasets::UniqueFd fd = Open(path);
  std::vector<uint8_t> buffer(uint64_t{4} << 20);
  for (const datasets::GraphFileSectionInfo& s : sections) {
    for (uint64_t at = 0; at < s.bytes; at += buffer.size()) {
      const uint64_t take = std::min<uint64_t>(buffer.size(), s.bytes - at);
      datasets::PreadExactly(fd.get(), buffer.data(), take, s.offset + at, path);
    }
  }
}

}  // namespace

std::string_view StorageModeName(StorageMode mode) { return NameIn(kStorageModeNames, mode); }

StorageMode ParseStorageMode(std::string_view name) {
  StorageMode mode = StorageMode::kUncontrolled;
  if (!name.empty() && ParseIn(kStorageModeNames, name, &mode)) return mode;
  throw std::invalid_argument("storage: unknown mode '" + std::string(name) + "' (ram or disk)");
}

double ResidentFraction(const std::string& path,
                        const std::vector<datasets::GraphFileSectionInfo>& sections) {
  const datasets::UniqueFd fd = Open(path);
  uint64_t resident = 0, total = 0;
  for (const datasets::GraphFileSectionInfo& s : sections) {
    if (s.bytes == 0) continue;
    const auto [r, t] = ResidentPages(fd.get(), path, s.offset, s.bytes);
    resident += r;
    total += t;
  }
  return total == 0 ? 1.0 : static_cast<double>(resident) / static_cast<double>(total);
}

double PrepareStorage(StorageMode mode, const std::string& path,
                      const std::vector<datasets::GraphFileSectionInfo>& sections,
                      const datasets::Graph* mapped) {
  if (mode == StorageMode::kUncontrolled) return ResidentFraction(path, sections);
  if (mode == StorageMode::kDisk) {
    if (mapped != nullptr) DropMappings(*mapped);
    Evict(path, sections);
  } else {
    Load(path, sections);
  }
  const double fraction = ResidentFraction(path, sections);
  const bool ok =
      mode == StorageMode::kDisk ? fraction <= kMaxResidentOnDisk : fraction >= kMinResidentInRam;
  if (!ok) {
    throw StorageError(
        path + ": storage " + std::string(StorageModeName(mode)) + ": " +
        Printf("%.1f%%", 100 * fraction) + " of the sections the row reads are in the page cache " +
        (mode == StorageMode::kDisk
             ? "after evicting them (the file system may not drop cached pages, e.g. tmpfs)"
             : "after reading them (not enough free memory to hold them)"));
  }
  return fraction;
}

uint64_t DeviceBytesRead() {
  std::ifstream io("/proc/self/io");
  std::string key;
  uint64_t value = 0;
  while (io >> key >> value) {
    if (key == "read_bytes:") return value;
  }
  return 0;
}

}  // namespace cost::harness
