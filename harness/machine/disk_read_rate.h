// The storage device's sequential read rate, the limit of a row that reads its edges from disk
// (`cost run --storage disk`): a temporary file written in a folder on that device, then read
// once with O_DIRECT into aligned buffers, so neither the page cache nor its readahead is
// measured. Where O_DIRECT is refused (tmpfs, some network and overlay file systems) the file is
// evicted with POSIX_FADV_DONTNEED and read buffered, and the method says so.
#ifndef COST_HARNESS_MACHINE_DISK_READ_RATE_H_
#define COST_HARNESS_MACHINE_DISK_READ_RATE_H_

#include <cstdint>
#include <string>

namespace cost::harness {

struct DiskReadRate {
  double bytes_per_second = 0;  // the best of the trials
  std::string method;           // "O_DIRECT", or "buffered after eviction (O_DIRECT: REASON)"
  std::string dir;              // the folder the file was written in
  uint64_t file_bytes = 0;
};

// Writes `bytes` (rounded up to 16 MiB) of pseudo-random data to a temporary file in `dir`,
// fsyncs it, reads it `trials` times and removes it. Throws std::runtime_error naming the folder
// when the file cannot be written or read (no space, no folder).
DiskReadRate MeasureDiskReadRate(const std::string& dir, uint64_t bytes, int trials);

}  // namespace cost::harness

#endif  // COST_HARNESS_MACHINE_DISK_READ_RATE_H_
