#include "harness/sweep/resume.h"

#include <map>
#include <stdexcept>

#include "datasets/graph_file.h"
#include "harness/core/format.h"
#include "harness/machine/machine_info.h"

namespace cost::harness {
namespace {

bool SameRow(const Measurement& m, const SweepRow& row) {
  return m.dataset == row.dataset && m.implementation == row.implementation &&
         m.kernel == row.kernel && m.threads == row.threads && m.procs == row.procs &&
         m.storage == row.storage;
}

}  // namespace

bool HasRow(const ResultsFile& results, const SweepRow& row) {
  for (const Measurement& m : results.measurements) {
    if (SameRow(m, row)) return true;
  }
  return false;
}

// A results file records one build and one machine for all its rows, so --resume may only add
// rows measured by the same build on the same machine: otherwise the rows already there would be
// credited to a build or machine that did not measure them. (The machine limits are left out of
// the comparison: they are re-measured, and rows record their own fraction of them.)
void RequireSameBuildAndMachine(const ResultsFile& existing, const std::string& path) {
  if (existing.measurements.empty()) return;
  const nlohmann::json build = DescribeBuild();
  if (existing.build != build) {
    auto name = [](const nlohmann::json& b) {
      return b.value("git_revision", std::string("unknown")) +
             (b.value("git_dirty", false) ? " (uncommitted changes)" : "") + ", " +
             b.value("compiler", std::string("?")) + " " + b.value("cxx_flags", std::string());
    };
    throw std::runtime_error(path + ": its rows were measured by build " + name(existing.build) +
                             "; this is build " + name(build) +
                             ". One results file holds one build's rows: use --overwrite or "
                             "another --out");
  }
  nlohmann::json machine = DescribeMachine(), recorded = existing.machine;
  machine.erase("limits");
  recorded.erase("limits");
  if (recorded != machine) {
    throw std::runtime_error(path + ": its rows were measured on another machine (" +
                             recorded.value("hostname", std::string("?")) + ", " +
                             recorded.value("cpu_model", std::string("?")) +
                             "). One results file holds one machine's rows: use --overwrite or "
                             "another --out");
  }
}

}  // namespace cost::harness

namespace cost::harness {
namespace {

std::string Describe(const SweepRow& row) {
  return std::string(KernelName(row.kernel)) + " " + row.implementation + " on " + row.dataset +
         " at " + std::to_string(row.threads) + " thread(s)" +
         (row.procs > 1 ? " x " + std::to_string(row.procs) + " processes" : "");
}

// The parameter in which m differs from what the spec asks of row, as "NAME A; the spec asks B";
// "" when it does not.
std::string DifferingParameter(const Measurement& m, const SweepRow& row, const SweepSpec& spec,
                               const std::string& checksum) {
  if (m.repetitions != spec.repetitions) {
    return "repetitions " + std::to_string(m.repetitions) + "; the spec asks " +
           std::to_string(spec.repetitions);
  }
  if (row.kernel == Kernel::kPageRank && m.iterations != spec.iterations) {
    return "iterations " + std::to_string(m.iterations) + "; the spec asks " +
           std::to_string(spec.iterations);
  }
  if (!m.graph_checksum.empty() && m.graph_checksum != checksum) {
    return "graph checksum " + m.graph_checksum + "; the dataset is now " + checksum +
           " (its seed, scale or input changed)";
  }
  return "";
}

}  // namespace

void RequireSameParameters(const ResultsFile& existing, const SweepSpec& spec,
                           const std::vector<SweepRow>& rows, const std::string& path) {
  std::map<std::string, std::string> checksums;  // per prepared file, read once
  for (const SweepRow& row : rows) {
    for (const Measurement& m : existing.measurements) {
      if (!SameRow(m, row)) continue;
      auto [it, added] = checksums.try_emplace(row.graph_path);
      if (added) it->second = Hex16(datasets::ReadGraphFileInfo(row.graph_path).checksum);
      const std::string differs = DifferingParameter(m, row, spec, it->second);
      if (differs.empty()) continue;
      throw std::runtime_error(path + ": the row " + Describe(row) + " was measured with " +
                               differs + ". --resume keeps only rows of the same measurement: " +
                               "use --overwrite or another --out");
    }
  }
}

}  // namespace cost::harness
