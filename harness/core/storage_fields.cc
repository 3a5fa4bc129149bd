// See storage_fields.h.
#include "harness/core/storage_fields.h"

#include <stdexcept>
#include <string>

namespace cost::harness {
namespace {

template <typename T>
void ReadField(const nlohmann::json& j, const char* name, T* value) {
  const auto it = j.find(name);
  if (it == j.end()) return;
  try {
    *value = it->get<T>();
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string(name) + ": " + e.what());
  }
}

}  // namespace

void WriteStorageFields(const Measurement& m, nlohmann::json* j) {
  if (!m.storage.empty()) {
    (*j)["storage"] = m.storage;
    (*j)["resident_fractions"] = m.resident_fractions;
    (*j)["device_bytes_read"] = m.device_bytes_read;
  }
  if (m.bytes_read > 0) {
    (*j)["bytes_read"] = m.bytes_read;
    (*j)["passes"] = m.passes;
    (*j)["read_bytes_per_second"] = m.read_bytes_per_second;
  }
}

void ReadStorageFields(const nlohmann::json& j, Measurement* m) {
  ReadField(j, "storage", &m->storage);
  if (!m->storage.empty() && m->storage != "ram" && m->storage != "disk") {
    throw std::runtime_error("storage: unknown value \"" + m->storage + "\"");
  }
  ReadField(j, "resident_fractions", &m->resident_fractions);
  ReadField(j, "device_bytes_read", &m->device_bytes_read);
  ReadField(j, "bytes_read", &m->bytes_read);
  ReadField(j, "passes", &m->passes);
  ReadField(j, "read_bytes_per_second", &m->read_bytes_per_second);
}

}  // namespace cost::harness
