#include "harness/sweep/resume.h"

#include <stdexcept>

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
