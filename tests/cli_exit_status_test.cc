// How `cost` ends, end to end: 0 on success, 1 on an error of use with one line on stderr that
// names the option and the command whose --help explains it (never CLI11's own 104-106 and a
// page of help), and the list of exit statuses in `cost --help` equal to docs/exit-status.md.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace cost {
namespace {

using testing::HasSubstr;
using testing::StartsWith;
using testing_support::CostRun;

class CliExitStatusTest : public testing_support::ScratchDirTest {
 protected:
  CostRun Cost(const std::vector<std::string>& args) {
    return testing_support::RunCost(args, dir_);
  }
  // Expects exit status 1 and exactly one line on stderr; returns that line.
  static std::string OneErrorLine(const CostRun& r) {
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    return r.err.substr(0, r.err.find('\n'));
  }
};

TEST_F(CliExitStatusTest, AnOptionOutOfRangeNamesItAndTheCommandsHelp) {
  const std::string line = OneErrorLine(Cost({"demo", "--scale", "99"}));
  EXPECT_THAT(line, StartsWith("cost: error: --scale"));
  EXPECT_THAT(line, HasSubstr("; see cost demo --help"));
}

TEST_F(CliExitStatusTest, AMissingRequiredOptionNamesIt) {
  const std::string line = OneErrorLine(Cost({"run", "--graph", "g.cgraph"}));
  EXPECT_THAT(line, HasSubstr("--impl"));
  EXPECT_THAT(line, HasSubstr("; see cost run --help"));
}

TEST_F(CliExitStatusTest, ANestedCommandPointsAtItsOwnHelp) {
  const std::string line = OneErrorLine(Cost({"dataset", "generate", "kronecker", "-o", "x"}));
  EXPECT_THAT(line, HasSubstr("--scale"));
  EXPECT_THAT(line, HasSubstr("; see cost dataset generate --help"));
  EXPECT_THAT(OneErrorLine(Cost({"dataset", "info", "g.cgraph", "--bogus"})), HasSubstr("--bogus"));
}

TEST_F(CliExitStatusTest, AnUnknownOrMissingCommandPointsAtTheTopHelp) {
  EXPECT_THAT(OneErrorLine(Cost({"frobnicate"})),
              HasSubstr("'frobnicate' is not a command; see cost --help"));
  EXPECT_THAT(OneErrorLine(Cost({})), HasSubstr("; see cost --help"));
}

TEST_F(CliExitStatusTest, AnInputErrorIsOneAndNamesTheFile) {
  const std::string line =
      OneErrorLine(Cost({"run", "--impl", "serial:union-find", "--graph", Path("missing.cgraph")}));
  EXPECT_THAT(line, HasSubstr("missing.cgraph"));
}

TEST_F(CliExitStatusTest, HelpSucceeds) {
  EXPECT_EQ(Cost({"--help"}).exit_code, 0);
  EXPECT_EQ(Cost({"run", "--help"}).exit_code, 0);
}

// "  3    invalid-output: ..." lines of `cost --help`, and "| 3 | invalid-output: ... |" rows of
// docs/exit-status.md, as status -> meaning.
std::map<int, std::string> StatusLines(const std::string& text, const std::regex& line) {
  std::map<int, std::string> statuses;
  std::istringstream in(text);
  for (std::string s; std::getline(in, s);) {
    std::smatch m;
    if (std::regex_match(s, m, line)) statuses[std::stoi(m[1])] = m[2];
  }
  return statuses;
}

TEST_F(CliExitStatusTest, TheHelpListsTheStatusesTheDocsList) {
  const CostRun r = Cost({"--help"});
  const std::string help = r.out.substr(r.out.find("Exit status:"));
  const std::map<int, std::string> in_help = StatusLines(help, std::regex(R"(  (\d+) +(.+))"));
  const std::map<int, std::string> in_docs =
      StatusLines(testing_support::ReadFile(std::string(COST_SOURCE_DIR) + "/docs/exit-status.md"),
                  std::regex(R"(\| (\d+) \| (.+) \|)"));
  EXPECT_EQ(in_help, in_docs);
  EXPECT_EQ(in_help.size(), 7u);  // 0, 1, 3, 4, 5, 6, 130
  EXPECT_THAT(in_help.at(3), HasSubstr("invalid-output"));
  EXPECT_THAT(in_help.at(5), HasSubstr("timeout"));
}

}  // namespace
}  // namespace cost
