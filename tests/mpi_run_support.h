// What the MPI suites need beyond `cost run`: running a program and keeping its output, running
// cost_mpi or cost_pbgl directly under mpirun, and the JSON line rank 0 prints
// (parallel/mpi/rank_driver.h), which the harness reads but does not keep.
#ifndef COST_TESTS_MPI_RUN_SUPPORT_H_
#define COST_TESTS_MPI_RUN_SUPPORT_H_

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace cost::testing_support {

struct ProgramRun {
  int exit_code = -1;  // 128 + signal when a signal ended it
  std::string output;  // stdout and stderr together
};

// Runs argv (looked up in PATH) in `cwd` and waits.
inline ProgramRun RunProgram(std::vector<std::string> argv, const std::filesystem::path& cwd) {
  char path[] = "/tmp/cost-test-run-XXXXXX";
  const int fd = mkstemp(path);
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0 || fd < 0) _exit(126);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    std::vector<char*> args;
    for (std::string& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  ProgramRun run;
  run.exit_code = WaitForExit(pid);
  close(fd);
  run.output = ReadFile(path);
  unlink(path);
  return run;
}

// cost_mpi or cost_pbgl, beside the cost binary (where the harness runs them from).
inline std::string MpiProgram(const std::string& name) {
  return (std::filesystem::path(COST_BINARY).parent_path() / name).string();
}

// `mpirun MPIRUN_ARGS... PROGRAM ARGS...` as root may run it.
inline ProgramRun RunUnderMpirun(const std::vector<std::string>& mpirun_args,
                                 const std::string& program, const std::vector<std::string>& args,
                                 const std::filesystem::path& cwd) {
  setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 1);
  setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 1);
  std::vector<std::string> argv = {"mpirun"};
  argv.insert(argv.end(), mpirun_args.begin(), mpirun_args.end());
  argv.push_back(MpiProgram(program));
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProgram(argv, cwd);
}

// The last {"cost_mpi_report": ...} line of `output`, or a discarded value.
inline nlohmann::json FindRankReport(const std::string& output) {
  std::istringstream lines(output);
  std::string line;
  nlohmann::json report = nlohmann::json::value_t::discarded;
  while (std::getline(lines, line)) {
    if (line.rfind("{\"cost_mpi_report\"", 0) == 0) {
      report = nlohmann::json::parse(line, nullptr, false);
    }
  }
  return report;
}

}  // namespace cost::testing_support

#endif  // COST_TESTS_MPI_RUN_SUPPORT_H_
