// See disk_limit.h.
#include "harness/machine/disk_limit.h"

#include "harness/core/format.h"

namespace cost::harness {

void RecordDiskLimit(const MachineLimits& limits, Measurement* m) {
  const uint64_t bytes = m->bytes_read > 0 ? m->bytes_read : m->device_bytes_read;
  if (m->storage != "disk" || !m->ok() || m->median_seconds <= 0 || bytes == 0 ||
      limits.disk_read_bytes_per_second <= 0) {
    return;
  }
  const double seconds = static_cast<double>(bytes) / limits.disk_read_bytes_per_second;
  if (seconds <= m->limit_seconds) return;
  m->limit_seconds = seconds;
  m->fraction_of_limit = seconds / m->median_seconds;
  m->limit_bound = "disk-bound";
  m->limit_basis =
      Printf("%.3g GB read from the device at %.3g GB/s (%s)", static_cast<double>(bytes) / 1e9,
             limits.disk_read_bytes_per_second / 1e9, limits.disk_read_method.c_str());
}

}  // namespace cost::harness
