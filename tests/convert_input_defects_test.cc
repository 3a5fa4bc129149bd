// `cost dataset convert` on the inputs of issue 17 that broke the old path: pipes and FIFOs
// (every edge kept, a long comment line first, a writer already gone), tiny files that name
// huge ids or declare huge sizes, endless or exploding inputs, and an output that is the input.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "datasets/graph_file.h"
#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;
using testing_support::CostRun;
using testing_support::RunCost;

// "0 1\n1 2\n...": `count` distinct edges without self-loops.
std::string ChainEdges(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += std::to_string(i) + " " + std::to_string(i + 1) + "\n";
  return text;
}

// "#xxx...x\n", `bytes` long in all: a comment line as long as some readers' buffers.
std::string CommentLine(size_t bytes) {
  std::string line(bytes, 'x');
  line.front() = '#';
  line.back() = '\n';
  return line;
}

class ConvertInputDefectsTest : public testing_support::ScratchDirTest {
 protected:
  void Write(const std::string& name, const std::string& bytes) {
    std::ofstream(Path(name), std::ios::binary) << bytes;
  }
  // Converts `input` to out.cgraph; returns the run, and the file's info when it exited 0.
  CostRun Convert(const std::string& input, datasets::GraphFileInfo* info = nullptr,
                  std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"dataset", "convert", input, "-o", "out.cgraph"};
    args.insert(args.end(), extra.begin(), extra.end());
    CostRun run = RunCost(args, dir_);
    if (run.exit_code == 0 && info != nullptr)
      *info = datasets::ReadGraphFileInfo(Path("out.cgraph"));
    return run;
  }
  // Fails unless the run was refused with a message naming the input and matching `reason`
  // (never a crash, a bad_alloc or the OOM killer: exit 1), leaving no output.
  void ExpectRefused(const CostRun& run, const std::string& input, const std::string& reason) {
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_TRUE(std::regex_search(run.err, std::regex(input + ".*" + reason))) << run.err;
    EXPECT_EQ(run.err.find("bad_alloc"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(Path("out.cgraph")));
  }
};

// The writer is done before `cost` starts (as `<(cat edges.txt)` often is): the pipe holds every
// byte and then end of file; nothing must wait for more or lose the tail.
TEST_F(ConvertInputDefectsTest, APipeWhoseWriterFinishedKeepsEveryEdge) {
  for (const std::string& comment : {std::string(), CommentLine(8190)}) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const std::string bytes = comment + ChainEdges(2001);
    ASSERT_LT(bytes.size(), 65536u);  // fits the pipe's buffer: written whole before cost reads
    ASSERT_EQ(write(fds[1], bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
    close(fds[1]);
    datasets::GraphFileInfo info;
    const CostRun run = Convert("/dev/fd/" + std::to_string(fds[0]), &info, {"--format", "snap"});
    close(fds[0]);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(info.num_edges, 2001u) << "comment of " << comment.size() << " bytes";
    EXPECT_EQ(info.num_vertices, 2002u);
  }
}

// A FIFO written while `cost` reads it, in pieces that split lines, with a long comment first.
TEST_F(ConvertInputDefectsTest, AFifoKeepsEveryEdge) {
  ASSERT_EQ(mkfifo(Path("edges.fifo").c_str(), 0600), 0);
  const std::string bytes = CommentLine(8190) + ChainEdges(2001);
  std::thread writer([&] {
    const int fd = open(Path("edges.fifo").c_str(), O_WRONLY);
    for (size_t at = 0; at < bytes.size(); at += 1000) {
      const size_t take = std::min<size_t>(1000, bytes.size() - at);
      if (write(fd, bytes.data() + at, take) != static_cast<ssize_t>(take)) break;
    }
    close(fd);
  });
  datasets::GraphFileInfo info;
  const CostRun run = Convert("edges.fifo", &info, {"--format", "snap"});
  writer.join();
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(info.num_edges, 2001u);
}

// Tiny inputs naming ids far beyond their size: sparse ids are relabelled, so the per-vertex
// arrays are sized by the ids present (4), never by the largest id.
TEST_F(ConvertInputDefectsTest, TinyInputsWithHugeIdsNeedLittle) {
  const uint32_t raw[4] = {0, 4000000000u, 1, 2};  // 16 bytes of (u32, u32) pairs
  Write("pairs.raw", std::string(reinterpret_cast<const char*>(raw), sizeof raw));
  Write("ids.txt", "0 100000000\n5 100000001\n");  // 24 bytes
  Write("big.mtx",
        "%%MatrixMarket matrix coordinate pattern general\n100000000 100000000 2\n1 2\n3 "
        "100000000\n");
  for (const char* input : {"pairs.raw", "ids.txt", "big.mtx"}) {
    SCOPED_TRACE(input);
    datasets::GraphFileInfo info;
    const CostRun run = Convert(input, &info);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(info.num_vertices, 4u);
    EXPECT_EQ(info.num_edges, 2u);
    fs::remove(Path("out.cgraph"));
  }
}

// Endless input (/dev/zero itself, or its bytes through a pipe: no newline ever) and a gzip bomb
// (16 MiB of zeros in a few KiB): refused, in bounded memory, before reading all of it.
TEST_F(ConvertInputDefectsTest, EndlessAndExplodingInputsAreRefused) {
  ExpectRefused(Convert("/dev/zero", nullptr, {"--format", "snap"}), "/dev/zero", "a device");
  signal(SIGPIPE, SIG_IGN);  // the writer below learns that cost stopped reading from EPIPE
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::thread writer([&] {
    const std::string zeros(1 << 16, '\0');
    for (int i = 0; i < 1024; ++i) {
      if (write(fds[1], zeros.data(), zeros.size()) < 0) break;
    }
    close(fds[1]);
  });
  const std::string piped = "/dev/fd/" + std::to_string(fds[0]);
  const CostRun run = Convert(piped, nullptr, {"--format", "snap"});
  close(fds[0]);
  writer.join();
  ExpectRefused(run, piped, "line longer than [0-9]+ bytes");

  gzFile gz = gzopen(Path("bomb.txt.gz").c_str(), "wb1");
  ASSERT_NE(gz, nullptr);
  const std::string zeros(1 << 20, '\0');
  for (int i = 0; i < 16; ++i) gzwrite(gz, zeros.data(), zeros.size());
  gzclose(gz);
  ExpectRefused(Convert("bomb.txt.gz"), "bomb.txt.gz", "line longer than [0-9]+ bytes");
}

// The output is the input: by the same path, a hard link or a symlink. Refused before anything
// is written; the input is untouched.
TEST_F(ConvertInputDefectsTest, AnOutputThatIsTheInputIsRefused) {
  const std::string edges = ChainEdges(10);
  Write("edges.txt", edges);
  ASSERT_EQ(link(Path("edges.txt").c_str(), Path("hard.txt").c_str()), 0);
  fs::create_symlink("edges.txt", Path("soft.txt"));
  for (const char* output : {"edges.txt", "./edges.txt", "hard.txt", "soft.txt"}) {
    SCOPED_TRACE(output);
    const CostRun run = RunCost({"dataset", "convert", "edges.txt", "-o", output}, dir_);
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("is the input"), std::string::npos) << run.err;
    std::ifstream in(Path("edges.txt"));
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), edges);
  }
  EXPECT_TRUE(fs::is_symlink(Path("soft.txt")));
}

}  // namespace
}  // namespace cost
