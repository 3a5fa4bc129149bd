// The build record, from the header build_info.cmake generates at every build.
#include "build_info.h"

#include <ctime>
#include <nlohmann/json.hpp>

#include "harness/machine/machine_info.h"

namespace cost::harness {

nlohmann::json DescribeBuild() {
  nlohmann::json b;
  b["compiler"] = COST_COMPILER;
  b["cxx_flags"] = COST_CXX_FLAGS;
  b["build_type"] = COST_BUILD_TYPE;
  b["git_revision"] = COST_GIT_REVISION;
  b["git_dirty"] = COST_GIT_DIRTY;
#ifdef _OPENMP
  b["openmp"] = _OPENMP;  // yyyymm of the OpenMP specification supported
#endif
  b["nlohmann_json"] = std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." +
                       std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
                       std::to_string(NLOHMANN_JSON_VERSION_PATCH);
  // Debian's libbenchmark labels itself a debug build in its JSON: that is the library only.
  b["google_benchmark"] = COST_BENCHMARK_VERSION;
  return b;
}

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace cost::harness
