// Issue 17, classes 6 and 10: specs, manifests and `cost run`'s options say exactly what runs.
// Numbers are integers in range or an error naming the field (4294967297 repetitions no longer
// runs 1, threads 1.5 no longer runs 1), unknown keys suggest the known one, duplicate dataset
// names are refused, thread and process counts are bounded (kMaxThreads, kMaxProcs); --source
// -1 is refused, not wrapped; a values file is parsed whole-token and a vertex given twice with
// different values is an error; raw export refuses 64-bit ids; results files honour the umask.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "harness/run/external_system.h"
#include "harness/sweep/spec.h"
#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;
using testing_support::CostRun;

class StrictInputsTest : public testing_support::ScratchDirTest {
 protected:
  CostRun Cost(const std::vector<std::string>& args) {
    return testing_support::RunCost(args, dir_);
  }

  // The error ReadSweepSpec gives for a spec of one dataset "k" with `extra` fields; "" if none.
  std::string SpecError(
      const std::string& extra,
      const std::string& datasets = R"([{"name": "k", "kronecker": {"scale": 6}}])") {
    std::ofstream(Path("spec.json"), std::ios::trunc)
        << R"({"datasets": )" << datasets << R"(, "kernels": ["wcc"])" << extra << "}";
    try {
      harness::ReadSweepSpec(Path("spec.json"));
    } catch (const std::exception& e) {
      return e.what();
    }
    return "";
  }

  std::string ManifestError(const nlohmann::json& manifest) {
    std::ofstream(Path("m.json"), std::ios::trunc) << manifest.dump();
    try {
      harness::LoadExternalSystems(Path("m.json"));
    } catch (const std::exception& e) {
      return e.what();
    }
    return "";
  }
};

// Before: each of these parsed, and ran something other than what it said.
TEST_F(StrictInputsTest, SpecNumbersAreIntegersInRange) {
  const std::string spec = Path("spec.json") + ": ";
  EXPECT_EQ(SpecError(R"(, "repetitions": 4294967297)"),
            spec + "repetitions: must be in 1..1000000, got 4294967297");
  EXPECT_EQ(SpecError(R"(, "iterations": 4294967296)"),
            spec + "iterations: must be in 0..1000000, got 4294967296");
  EXPECT_EQ(SpecError(R"(, "threads": [1, 1.5])"),
            spec + "threads[1]: must be an integer in 1..4096, got 1.5");
  EXPECT_EQ(SpecError(R"(, "threads": [100000])"),
            spec + "threads[0]: must be in 1..4096, got 100000");
  EXPECT_EQ(SpecError(R"(, "procs": [0])"), spec + "procs[0]: must be in 1..4096, got 0");
  EXPECT_EQ(SpecError(R"(, "repetitions": "5")"),
            spec + "repetitions: must be an integer in 1..1000000, got \"5\"");
  EXPECT_EQ(SpecError("", R"([{"name": "k", "kronecker": {"scale": 6.5}}])"),
            spec + "datasets[0].kronecker.scale: must be an integer in 1..31, got 6.5");
  EXPECT_EQ(SpecError(R"(, "threads": [1, 2, 1])"), spec + "threads[2]: 1 is listed twice");
  EXPECT_EQ(SpecError(R"(, "implementations": [])"),
            spec +
                "implementations: is empty; name at least one, or leave the field out for "
                "every implementation");
  EXPECT_EQ(SpecError(R"(, "implementations": ["serial:union-find", "serial:union-find"])"),
            spec + "implementations[1]: \"serial:union-find\" is listed twice");
  EXPECT_EQ(SpecError(R"(, "threads": [1, 2])"), "");
}

TEST_F(StrictInputsTest, SpecUnknownKeysAndDuplicateNamesAreErrors) {
  const std::string spec = Path("spec.json") + ": ";
  EXPECT_EQ(SpecError(R"(, "repetiton": 5)"),
            spec + "repetiton: unknown key (did you mean \"repetitions\"?)");
  EXPECT_EQ(SpecError("", R"([{"name": "k", "kronecker": {"scael": 6}}])"),
            spec + "datasets[0].kronecker.scael: unknown key (did you mean \"scale\"?)");
  EXPECT_EQ(SpecError("", R"([{"name": "k", "kronecker": {}, "layuot": "hilbert"}])"),
            spec + "datasets[0].layuot: unknown key (did you mean \"layout\"?)");
  EXPECT_EQ(SpecError("", R"([{"name": "k", "kronecker": {"scale": 6}},
                              {"name": "k", "kronecker": {"scale": 7}}])"),
            spec + "datasets[1].name: \"k\" is also the name of datasets[0]");
  EXPECT_EQ(SpecError("", R"([{"name": "k\nx", "kronecker": {}}])"),
            spec +
                "datasets[0].name: holds a control character (a newline, tab or escape), in "
                "\"k\\nx\"");
}

TEST_F(StrictInputsTest, ManifestsAreParsedStrictly) {
  const nlohmann::json good = {{"name", "my:wcc"}, {"kernel", "wcc"}, {"command", "true"}};
  EXPECT_EQ(ManifestError(good), "");
  nlohmann::json bad = good;
  bad["comand"] = "x";
  EXPECT_EQ(ManifestError(bad),
            Path("m.json") + ": comand: unknown key (did you mean \"command\"?)");
  bad = good;
  bad["time"] = {{"regex", "t: (\\S+)"}, {"scale", -1}};
  EXPECT_EQ(ManifestError(bad), Path("m.json") + ": time.scale: must be in 0..1e+12, got -1");
  bad = good;
  bad["time"] = {{"regex", "t: (\\S+)"}, {"scael", 2}};
  EXPECT_THAT(ManifestError(bad), HasSubstr("time.scael: unknown key (did you mean \"scale\"?)"));
  bad = good;
  bad["name"] = "my:wcc\n";
  EXPECT_THAT(ManifestError(bad), HasSubstr("name: holds a control character"));
  bad = good;
  bad["kernel"] = 3;
  EXPECT_THAT(ManifestError(bad), HasSubstr("kernel: must be a string, got 3"));
}

class StrictRunTest : public StrictInputsTest {
 protected:
  void SetUp() override {
    StrictInputsTest::SetUp();
    const CostRun r = Cost({"dataset", "generate", "kronecker", "--scale", "6", "--edge-factor",
                            "4", "-o", Path("g.cgraph")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  CostRun Run(const std::vector<std::string>& options) {
    std::vector<std::string> args = {"run", "--graph", Path("g.cgraph"), "--quiet"};
    args.insert(args.end(), options.begin(), options.end());
    return Cost(args);
  }

  // `cost run` of a manifest system whose values file holds `values`.
  CostRun RunWritingValues(const std::string& kernel, const std::string& values) {
    std::ofstream(Path("values.in"), std::ios::trunc) << values;
    std::ofstream(Path("m.json"), std::ios::trunc) << nlohmann::json{
        {"name", "file:" + kernel},
        {"kernel", kernel},
        {"command",
         "cp " + Path("values.in") + " {values}"}}.dump();
    return Run({"--systems", Path("m.json"), "--impl", "file:" + kernel, "--repetitions", "1",
                "--warmups", "0", "--json", Path("row.json")});
  }
};

// Before: --source -1 became 18446744073709551615 ("no such vertex", or worse a real one).
TEST_F(StrictRunTest, NumericOptionsAreBounded) {
  for (const std::vector<std::string>& options : std::vector<std::vector<std::string>>{
           {"--impl", "serial:bfs", "--source", "-1"},
           {"--impl", "serial:union-find", "--threads", "100000"},
           {"--impl", "serial:union-find", "--threads", "1.5"},
           {"--impl", "serial:pagerank", "--iterations", "4294967296"},
           {"--impl", "serial:union-find", "--repetitions", "4294967297"},
           {"--impl", "serial:union-find", "--procs", "0"},
           {"--impl", "serial:union-find", "--timeout", "nan"}}) {
    const CostRun r = Run(options);
    EXPECT_NE(r.exit_code, 0) << options[2] << " " << options[3];
    EXPECT_THAT(r.err, HasSubstr(options[2])) << options[3];
  }
  EXPECT_EQ(Run({"--impl", "serial:bfs", "--source", "0"}).exit_code, 0);
}

// Before: "7.5e-05banana" was read as 7.5e-05, and the second of two values for a vertex won.
TEST_F(StrictRunTest, ValuesFilesAreParsedWholeAndOnce) {
  CostRun r = RunWritingValues("pagerank", "0 7.5e-05banana\n");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(
      harness::ReadResultsFile(Path("row.json")).measurements.at(0).message,
      HasSubstr("values.txt:1: value '7.5e-05banana' is not a number of the kernel's type"));
  r = RunWritingValues("wcc", "0 1\n1 1\n0 2\n");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(harness::ReadResultsFile(Path("row.json")).measurements.at(0).message,
              HasSubstr("values.txt:3: vertex 0 is given again, with another value '2'"));
  r = RunWritingValues("wcc", "-1 1\n");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(harness::ReadResultsFile(Path("row.json")).measurements.at(0).message,
              HasSubstr("values.txt:1: expected 'id value'"));
}

// Before: raw export wrote dense ids for ids that need 64 bits, without a word.
TEST_F(StrictRunTest, RawExportRefusesSixtyFourBitIds) {
  std::ofstream(Path("big.txt")) << "1 10000000000\n10000000000 2\n";
  CostRun r = Cost({"dataset", "convert", Path("big.txt"), "-o", Path("big.cgraph")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Cost({"dataset", "export", Path("big.cgraph"), "--format", "raw", "-o", Path("big.raw")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("big.raw: raw pairs hold 32-bit ids, and this graph has original "
                               "id 10000000000"));
  EXPECT_FALSE(fs::exists(Path("big.raw")));
}

// Results files (and every other output) get 0644 less the umask.
TEST_F(StrictRunTest, OutputsHonourTheUmask) {
  const mode_t old = umask(027);
  const CostRun r = Run({"--impl", "serial:union-find", "--json", Path("row.json")});
  umask(old);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  struct stat st {};
  ASSERT_EQ(stat(Path("row.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
}

}  // namespace
}  // namespace cost
