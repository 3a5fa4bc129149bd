// The committed experiment specs (harness/experiments/, the commands behind results/).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "harness/run/implementations.h"
#include "harness/sweep/spec.h"

namespace cost {
namespace {

namespace fs = std::filesystem;

// The committed experiment specs (harness/experiments/, the commands behind results/) still
// parse, and every row they name is one the table has, for a kernel the spec runs: a renamed or
// misplaced row would otherwise be noticed only when someone reran a reference experiment.
TEST(ExperimentSpecs, EveryCommittedSpecParsesAndEveryRowRuns) {
  int specs = 0;
  for (const auto& entry :
       fs::directory_iterator(std::string(COST_SOURCE_DIR) + "/harness/experiments")) {
    if (entry.path().extension() != ".json") continue;
    ++specs;
    SCOPED_TRACE(entry.path().string());
    harness::SweepSpec spec;
    ASSERT_NO_THROW(spec = harness::ReadSweepSpec(entry.path().string()));
    for (const std::string& name : spec.implementations) {
      const harness::Implementation* impl = harness::FindImplementation(name);
      if (impl == nullptr) continue;  // an external system's row: the parser found its manifest
      EXPECT_THAT(spec.kernels, testing::Contains(impl->kernel)) << name;
    }
  }
  EXPECT_GE(specs, 6);
}

}  // namespace
}  // namespace cost
