// The limit of a row that read its sections from the storage device (storage "disk"): the bytes
// it read from the file (a streaming row: every pass; a mapped row: what its page faults read,
// from /proc/self/io) at the device's measured sequential read rate (`cost machine`,
// disk_read_rate.h). Where that is longer than the memory limit the cost model gave the row, it
// takes its place, bound "disk-bound".
#ifndef COST_HARNESS_MACHINE_DISK_LIMIT_H_
#define COST_HARNESS_MACHINE_DISK_LIMIT_H_

#include "harness/core/results.h"
#include "harness/machine/machine_limits.h"

namespace cost::harness {

// Nothing unless m is an ok "disk" row with a median, bytes read, and limits with a disk rate.
void RecordDiskLimit(const MachineLimits& limits, Measurement* m);

}  // namespace cost::harness

#endif  // COST_HARNESS_MACHINE_DISK_LIMIT_H_
