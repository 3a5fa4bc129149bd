// A preparation stopped by a real signal, in its own process (cost_prepare_bench, which exits
// 130 on PreparationInterrupted as the CLI will): the temp folder and the unfinished output are
// gone. COST_TEST_PREPARE_HOOK holds the preparation after its first spilled run until the signal
// comes, or fails it there.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "tests/prepared_file_support.h"
#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;

class PrepareSignalTest : public testing_support::ScratchDirTest {
 protected:
  // Starts the driver on a Kronecker graph whose runs spill at its 1 MiB budget.
  pid_t Start(const std::string& hook) {
    fs::create_directories(dir_ / "tmp");
    std::vector<std::string> args = {
        COST_PREPARE_BENCH, "kronecker", "--scale",          "14",    "--budget", "1M", "--tmp-dir",
        Path("tmp"),        "-o",        Path("out.cgraph"), "--keep"};
    std::string env = "COST_TEST_PREPARE_HOOK=" + hook;
    std::vector<char*> argv, envp = {env.data(), nullptr};
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    EXPECT_EQ(::posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), envp.data()), 0);
    return pid;
  }

  // Waits until the first run exists: the driver is then paused in the hook.
  void WaitForFirstRun() const {
    for (;;) {
      for (const auto& folder : fs::directory_iterator(dir_ / "tmp")) {
        if (fs::exists(folder.path() / "csr-0")) return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  void ExpectNothingLeft() const {
    EXPECT_TRUE(fs::is_empty(dir_ / "tmp"));
    EXPECT_EQ(testing_support::ListDir(dir_), std::vector<std::string>{"tmp"});
  }
};

TEST_F(PrepareSignalTest, SigintAndSigtermRemoveTheTempFolderAndTheOutput) {
  for (const int signal : {SIGINT, SIGTERM}) {
    SCOPED_TRACE(signal);
    const pid_t pid = Start("pause-after-first-run");
    WaitForFirstRun();
    ::kill(pid, signal);
    EXPECT_EQ(testing_support::WaitForExit(pid), 130);
    ExpectNothingLeft();
  }
}

TEST_F(PrepareSignalTest, FailureAfterTheFirstRunRemovesTheTempFolderAndTheOutput) {
  const pid_t pid = Start("fail-after-first-run");
  EXPECT_EQ(testing_support::WaitForExit(pid), 1);
  ExpectNothingLeft();
}

}  // namespace
}  // namespace cost
