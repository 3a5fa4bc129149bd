// Issue 17, class 7 (the export side): an output that is the input is refused before anything is
// written (the same inode: the same path, a hard link or a symlink), and a multi-file export
// (EVLP's .v, .e and .properties) is all or nothing when the disk fills during it.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;
using testing_support::CostRun;
using testing_support::ReadFile;

class OutputSafetyTest : public testing_support::ScratchDirTest {
 protected:
  CostRun Cost(const std::vector<std::string>& args) {
    return testing_support::RunCost(args, dir_);
  }

  void Generate(const std::string& name, const std::string& vertices, const std::string& seed) {
    const CostRun r = Cost({"dataset", "generate", "uniform", "--vertices", vertices, "--edges",
                            "3000", "--seed", seed, "-o", Path(name)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // `cost ARGS` with files limited to `bytes` (RLIMIT_FSIZE, SIGXFSZ ignored): a write past it
  // fails with EFBIG, as one onto a full disk fails with ENOSPC. Returns the exit status.
  int CostWithFileLimit(std::vector<std::string> args, rlim_t bytes) {
    args.insert(args.begin(), COST_BINARY);
    const pid_t pid = fork();
    if (pid == 0) {
      signal(SIGXFSZ, SIG_IGN);
      const rlimit limit{bytes, bytes};
      setrlimit(RLIMIT_FSIZE, &limit);
      std::vector<char*> argv;
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      const int null = open("/dev/null", O_WRONLY);
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
      execv(argv[0], argv.data());
      _exit(127);
    }
    return testing_support::WaitForExit(pid);
  }
};

// Before: the export replaced g.cgraph with a SNAP text file.
TEST_F(OutputSafetyTest, AnOutputThatIsTheInputIsRefused) {
  Generate("g.cgraph", "100", "1");
  const std::string before = ReadFile(Path("g.cgraph"));
  fs::create_hard_link(Path("g.cgraph"), Path("link.cgraph"));
  fs::create_symlink(Path("g.cgraph"), Path("sym.txt"));
  for (const std::string& out : {Path("g.cgraph"), Path("link.cgraph"), Path("sym.txt")}) {
    const CostRun r = Cost({"dataset", "export", Path("g.cgraph"), "--format", "snap", "-o", out});
    EXPECT_EQ(r.exit_code, 1) << out;
    EXPECT_THAT(r.err, HasSubstr(out + ": is ")) << out;
    EXPECT_THAT(r.err, HasSubstr("write the output elsewhere"));
  }
  // EVLP writes NAME.v, NAME.e and NAME.properties: each is checked.
  fs::create_hard_link(Path("g.cgraph"), Path("x.e"));
  CostRun r = Cost({"dataset", "export", Path("g.cgraph"), "--format", "evlp", "-o", Path("x")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr(Path("x.e") + ": is the same file as the input"));
  EXPECT_EQ(ReadFile(Path("g.cgraph")), before);
  // Results files: `cost export` and `cost compare -o`.
  r = Cost({"run", "--impl", "serial:union-find", "--graph", Path("g.cgraph"), "--repetitions", "1",
            "--json", Path("r.json"), "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string results = ReadFile(Path("r.json"));
  r = Cost({"export", Path("r.json"), "-o", Path("r.json")});
  EXPECT_EQ(r.exit_code, 1);
  r = Cost({"compare", Path("r.json"), Path("r.json"), "-o", Path("r.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(ReadFile(Path("r.json")), results);
  r = Cost({"run", "--impl", "serial:union-find", "--graph", Path("g.cgraph"), "--json",
            Path("g.cgraph"), "--quiet"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(ReadFile(Path("g.cgraph")), before);
}

// Before: the .v file was renamed into place first, and the .e that then failed to write left
// the new vertices beside the old edges.
TEST_F(OutputSafetyTest, AFailedEvlpExportLeavesThePreviousFiles) {
  Generate("a.cgraph", "100", "1");
  Generate("b.cgraph", "120", "2");
  CostRun r = Cost({"dataset", "export", Path("a.cgraph"), "--format", "evlp", "-o", Path("x")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::string> before;
  for (const char* ext : {".v", ".e", ".properties"}) before[ext] = ReadFile(Path("x") + ext);
  ASSERT_LT(before[".v"].size(), 4096u);  // the vertices fit under the limit,
  ASSERT_GT(before[".e"].size(), 8192u);  // the edges do not
  EXPECT_NE(CostWithFileLimit(
                {"dataset", "export", Path("b.cgraph"), "--format", "evlp", "-o", Path("x")}, 8192),
            0);
  for (const char* ext : {".v", ".e", ".properties"}) {
    EXPECT_EQ(ReadFile(Path("x") + ext), before[ext]) << ext;
  }
  for (const auto& e : fs::directory_iterator(dir_)) {
    EXPECT_THAT(e.path().filename().string(), testing::Not(HasSubstr(".tmp.")));
  }
  // Without the limit the export goes through, all three files at once.
  r = Cost({"dataset", "export", Path("b.cgraph"), "--format", "evlp", "-o", Path("x")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(ReadFile(Path("x.v")), before[".v"]);
  EXPECT_NE(ReadFile(Path("x.e")), before[".e"]);
}

}  // namespace
}  // namespace cost
