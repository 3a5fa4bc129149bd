// PrepareFromInput: every input format, from files and pipes, gives the bytes of the in-memory
// reference (LoadGraphInput + BuildGraph + WithHilbertSections + WriteGraphFile) at tiny budgets
// and any thread count; pipes and FIFOs are read exactly once; sparse ids are relabelled in
// every format; inputs that never end or would not fit are refused naming the file; malformed
// inputs fail with the errors of the whole-file loaders.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <omp.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "datasets/binary_edge_formats.h"
#include "datasets/csr_build.h"
#include "datasets/dataset_error.h"
#include "datasets/graph_file.h"
#include "datasets/graph_formats.h"
#include "datasets/hilbert_layout.h"
#include "datasets/kronecker.h"
#include "datasets/matrix_market.h"
#include "datasets/prepare_graph.h"
#include "tests/prepared_file_support.h"
#include "tests/test_support.h"

namespace cost::datasets {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing_support::ExpectSameSections;
using testing_support::kEverySection;
using testing_support::kMiB;
using testing_support::WriteReferenceFile;

// Writes `bytes` into the write end of a pipe from a thread, then closes it; the read end is
// path(), a name any open() accepts (as `<(cat FILE)` gives a shell's command).
class PipeFeeder {
 public:
  explicit PipeFeeder(std::string bytes) {
    int fds[2];
    if (::pipe(fds) != 0) ADD_FAILURE() << "pipe: " << std::strerror(errno);
    read_fd_ = fds[0];
    thread_ = std::thread([fd = fds[1], bytes = std::move(bytes)] {
      for (size_t at = 0; at < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + at, bytes.size() - at);
        if (n <= 0) break;  // the reader stopped early (EPIPE: SIGPIPE is ignored)
        at += static_cast<size_t>(n);
      }
      ::close(fd);
    });
  }
  ~PipeFeeder() {
    ::close(read_fd_);
    thread_.join();
  }
  std::string path() const { return "/proc/self/fd/" + std::to_string(read_fd_); }

 private:
  int read_fd_ = -1;
  std::thread thread_;
};

std::string ReadFile(const std::string& path) { return testing_support::ReadFile(path); }

class PrepareInputsTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    fs::create_directories(dir_ / "tmp");
    ::signal(SIGPIPE, SIG_IGN);
  }
  void TearDown() override {
    omp_set_num_threads(saved_threads_);
    ScratchDirTest::TearDown();
  }

  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(Path(name), std::ios::binary) << text;
    return Path(name);
  }

  PreparationOptions Options(uint64_t budget, bool symmetrize = false,
                             const PreparedSections& sections = kEverySection) const {
    PreparationOptions o;
    o.sections = sections;
    o.symmetrize = symmetrize;
    o.memory_budget = budget;
    o.tmp_dir = Path("tmp");
    return o;
  }

  // The reference file of an input, through the whole-file loader.
  std::string Reference(const std::string& input, std::optional<GraphFormat> format,
                        bool symmetrize, const PreparedSections& sections = kEverySection) const {
    const LoadedGraph loaded = format ? LoadGraphInput(input, *format) : LoadGraphInput(input);
    const std::string path = Path("reference.cgraph");
    WriteReferenceFile(loaded.edges, symmetrize || loaded.undirected, sections, path);
    return path;
  }

  std::string Error(const std::string& input, std::optional<GraphFormat> format,
                    uint64_t budget = 64 * kMiB) const {
    try {
      PrepareFromInput(input, format, Options(budget), Path("error-out.cgraph"));
    } catch (const DatasetError& e) {
      return e.what();
    }
    return "no error";
  }

  bool TmpIsEmpty() const { return fs::is_empty(dir_ / "tmp"); }

  const int saved_threads_ = omp_get_max_threads();
};

// A Kronecker graph as a text edge list with every feature the reader must handle: sparse ids
// near 2^64 beside small ones, comments, CRLF on some lines, extra columns, duplicates (every
// 7th line twice) and its self-loops.
std::string MessyKroneckerText(int scale) {
  const EdgeList edges = GenerateKronecker({.scale = scale, .edge_factor = 8, .seed = 7});
  const auto id = [](VertexId v) {
    return v % 3 == 0 ? uint64_t{v} : uint64_t{v} * 0x9e3779b97f4a7c15ULL % ~uint64_t{0};
  };
  std::string text = "# a comment\n% another\n";
  for (uint64_t e = 0; e < edges.num_edges(); ++e) {
    const std::string line = std::to_string(id(edges.src[e])) + (e % 2 ? "\t" : " ") +
                             std::to_string(id(edges.dst[e])) + (e % 5 == 0 ? " 1.5" : "") +
                             (e % 3 == 0 ? "\r\n" : "\n");
    text += line;
    if (e % 7 == 0) text += line;
    if (e % 1000 == 0) text += "# comment between edges\n\n";
  }
  return text;
}

TEST_F(PrepareInputsTest, MessyTextAtTinyBudgetsMatchesTheInMemoryLoad) {
  const std::string input = Write("edges.txt", MessyKroneckerText(12));
  for (const bool symmetrize : {false, true}) {
    const std::string reference = Reference(input, std::nullopt, symmetrize);
    for (const int threads : {1, 2, 3}) {
      for (const uint64_t budget : {kMiB, 64 * kMiB}) {
        SCOPED_TRACE("threads " + std::to_string(threads) + " budget " + std::to_string(budget) +
                     " symmetrize " + std::to_string(symmetrize));
        omp_set_num_threads(threads);
        const PreparationReport report =
            PrepareFromInput(input, std::nullopt, Options(budget, symmetrize), Path("out.cgraph"));
        EXPECT_EQ(report.format, "snap");
        if (budget == kMiB) {
          EXPECT_GE(report.runs_spilled, 2u);
        }
        ExpectSameSections(reference, Path("out.cgraph"));
      }
    }
  }
  EXPECT_TRUE(TmpIsEmpty());
}

// The small texts of the format's corner cases, through both paths.
TEST_F(PrepareInputsTest, CornerCaseTextsMatchTheInMemoryLoad) {
  const std::string texts[] = {
      "# comment\n0 2\n0 1\r\n0 2\n1 1\n\n2 0 extra\n3\t1\n% other comment\n4 3",
      "18446744073709551615 7\n7 3000000000000\n3000000000000 18446744073709551615\n5 5\n"
      "0 7\n7 0\n",
      "900000001 900000002\n900000002 900000003\n900000003 900000001\n"};
  int index = 0;
  for (const std::string& text : texts) {
    const std::string input = Write("t" + std::to_string(index++) + ".txt", text);
    const std::string reference = Reference(input, std::nullopt, false);
    PrepareFromInput(input, std::nullopt, Options(kMiB), Path("out.cgraph"));
    ExpectSameSections(reference, Path("out.cgraph"));
  }
}

// One graph (with sparse original ids) written by every writer, then prepared from each file.
TEST_F(PrepareInputsTest, EveryFormatMatchesItsInMemoryLoad) {
  EdgeList edges = GenerateKronecker({.scale = 11, .edge_factor = 8, .seed = 3});
  edges.original_ids.resize(edges.num_vertices);
  for (uint64_t v = 0; v < edges.num_vertices; ++v) edges.original_ids[v] = 7 * v + 100;
  for (const bool symmetric : {false, true}) {
    const Graph graph = BuildGraph(edges, {.symmetrize = symmetric});
    const std::pair<GraphFormat, std::string> files[] = {
        {GraphFormat::kSnap, "g.snap.gz"},     {GraphFormat::kSnap, "g.txt"},
        {GraphFormat::kMatrixMarket, "g.mtx"}, {GraphFormat::kEvlp, "g"},
        {GraphFormat::kRaw, "g.raw"},          {GraphFormat::kCostVertex, "g"}};
    for (const auto& [format, name] : files) {
      SCOPED_TRACE(std::string(FormatName(format)) + " " + name + (symmetric ? " sym" : " dir"));
      std::string path = Path(name);
      WriteGraphAs(graph, format, path);
      if (format == GraphFormat::kEvlp) path += ".properties";
      if (format == GraphFormat::kCostVertex) path += ".nodes";
      const std::string reference = Reference(path, std::nullopt, false);
      const PreparationReport report =
          PrepareFromInput(path, std::nullopt, Options(kMiB), Path("out.cgraph"));
      EXPECT_EQ(report.format, FormatName(format));
      ExpectSameSections(reference, Path("out.cgraph"));
    }
  }
  EXPECT_TRUE(TmpIsEmpty());
}

// A prepared file as input: version 2 with its csr, with only the compressed stream, and the
// version-1 fixture; new sections come out, the arcs and ids unchanged.
TEST_F(PrepareInputsTest, PreparedFilesAreInputsToo) {
  const EdgeList edges = GenerateKronecker({.scale = 11, .edge_factor = 8, .seed = 3});
  WriteReferenceFile(edges, false, kEverySection, Path("all.cgraph"));
  const PreparedSections compressed{.csr = false, .transpose = false, .compressed = true};
  WriteReferenceFile(edges, false, compressed, Path("compressed.cgraph"));
  WriteReferenceFile(edges, false, {.csr = false, .transpose = false, .hilbert = true},
                     Path("arrays.cgraph"));
  for (const std::string name : {"all.cgraph", "compressed.cgraph", "arrays.cgraph"}) {
    SCOPED_TRACE(name);
    PrepareFromInput(Path(name), std::nullopt, Options(kMiB), Path("out.cgraph"));
    ExpectSameSections(Path("all.cgraph"), Path("out.cgraph"));
  }
  std::string v1 = ReadFile(std::string(COST_TEST_DATA_DIR) + "/malformed/wrong_magic.cgraph");
  std::memcpy(v1.data(), "COSTGRPH", 8);
  const std::string input = Write("v1.cgraph", v1);
  PrepareFromInput(input, std::nullopt, Options(kMiB), Path("out.cgraph"));
  ExpectSameSections(Reference(input, std::nullopt, false), Path("out.cgraph"));
}

// `convert <(cat edges.txt)`: the pipe is read once, detection included, and keeps every edge;
// at a tiny budget its pairs are spooled to disk for the second pass.
TEST_F(PrepareInputsTest, PipeIsReadExactlyOnce) {
  const std::string text = MessyKroneckerText(12);
  const std::string reference = Reference(Write("edges.txt", text), std::nullopt, false);
  for (const uint64_t budget : {4 * kMiB, 64 * kMiB}) {
    SCOPED_TRACE(budget);
    const PipeFeeder pipe(text);
    PrepareFromInput(pipe.path(), std::nullopt, Options(budget), Path("out.cgraph"));
    ExpectSameSections(reference, Path("out.cgraph"));
  }
  const PipeFeeder pipe(text);
  const LoadedGraph loaded = LoadGraphInput(pipe.path());
  EXPECT_EQ(loaded.edges.num_edges(), LoadGraphInput(Path("edges.txt")).edges.num_edges());
  EXPECT_TRUE(TmpIsEmpty());
}

// Matrix Market and raw pairs through pipes: the banner is found through the pipe, the binary
// format is named.
TEST_F(PrepareInputsTest, OtherFormatsThroughPipes) {
  const Graph graph = BuildGraph(GenerateKronecker({.scale = 10, .edge_factor = 8, .seed = 1}),
                                 {.symmetrize = true});
  WriteGraphAs(graph, GraphFormat::kMatrixMarket, Path("g.mtx"));
  WriteGraphAs(graph, GraphFormat::kRaw, Path("g.raw"));
  const PipeFeeder mtx(ReadFile(Path("g.mtx")));
  PrepareFromInput(mtx.path(), std::nullopt, Options(kMiB), Path("out.cgraph"));
  ExpectSameSections(Reference(Path("g.mtx"), std::nullopt, false), Path("out.cgraph"));
  const PipeFeeder raw(ReadFile(Path("g.raw")));
  PrepareFromInput(raw.path(), GraphFormat::kRaw, Options(kMiB), Path("out.cgraph"));
  ExpectSameSections(Reference(Path("g.raw"), std::nullopt, false), Path("out.cgraph"));
}

// The writer of a FIFO opens it, writes and finishes; one open on our side sees all of it (a
// second open, after a detection pass, would wait for a writer that never comes back).
TEST_F(PrepareInputsTest, FifoWhoseWriterFinishedDoesNotHang) {
  const std::string text = MessyKroneckerText(10);
  const std::string reference = Reference(Write("edges.txt", text), std::nullopt, false);
  const std::string fifo = Path("edges.fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&] {
    std::ofstream(fifo, std::ios::binary) << text;  // blocks in open until the reader opens
  });
  PrepareFromInput(fifo, std::nullopt, Options(kMiB), Path("out.cgraph"));
  writer.join();
  ExpectSameSections(reference, Path("out.cgraph"));
}

// Per-vertex arrays are sized by the ids the input names, not by their values or a header.
TEST_F(PrepareInputsTest, SparseIdsAreRelabelledInEveryFormat) {
  const uint32_t records[4] = {3, 4000000000u, 4000000000u, 17};
  const std::string raw =
      Write("sparse.raw", std::string(reinterpret_cast<const char*>(records), 16));
  const PreparationReport r = PrepareFromInput(raw, std::nullopt, Options(kMiB), Path("r.cgraph"));
  EXPECT_EQ(r.num_vertices, 3u);
  const Graph g = LoadGraphFile(Path("r.cgraph"));
  EXPECT_THAT(std::vector<uint64_t>(g.original_ids.begin(), g.original_ids.end()),
              ElementsAre(3, 17, 4000000000u));
  EXPECT_EQ(LoadRawPairs(raw).num_vertices, 3u);

  const std::string mtx = Write("huge.mtx",
                                "%%MatrixMarket matrix coordinate pattern general\n"
                                "100000000 100000000 2\n1 99999999\n99999999 5\n");
  const PreparationReport m = PrepareFromInput(mtx, std::nullopt, Options(kMiB), Path("m.cgraph"));
  EXPECT_EQ(m.num_vertices, 3u);
  EXPECT_EQ(m.info.file_bytes, fs::file_size(Path("m.cgraph")));
  EXPECT_LT(m.info.file_bytes, 64 * 1024u);
  EXPECT_THAT(LoadMatrixMarket(mtx).edges.original_ids, ElementsAre(1, 5, 99999999));
}

// A gzip file of 3072 members of 1 MiB of zeros each (3 MiB on disk, 3 GiB inflated), /dev/zero
// itself, and zeros through a pipe: each refused, naming the file, before memory grows.
TEST_F(PrepareInputsTest, EndlessOrHugeLinesAreRefusedNamingTheFile) {
  std::string member;
  {
    const std::string zeros(kMiB, '\0');
    uLongf bound = compressBound(zeros.size()) + 64;
    std::vector<Bytef> buffer(bound);
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, 16 + 15, 9, Z_DEFAULT_STRATEGY);  // 16 + 15: gzip wrapper
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
    z.avail_in = zeros.size();
    z.next_out = buffer.data();
    z.avail_out = bound;
    ASSERT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
    member.assign(reinterpret_cast<char*>(buffer.data()), z.total_out);
    deflateEnd(&z);
  }
  std::string bomb;
  for (int i = 0; i < 3072; ++i) bomb += member;
  const std::string gz = Write("bomb.txt.gz", bomb);
  EXPECT_EQ(Error(gz, std::nullopt), gz + ":1: line longer than 1048576 bytes");
  try {
    LoadGraphInput(gz, GraphFormat::kSnap);
    ADD_FAILURE() << "no error";
  } catch (const DatasetError& e) {
    EXPECT_EQ(std::string(e.what()), gz + ":1: line longer than 1048576 bytes");
  }
  EXPECT_EQ(Error("/dev/zero", GraphFormat::kRaw), "/dev/zero: a device, not a file or a pipe");
  EXPECT_EQ(Error("/dev/zero", std::nullopt), "/dev/zero: a device, not a file or a pipe");
  const PipeFeeder zeros(std::string(8 * kMiB, '\0'));
  EXPECT_EQ(Error(zeros.path(), GraphFormat::kSnap),
            zeros.path() + ":1: line longer than 1048576 bytes");
  EXPECT_TRUE(TmpIsEmpty());
}

// 100000 distinct ids near 2^60 need far more than 256 KiB of id table: refused with both
// numbers, during the first pass.
TEST_F(PrepareInputsTest, IdTableBeyondTheBudgetIsRefused) {
  std::string text;
  for (uint64_t i = 0; i < 100000; ++i) {
    text += std::to_string((uint64_t{1} << 60) + 977 * i) + " " + std::to_string(i % 50) + "\n";
  }
  const std::string input = Write("sparse.txt", text);
  const std::string error = Error(input, std::nullopt, 256 * 1024);
  EXPECT_THAT(error, AllOf(HasSubstr(input + ": needs "), HasSubstr(" bytes, budget 262144 (")));
  EXPECT_FALSE(fs::exists(Path("error-out.cgraph")));
  EXPECT_TRUE(TmpIsEmpty());
}

// Every file of the malformed corpus fails the bounded-memory conversion with the error of the
// whole-file loader (the same parsers), and leaves nothing behind.
TEST_F(PrepareInputsTest, MalformedInputsFailAsTheWholeFileLoadersDo) {
  const fs::path corpus = fs::path(COST_TEST_DATA_DIR) / "malformed";
  for (const auto& entry : fs::directory_iterator(corpus)) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".edges" || ext == ".v" || ext == ".e" || entry.is_directory()) continue;
    const std::string path = entry.path().string();
    SCOPED_TRACE(path);
    std::string expected;
    try {
      LoadGraphInput(path);
      expected = "no error";
    } catch (const DatasetError& e) {
      expected = e.what();
    }
    EXPECT_EQ(Error(path, std::nullopt), expected);
  }
  const std::string ldbc = (corpus / "ldbc_unknown_endpoint" / "g.properties").string();
  EXPECT_EQ(Error(ldbc, std::nullopt), (corpus / "ldbc_unknown_endpoint" / "g.e").string() +
                                           ":2: edge endpoint 9 is not in the vertex file");
  EXPECT_EQ(testing_support::ListDir(dir_), std::vector<std::string>{"tmp"});
  EXPECT_TRUE(TmpIsEmpty());
}

}  // namespace
}  // namespace cost::datasets
