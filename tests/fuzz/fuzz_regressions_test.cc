// Replays every input the fuzzers once crashed on (tests/fuzz/regressions/TARGET/*) through
// the same parser, in every build: the normal one and the sanitizer ones. A regression aborts
// the test binary (or is reported by the sanitizer), which fails the test.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/fuzz/fuzz_inputs.h"
#include "tests/test_support.h"

namespace cost::fuzz {
namespace {

namespace fs = std::filesystem;

const fs::path kRegressions = fs::path(COST_SOURCE_DIR) / "tests/fuzz/regressions";

TEST(FuzzRegressionsTest, EveryFolderNamesATarget) {
  for (const auto& entry : fs::directory_iterator(kRegressions)) {
    if (!entry.is_directory()) continue;
    EXPECT_NE(FindFuzzInput(entry.path().filename().string()), nullptr) << entry.path();
  }
}

TEST(FuzzRegressionsTest, EveryKeptInputParsesOrIsRejected) {
  int replayed = 0;
  for (const FuzzInput& input : FuzzInputs()) {
    const fs::path folder = kRegressions / input.name;
    if (!fs::is_directory(folder)) continue;
    for (const auto& entry : fs::directory_iterator(folder)) {
      SCOPED_TRACE(entry.path().string());
      input.parse(testing_support::ReadFile(entry.path()));
      ++replayed;
    }
  }
  EXPECT_GT(replayed, 0);
}

}  // namespace
}  // namespace cost::fuzz
