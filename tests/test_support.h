// What several test suites need: a scratch folder per test, and running the `cost` binary
// (COST_BINARY, defined for every test by tests/CMakeLists.txt) as a user would.
#ifndef COST_TESTS_TEST_SUPPORT_H_
#define COST_TESTS_TEST_SUPPORT_H_

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace cost::testing_support {

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A fixture whose dir_ is an empty folder of its own (TEMP/cost_SUITE_TEST_PID), removed after
// the test.
class ScratchDirTest : public testing::Test {
 protected:
  void SetUp() override {
    const testing::TestInfo* test = testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("cost_" + std::string(test->test_suite_name()) + "_" + test->name() + "_" +
            std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  std::filesystem::path dir_;
};

// Forks `cost ARGS...` with working folder `cwd`, stdout to out_fd and stderr to err_fd.
inline pid_t SpawnCost(std::vector<std::string> args, const std::filesystem::path& cwd, int out_fd,
                       int err_fd, const std::string& binary = COST_BINARY) {
  args.insert(args.begin(), binary);
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0 || out_fd < 0 || err_fd < 0) _exit(126);
    dup2(out_fd, STDOUT_FILENO);
    dup2(err_fd, STDERR_FILENO);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

// Starts `cost ARGS...` (or another copy of it) in `cwd` without waiting, stdout and stderr
// appended to `log`.
inline pid_t StartCost(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                       const std::string& log, const std::string& binary = COST_BINARY) {
  const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  const pid_t pid = SpawnCost(args, cwd, fd, fd, binary);
  if (fd >= 0) close(fd);
  return pid;
}

// The exit status of a child, or 128 + the signal that ended it.
inline int WaitForExit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

struct CostRun {
  int exit_code = -1;
  std::string out, err;
};

// Runs `cost ARGS...` in `cwd` and waits. Its output is captured outside `cwd`, so tests that
// list the folder see only what the command wrote.
inline CostRun RunCost(const std::vector<std::string>& args, const std::filesystem::path& cwd) {
  char out_path[] = "/tmp/cost-test-out-XXXXXX";
  char err_path[] = "/tmp/cost-test-err-XXXXXX";
  const int out = mkstemp(out_path), err = mkstemp(err_path);
  CostRun run;
  run.exit_code = WaitForExit(SpawnCost(args, cwd, out, err));
  close(out);
  close(err);
  run.out = ReadFile(out_path);
  run.err = ReadFile(err_path);
  unlink(out_path);
  unlink(err_path);
  return run;
}

}  // namespace cost::testing_support

#endif  // COST_TESTS_TEST_SUPPORT_H_
