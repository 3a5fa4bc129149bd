#include "parallel/mpi/file_check.h"

#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "datasets/catalog.h"

namespace cost::parallel::mpi {
namespace {

// One rank's record as it travels in MPI_Gather: fixed size, plain bytes.
struct WireView {
  char host[256];
  char boot_id[64];
  uint64_t xxh64, device, inode;
  int32_t leader;  // 1 on the lowest rank of its host, which alone hashed the file
  int32_t network_fs;
};

// statfs magic numbers of file systems that every host of a cluster reads the same files from.
bool IsNetworkFileSystem(int64_t magic) {
  constexpr int64_t kMagics[] = {0x6969,     0xFF534D42, 0xFE534D42, 0x0BD00BD0,
                                 0x47504653, 0x19830326, 0x00C36400, 0x01021997};
  return std::find(std::begin(kMagics), std::end(kMagics), magic) != std::end(kMagics);
}

std::string BootId() {
  std::ifstream in("/proc/sys/kernel/random/boot_id");
  std::string id;
  std::getline(in, id);
  return id;
}

void CopyInto(char* to, size_t size, const std::string& from) {
  std::snprintf(to, size, "%s", from.c_str());
}

WireView OwnView(const std::string& path, bool leader) {
  WireView v{};
  gethostname(v.host, sizeof v.host - 1);
  CopyInto(v.boot_id, sizeof v.boot_id, BootId());
  struct stat st {};
  struct statfs fs {};
  if (::stat(path.c_str(), &st) != 0 || ::statfs(path.c_str(), &fs) != 0) {
    throw std::runtime_error(path + ": cannot read the prepared file on host " + v.host + ": " +
                             std::strerror(errno));
  }
  v.device = st.st_dev;
  v.inode = st.st_ino;
  v.network_fs = IsNetworkFileSystem(static_cast<int64_t>(fs.f_type));
  v.leader = leader;
  if (leader) v.xxh64 = datasets::HashFile(path);
  return v;
}

// Whether this rank is the lowest of its host's ranks.
bool IsHostLeader(MPI_Comm comm) {
  int rank = 0, ranks = 1;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &ranks);
  constexpr int kMax = 256;
  char name[kMax] = {};
  gethostname(name, kMax - 1);
  std::vector<char> all(static_cast<size_t>(ranks) * kMax);
  MPI_Allgather(name, kMax, MPI_CHAR, all.data(), kMax, MPI_CHAR, comm);
  for (int r = 0; r < rank; ++r) {
    if (std::strncmp(all.data() + static_cast<size_t>(r) * kMax, name, kMax) == 0) return false;
  }
  return true;
}

std::string Hex(uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

// `text` inside a JSON string.
std::string Quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;  // host names and paths: none expected
    out += c;
  }
  return out + "\"";
}

std::string ReportLine(const std::vector<HostFileView>& views, const std::string& placement,
                       const std::string& mismatch) {
  std::string hosts, hashes;
  for (size_t i = 0; i < views.size(); ++i) {
    hosts += (i ? ", " : "") + Quoted(views[i].host);
    hashes += (i ? ", " : "") + Quoted(Hex(views[i].xxh64));
  }
  return "{\"cost_mpi_file_check\": 1, \"ok\": " +
         std::string(mismatch.empty() ? "true" : "false") +
         ", \"placement\": " + Quoted(placement) + ", \"hosts\": [" + hosts + "], \"xxh64\": [" +
         hashes + "], \"message\": " + Quoted(mismatch) + "}";
}

}  // namespace

std::string Placement(const std::vector<HostFileView>& views) {
  if (views.size() <= 1) return "one-host";
  bool same_file = true, network = true;
  for (const HostFileView& v : views) {
    same_file = same_file && v.boot_id == views[0].boot_id && v.device == views[0].device &&
                v.inode == views[0].inode;
    network = network && v.network_fs;
  }
  return same_file || network ? "shared" : "per-host-copies";
}

std::string FileMismatch(const std::string& path, const std::vector<HostFileView>& views,
                         uint64_t expected) {
  const uint64_t want = expected != 0 ? expected : views.empty() ? 0 : views[0].xxh64;
  std::string differing;
  for (const HostFileView& v : views) {
    if (v.xxh64 != want) differing += " " + v.host + " (xxh64 " + Hex(v.xxh64) + ")";
  }
  if (differing.empty()) return "";
  const std::string reference = expected != 0 ? "the harness's host" : views[0].host;
  return "the prepared file " + path + " differs between hosts: " + reference + " has xxh64 " +
         Hex(want) + ", but" + differing +
         "; copy the same file to every host, or give a path on a shared file system";
}

void CheckGraphFileOnEveryHost(const RankOptions& options, MPI_Comm comm) {
  int rank = 0, ranks = 1;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &ranks);
  const WireView own = OwnView(options.graph, IsHostLeader(comm));
  std::vector<WireView> all(rank == 0 ? ranks : 0);
  MPI_Gather(&own, sizeof own, MPI_BYTE, all.data(), sizeof own, MPI_BYTE, 0, comm);
  int ok = 1;
  if (rank == 0) {
    std::vector<HostFileView> views;
    for (const WireView& w : all) {
      if (!w.leader) continue;
      views.push_back({w.host, w.xxh64, w.boot_id, w.device, w.inode, w.network_fs != 0});
    }
    const std::string mismatch = FileMismatch(options.graph, views, options.graph_xxh64);
    std::printf("%s\n", ReportLine(views, Placement(views), mismatch).c_str());
    std::fflush(stdout);
    ok = mismatch.empty();
  }
  MPI_Bcast(&ok, 1, MPI_INT, 0, comm);
  if (!ok) throw std::runtime_error("the prepared file differs between hosts (see the check line)");
}

}  // namespace cost::parallel::mpi
