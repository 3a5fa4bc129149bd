// The storage device's read rate (`cost machine --disk-dir`): measured on a temporary file that
// is removed afterwards, kept in the limits record (older records read as unmeasured), and the
// limit of a row read from disk when its bytes at that rate take longer than its memory limit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "harness/core/results.h"
#include "harness/machine/disk_limit.h"
#include "harness/machine/disk_read_rate.h"
#include "harness/machine/machine_limits.h"
#include "tests/test_support.h"

namespace cost {
namespace {

using harness::MachineLimits;
using harness::Measurement;

class DiskReadRateTest : public testing_support::ScratchDirTest {};

TEST_F(DiskReadRateTest, ReadsATemporaryFileAndRemovesIt) {
  const harness::DiskReadRate rate = harness::MeasureDiskReadRate(dir_.string(), 1, 1);
  EXPECT_GT(rate.bytes_per_second, 0);
  EXPECT_EQ(rate.file_bytes, uint64_t{16} << 20);  // one block at least
  EXPECT_EQ(rate.dir, dir_.string());
  EXPECT_TRUE(rate.method == "O_DIRECT" ||
              rate.method.starts_with("buffered after eviction (O_DIRECT: "))
      << rate.method;
  EXPECT_TRUE(std::filesystem::is_empty(dir_));
}

TEST_F(DiskReadRateTest, AMissingFolderIsNamed) {
  EXPECT_THAT([&] { harness::MeasureDiskReadRate(Path("none"), 1, 1); },
              testing::ThrowsMessage<std::runtime_error>(testing::HasSubstr(Path("none"))));
}

MachineLimits WithDisk(double rate) {
  MachineLimits m;
  m.cpu_model = "test";
  m.disk_read_bytes_per_second = rate;
  m.disk_read_method = "O_DIRECT";
  m.disk_dir = "/data";
  return m;
}

TEST(DiskLimits, TheRecordKeepsTheRateAndOlderRecordsReadAsUnmeasured) {
  const MachineLimits back = harness::MachineLimitsFromJson(harness::ToJson(WithDisk(2e9)));
  EXPECT_EQ(back.disk_read_bytes_per_second, 2e9);
  EXPECT_EQ(back.disk_read_method, "O_DIRECT");
  EXPECT_EQ(back.disk_dir, "/data");
  nlohmann::json old = harness::ToJson(WithDisk(2e9));
  old.erase("disk_read_bytes_per_second");
  old.erase("disk_read_method");
  old.erase("disk_dir");
  EXPECT_EQ(harness::MachineLimitsFromJson(old).disk_read_bytes_per_second, 0);
}

Measurement DiskRow(uint64_t bytes_read, double median, double memory_limit) {
  Measurement m;
  m.storage = "disk";
  m.bytes_read = bytes_read;
  m.median_seconds = median;
  m.limit_seconds = memory_limit;
  m.fraction_of_limit = memory_limit / median;
  m.limit_bound = "gather-bound";
  return m;
}

TEST(DiskLimits, ADiskRowIsDiskBoundWhenItsBytesTakeLongerThanItsMemoryLimit) {
  Measurement m = DiskRow(4'000'000'000, 4.0, 0.5);
  harness::RecordDiskLimit(WithDisk(2e9), &m);
  EXPECT_DOUBLE_EQ(m.limit_seconds, 2.0);
  EXPECT_DOUBLE_EQ(m.fraction_of_limit, 0.5);
  EXPECT_EQ(m.limit_bound, "disk-bound");
  EXPECT_THAT(m.limit_basis, testing::HasSubstr("4 GB read from the device at 2 GB/s"));
}

TEST(DiskLimits, OtherRowsKeepTheirMemoryLimit) {
  Measurement faster_memory = DiskRow(1'000'000'000, 4.0, 3.0);  // 0.5 s of reads < 3 s
  Measurement ram = DiskRow(4'000'000'000, 4.0, 0.5);
  ram.storage = "ram";
  Measurement unmeasured = DiskRow(4'000'000'000, 4.0, 0.5);
  for (Measurement* m : {&faster_memory, &ram}) harness::RecordDiskLimit(WithDisk(2e9), m);
  harness::RecordDiskLimit(WithDisk(0), &unmeasured);
  for (const Measurement* m : {&faster_memory, &ram, &unmeasured}) {
    EXPECT_EQ(m->limit_bound, "gather-bound") << m->storage << " " << m->bytes_read;
  }
}

}  // namespace
}  // namespace cost
