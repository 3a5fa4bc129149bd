// The one atomic file writer (datasets/output_file.h): a write either replaces the target whole
// or leaves the folder exactly as it was, with no temp file, whatever step fails.
#include "datasets/output_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "datasets/dataset_error.h"
#include "tests/test_support.h"

namespace cost::datasets {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing_support::ReadFile;

class OutputFileTest : public testing_support::ScratchDirTest {
 protected:
  std::vector<std::string> Files() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::recursive_directory_iterator(dir_)) {
      names.push_back(fs::relative(entry.path(), dir_).string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }
  std::string ErrorOf(const std::function<void()>& write) {
    try {
      write();
    } catch (const DatasetError& e) {
      return e.what();
    }
    return "no error";
  }
};

// Lowers the file size limit for its lifetime, so that a write past it fails with EFBIG (and
// SIGXFSZ is ignored rather than ending the test).
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &saved_);
    previous_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    const rlimit lowered{bytes, saved_.rlim_max};
    setrlimit(RLIMIT_FSIZE, &lowered);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, previous_handler_);
  }

 private:
  rlimit saved_{};
  void (*previous_handler_)(int) = nullptr;
};

TEST_F(OutputFileTest, WritesTheBytesAndReplacesAnExistingFile) {
  const std::string path = Path("out.txt");
  WriteFileAtomically(path, "first\n");
  WriteFileAtomically(path, std::string("a\0b", 3));
  EXPECT_EQ(ReadFile(path), std::string("a\0b", 3));
  EXPECT_THAT(Files(), ElementsAre("out.txt"));
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);  // readable by others, unlike mkstemp's 0600
}

TEST_F(OutputFileTest, OneCallFormNeverCompresses) {
  const std::string path = Path("table.csv.gz");
  WriteFileAtomically(path, "a,b\n");
  EXPECT_EQ(ReadFile(path), "a,b\n");
  EXPECT_FALSE(IsGzipFile(path));
}

TEST_F(OutputFileTest, GzipByExtensionRoundTrips) {
  const std::string path = Path("edges.txt.gz");
  {
    OutputFile file(path);
    file.Write("0 1\n");
    file.Write(std::string(3 << 20, 'x'));  // larger than the buffer: written through
    file.Commit();
  }
  EXPECT_TRUE(IsGzipFile(path));
  EXPECT_EQ(ReadWholeInput(path), "0 1\n" + std::string(3 << 20, 'x'));
  OutputFile file(Path("header.gz"));
  EXPECT_THAT(ErrorOf([&] { file.WriteAt(0, "x"); }),
              AllOf(HasSubstr("header.gz"), HasSubstr("gzip")));
}

TEST_F(OutputFileTest, WriteAtRewritesBytesAlreadyWritten) {
  const std::string path = Path("graph.bin");
  OutputFile file(path, Gzip::kNever);
  file.Write("HEADER--");
  file.Write("body");
  file.WriteAt(0, "header");
  file.Write("!");
  file.Commit();
  EXPECT_EQ(ReadFile(path), "header--body!");
}

TEST_F(OutputFileTest, MissingFolderLeavesNothing) {
  const std::string path = Path("missing/out.txt");
  EXPECT_THAT(ErrorOf([&] { WriteFileAtomically(path, "text"); }),
              AllOf(HasSubstr(path), HasSubstr("cannot create temp file"),
                    HasSubstr("No such file or directory")));
  EXPECT_THAT(Files(), ElementsAre());
}

TEST_F(OutputFileTest, FailedWriteKeepsTheExistingFileAndLeavesNoTempFile) {
  const std::string path = Path("results.json");
  WriteFileAtomically(path, "old contents\n");
  std::string error;
  {
    const FileSizeLimit limit(1024);
    error = ErrorOf([&] { WriteFileAtomically(path, std::string(4096, 'n')); });
  }
  EXPECT_THAT(error, AllOf(HasSubstr(path), HasSubstr("write"), HasSubstr("too large")));
  EXPECT_EQ(ReadFile(path), "old contents\n");
  EXPECT_THAT(Files(), ElementsAre("results.json"));
}

TEST_F(OutputFileTest, FailedRenameLeavesNoTempFile) {
  // A non-empty folder where the file should go: rename(2) cannot replace it.
  fs::create_directories(dir_ / "report.md" / "inside");
  EXPECT_THAT(ErrorOf([&] { WriteFileAtomically(Path("report.md"), "# report\n"); }),
              AllOf(HasSubstr("report.md"), HasSubstr("rename")));
  EXPECT_THAT(Files(), ElementsAre("report.md", "report.md/inside"));
}

TEST_F(OutputFileTest, AbandonedFileLeavesNothing) {
  WriteFileAtomically(Path("kept.txt"), "kept\n");
  {
    OutputFile file(Path("kept.txt"));
    file.Write("abandoned before Commit");
  }
  EXPECT_EQ(ReadFile(Path("kept.txt")), "kept\n");
  EXPECT_THAT(Files(), ElementsAre("kept.txt"));
}

TEST_F(OutputFileTest, MoveFileIntoPlaceReplacesTheTarget) {
  fs::create_directories(dir_ / "staging");
  WriteFileAtomically(Path("staging/plot.svg"), "<svg/>");
  WriteFileAtomically(Path("plot.svg"), "old");
  MoveFileIntoPlace(Path("staging/plot.svg"), Path("plot.svg"));
  EXPECT_EQ(ReadFile(Path("plot.svg")), "<svg/>");
  EXPECT_THAT(Files(), ElementsAre("plot.svg", "staging"));
  EXPECT_THAT(ErrorOf([&] { MoveFileIntoPlace(Path("staging/gone.svg"), Path("gone.svg")); }),
              AllOf(HasSubstr("gone.svg"), HasSubstr("No such file or directory")));
  EXPECT_THAT(Files(), ElementsAre("plot.svg", "staging"));
}

}  // namespace
}  // namespace cost::datasets
