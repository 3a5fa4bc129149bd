// A manifest's preparation step and its cache (harness/run/external_prepare.h), per-round times
// and the thread variable: run once, reused, run again when the graph or the manifest changes.
#include "harness/run/external_prepare.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "harness/run/external_system.h"
#include "tests/test_support.h"

namespace cost::harness {
namespace {

namespace fs = std::filesystem;
using testing_support::ReadFile;

class ExternalPrepareTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    const fs::path examples = fs::path(COST_SOURCE_DIR) / "harness/manifests/examples";
    for (const char* name : {"script-prepare.json", "script-prepare.sh", "script-union-find.sh"}) {
      fs::copy_file(examples / name, dir_ / name);
    }
    setenv("COST_BINARY", COST_BINARY, 1);  // the example's engine
    setenv("PREPARE_LOG", Path("prepare.log").c_str(), 1);
    Generate("1");
  }
  void TearDown() override {
    unsetenv("PREPARE_LOG");
    ScratchDirTest::TearDown();
  }

  void Generate(const std::string& seed) {
    const testing_support::CostRun run =
        testing_support::RunCost({"dataset", "generate", "kronecker", "--scale", "6", "--seed",
                                  seed, "-o", Path("g.cgraph")},
                                 dir_);
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }

  // How often the preparation step ran (one line of the log per run).
  int PrepareRuns() const {
    std::ifstream in(Path("prepare.log"));
    int lines = 0;
    for (std::string line; std::getline(in, line);) ++lines;
    return lines;
  }

  Measurement Run(const std::string& manifest = "script-prepare.json", int threads = 2,
                  int warmups = 0, int repetitions = 1) {
    const std::vector<ExternalSystem> systems = LoadExternalSystems(Path(manifest));
    MeasurementRequest request;
    request.graph_path = Path("g.cgraph");
    request.params.threads = threads;
    request.warmups = warmups;
    request.repetitions = repetitions;
    return MeasureExternal(systems.at(0), request).measurement;
  }

  void WriteManifest(const std::string& name, const nlohmann::json& manifest) {
    std::ofstream(Path(name)) << manifest.dump(2);
  }
};

TEST_F(ExternalPrepareTest, RunsOnceThenReusesItsCachedOutput) {
  const Measurement first = Run();
  ASSERT_TRUE(first.ok()) << first.message;
  EXPECT_EQ(PrepareRuns(), 1);
  EXPECT_FALSE(first.system_preparation_cached);
  EXPECT_GT(first.system_preparation_seconds, 0);
  const Measurement second = Run();
  ASSERT_TRUE(second.ok()) << second.message;
  EXPECT_EQ(PrepareRuns(), 1);
  EXPECT_TRUE(second.system_preparation_cached);
  // The reused output's seconds are those the step took when it ran.
  EXPECT_DOUBLE_EQ(second.system_preparation_seconds, first.system_preparation_seconds);
}

TEST_F(ExternalPrepareTest, AChangedGraphIsPreparedAgain) {
  ASSERT_TRUE(Run().ok());
  Generate("2");  // the same path, other content
  const Measurement again = Run();
  ASSERT_TRUE(again.ok()) << again.message;
  EXPECT_EQ(PrepareRuns(), 2);
  EXPECT_FALSE(again.system_preparation_cached);
}

TEST_F(ExternalPrepareTest, AnEditedManifestIsPreparedAgain) {
  ASSERT_TRUE(Run().ok());
  nlohmann::json manifest = nlohmann::json::parse(ReadFile(Path("script-prepare.json")));
  manifest["description"] = "edited";
  WriteManifest("script-prepare.json", manifest);
  const Measurement again = Run();
  ASSERT_TRUE(again.ok()) << again.message;
  EXPECT_EQ(PrepareRuns(), 2);
  EXPECT_FALSE(again.system_preparation_cached);
}

TEST_F(ExternalPrepareTest, AFailingStepIsTheRowsOutcomeAndLeavesNoCache) {
  nlohmann::json manifest = nlohmann::json::parse(ReadFile(Path("script-prepare.json")));
  manifest["prepare"] = "echo converter failed >&2; exit 3; : {prepared}";
  WriteManifest("failing.json", manifest);
  const Measurement failed = Run("failing.json");
  EXPECT_EQ(failed.outcome, Outcome::kCrashed);
  EXPECT_NE(failed.message.find("the prepare command"), std::string::npos) << failed.message;
  const std::vector<ExternalSystem> systems = LoadExternalSystems(Path("failing.json"));
  const std::string prepared =
      PreparedPathFor(systems.at(0), Path("g.cgraph"), failed.graph_checksum);
  EXPECT_FALSE(fs::exists(prepared + ".done.json"));
}

// One run does the warm-up and the repetitions; its rounds' times are read in order and the
// warm-up's dropped; the thread count reaches the command through the manifest's variable.
TEST_F(ExternalPrepareTest, PerRoundTimesAndTheThreadVariable) {
  WriteManifest(
      "rounds.json",
      {{"name", "script:rounds"},
       {"kernel", "wcc"},
       {"kind", "threaded"},
       {"threads_env", "ROUNDS_THREADS"},
       {"command", "for i in $(seq {rounds}); do echo \"round: $ROUNDS_THREADS.$i\"; done"},
       {"time", {{"regex", "round: ([0-9.]+)"}, {"per_round", true}}}});
  const Measurement m = Run("rounds.json", /*threads=*/3, /*warmups=*/1, /*repetitions=*/3);
  EXPECT_EQ(m.repetition_seconds, (std::vector<double>{3.2, 3.3, 3.4})) << m.message;
  EXPECT_EQ(m.message, "not validated: the manifest's command writes no {values}");
}

TEST_F(ExternalPrepareTest, TooFewRoundTimesIsInvalidOutput) {
  WriteManifest("short.json", {{"name", "script:short"},
                               {"kernel", "wcc"},
                               {"kind", "threaded"},
                               {"command", "echo 'round: 1.0'"},
                               {"time", {{"regex", "round: ([0-9.]+)"}, {"per_round", true}}}});
  const Measurement m = Run("short.json", 1, 1, 2);
  EXPECT_EQ(m.outcome, Outcome::kInvalidOutput);
  EXPECT_EQ(m.message.rfind("expected 3 round times matching /round: ([0-9.]+)/, found 1", 0), 0u)
      << m.message;
}

// Each mistake names the manifest and the field.
TEST(ExternalPrepareManifest, MistakesAreNamed) {
  const nlohmann::json base = {{"name", "x:y"}, {"kernel", "wcc"}, {"command", "true"}};
  const auto error_of = [](const nlohmann::json& j) {
    try {
      ParseExternalSystem(j, "m.json");
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  nlohmann::json j = base;
  j["threads_env"] = "1 BAD";
  EXPECT_EQ(error_of(j),
            "m.json: threads_env: must be an environment variable's name, got \"1 BAD\"");
  j = base;
  j["prepare"] = "convert {graph}";
  EXPECT_EQ(error_of(j), "m.json: prepare: must write its output to {prepared}");
  j = base;
  j["prepare"] = "convert {graph} {prepard}";
  EXPECT_EQ(error_of(j), "m.json: command: unknown placeholder {prepard}");
  j = base;
  j["command"] = "run {prepared}";
  EXPECT_EQ(error_of(j), "m.json: command: {prepared} needs a \"prepare\" command");
  j = base;
  j["time"] = {{"json_field", "seconds"}, {"per_round", true}};
  EXPECT_EQ(error_of(j), "m.json: time.per_round: needs a \"regex\" matching each round's time");
}

}  // namespace
}  // namespace cost::harness
