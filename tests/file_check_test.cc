// The prepared-file check's decisions (parallel/mpi/file_check.h) on fixtures: where the ranks
// read the file, and the refusal message when a host's copy differs.
#include "parallel/mpi/file_check.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cost {
namespace {

using parallel::mpi::FileMismatch;
using parallel::mpi::HostFileView;
using parallel::mpi::Placement;

HostFileView View(const std::string& host, uint64_t xxh64, uint64_t inode,
                  const std::string& boot_id = "boot-a", bool network_fs = false) {
  return {.host = host,
          .xxh64 = xxh64,
          .boot_id = boot_id,
          .device = 2049,
          .inode = inode,
          .network_fs = network_fs};
}

TEST(FileCheck, PlacementSaysWhetherEveryHostReadsOneFile) {
  EXPECT_EQ(Placement({View("h1", 7, 100)}), "one-host");
  // Hosts on one kernel seeing one device and inode (the test cluster): one file.
  EXPECT_EQ(Placement({View("h1", 7, 100), View("h2", 7, 100)}), "shared");
  // Another inode, or the same inode on another kernel: each host has its own copy.
  EXPECT_EQ(Placement({View("h1", 7, 100), View("h2", 7, 101)}), "per-host-copies");
  EXPECT_EQ(Placement({View("h1", 7, 100), View("h2", 7, 100, "boot-b")}), "per-host-copies");
  // A network file system on every host: shared, whatever its inodes look like.
  EXPECT_EQ(Placement({View("h1", 7, 100, "boot-a", true), View("h2", 7, 9, "boot-b", true)}),
            "shared");
  EXPECT_EQ(Placement({View("h1", 7, 100, "boot-a", true), View("h2", 7, 9, "boot-b", false)}),
            "per-host-copies");
}

TEST(FileCheck, AMismatchNamesOnlyTheHostsThatDiffer) {
  const std::vector<HostFileView> views = {View("h1", 0xabc, 1), View("h2", 0xdef, 2),
                                           View("h3", 0xabc, 3)};
  EXPECT_EQ(FileMismatch("/data/g.cgraph", views, 0xabc),
            "the prepared file /data/g.cgraph differs between hosts: the harness's host has xxh64 "
            "0000000000000abc, but h2 (xxh64 0000000000000def); copy the same file to every "
            "host, or give a path on a shared file system");
  // Without the harness's hash, the first host is the reference.
  EXPECT_EQ(FileMismatch("/g", views, 0).find("h1 has xxh64 0000000000000abc, but h2 "),
            std::string("the prepared file /g differs between hosts: ").size());
  EXPECT_EQ(FileMismatch("/g", {View("h1", 5, 1), View("h2", 5, 2)}, 5), "");
  // Every host agreeing with each other but not with the harness's copy is a mismatch too.
  EXPECT_NE(FileMismatch("/g", {View("h1", 5, 1), View("h2", 5, 2)}, 6), "");
}

}  // namespace
}  // namespace cost
