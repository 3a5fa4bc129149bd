// The results fields of a row's storage and reads (Measurement::storage, resident_fractions,
// bytes_read, passes, device_bytes_read, read_bytes_per_second): written only when the row has
// them, so files of rows without stay as they were, and read when present (older files lack
// them and read as the defaults). Kept apart from the struct's generated serializer, which
// results.cc calls these beside.
#ifndef COST_HARNESS_CORE_STORAGE_FIELDS_H_
#define COST_HARNESS_CORE_STORAGE_FIELDS_H_

#include <nlohmann/json.hpp>

#include "harness/core/results.h"

namespace cost::harness {

void WriteStorageFields(const Measurement& m, nlohmann::json* j);
// Throws std::runtime_error naming the field when one present has the wrong type.
void ReadStorageFields(const nlohmann::json& j, Measurement* m);

}  // namespace cost::harness

#endif  // COST_HARNESS_CORE_STORAGE_FIELDS_H_
