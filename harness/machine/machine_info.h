// The machine and build record stored in every results file, so that every number can be traced
// to the hardware and binary that produced it.
#ifndef COST_HARNESS_MACHINE_MACHINE_INFO_H_
#define COST_HARNESS_MACHINE_MACHINE_INFO_H_

#include <nlohmann/json.hpp>
#include <string>

namespace cost::harness {

// cpu_model, logical_cpus, physical_cores, caches, memory_bytes, kernel, hostname,
// architecture, transparent_hugepages.
nlohmann::json DescribeMachine();

// compiler, cxx_flags, build_type, git_revision, git_dirty, openmp, library versions.
nlohmann::json DescribeBuild();

// Current UTC time as ISO 8601, e.g. "2026-11-26T13:45:00Z".
std::string UtcNow();

}  // namespace cost::harness

#endif  // COST_HARNESS_MACHINE_MACHINE_INFO_H_
