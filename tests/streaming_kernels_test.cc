// The rows that stream the compressed Hilbert arcs from the prepared file: the stream's pieces
// hold whole tile runs at any buffer size, a pass reads exactly the section, pages behind the
// reader are dropped when asked, and every streaming kernel (serial and OpenMP, from a file and
// from memory, at buffers that cut the stream into many pieces) gives its in-memory sibling's
// answer. Conformance and agreement with the reference run through the implementation table
// (conformance_test, systems_agreement_test); this suite covers what they cannot see.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/vfs.h>

#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "baselines/pagerank.h"
#include "baselines/streaming.h"
#include "baselines/wcc.h"
#include "datasets/compressed_arc_stream.h"
#include "datasets/csr_build.h"
#include "datasets/dataset_error.h"
#include "datasets/graph_file.h"
#include "datasets/hilbert_layout.h"
#include "datasets/kronecker.h"
#include "harness/run/storage_mode.h"
#include "parallel/openmp_stream.h"
#include "tests/parallel_test_support.h"
#include "tests/test_support.h"

namespace cost {
namespace {

using datasets::ArcStreamOptions;
using datasets::CompressedArcStream;

// A directed Kronecker graph (sinks, isolated vertices) with every section.
datasets::Graph KroneckerWithStream(int scale) {
  const datasets::EdgeList edges =
      datasets::GenerateKronecker({.scale = scale, .edge_factor = 8, .seed = 5});
  return datasets::WithHilbertSections(datasets::BuildGraph(edges, {.symmetrize = false}), true,
                                       true);
}

// Whether `path` lies on a file system whose cached pages cannot be dropped (tmpfs).
bool OnTmpfs(const std::string& path) {
  struct statfs fs {};
  return statfs(path.c_str(), &fs) == 0 && fs.f_type == 0x01021994;  // TMPFS_MAGIC
}

class StreamingTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    graph_ = KroneckerWithStream(12);  // ~30,000 arcs: a stream of many runs and pieces
    datasets::WriteGraphFile(graph_, "{}", Path("k10.cgraph"));
  }
  datasets::Graph graph_;
};

std::vector<std::pair<uint32_t, uint32_t>> ArcsOf(CompressedArcStream& stream) {
  std::vector<std::pair<uint32_t, uint32_t>> arcs;
  stream.Pass([&](std::span<const uint8_t> bytes) {
    datasets::DecodeArcs(bytes, [&](uint32_t u, uint32_t v) { arcs.emplace_back(u, v); });
  });
  return arcs;
}

TEST_F(StreamingTest, PiecesHoldWholeRunsAtEveryBufferSize) {
  std::vector<std::pair<uint32_t, uint32_t>> expected;
  for (uint64_t e = 0; e < graph_.num_edges(); ++e) {
    expected.emplace_back(graph_.hilbert_src[e], graph_.hilbert_dst[e]);
  }
  // A buffer below one longest run is raised to it; the others cut runs at every offset mod 4.
  const uint64_t run = datasets::kTileRunMaxBytes;
  for (uint64_t buffer : {uint64_t{16}, run, run + 1, run + 2, run + 4093, uint64_t{1} << 22}) {
    for (const auto& [path, ahead] :
         {std::pair{std::string(), false}, std::pair{Path("k10.cgraph"), false},
          std::pair{Path("k10.cgraph"), true}}) {
      CompressedArcStream stream(graph_,
                                 {.path = path, .read_ahead = ahead, .buffer_bytes = buffer});
      EXPECT_EQ(ArcsOf(stream), expected)
          << "buffer " << buffer << " path '" << path << "' read ahead " << ahead;
      EXPECT_EQ(stream.counters().bytes_read, graph_.hilbert_compressed.size());
      EXPECT_EQ(stream.counters().passes, 1u);
    }
  }
}

TEST_F(StreamingTest, BytesReadAreTheSectionTimesThePassesPlusTheDegrees) {
  CompressedArcStream stream(graph_, {.path = Path("k10.cgraph"), .buffer_bytes = 1});
  const std::vector<double> ranks = baselines::PageRankPushStream(stream, {.iterations = 7});
  EXPECT_EQ(stream.counters().passes, 7u);
  EXPECT_EQ(stream.counters().bytes_read,
            7 * graph_.hilbert_compressed.size() + 4 * graph_.num_vertices());
  EXPECT_EQ(ranks.size(), graph_.num_vertices());
}

TEST_F(StreamingTest, DropBehindLeavesTheSectionOutOfThePageCache) {
  if (OnTmpfs(Path("k10.cgraph"))) GTEST_SKIP() << "tmpfs keeps its pages";
  const datasets::GraphFileInfo info = datasets::ReadGraphFileInfo(Path("k10.cgraph"));
  const std::vector<datasets::GraphFileSectionInfo> section = {
      *info.Find(datasets::SectionKind::kHilbertCompressed)};
  // In this order: read and cached; dropped behind; then read ahead, which leaves it out.
  for (const auto& [drop, ahead] :
       {std::pair{false, false}, std::pair{true, false}, std::pair{false, true}}) {
    CompressedArcStream stream(
        graph_,
        {.path = Path("k10.cgraph"), .drop_behind = drop, .read_ahead = ahead, .buffer_bytes = 1});
    ArcsOf(stream);
    const double resident = harness::ResidentFraction(Path("k10.cgraph"), section);
    if (drop || ahead) {
      EXPECT_LE(resident, harness::kMaxResidentOnDisk);
    } else {
      EXPECT_GE(resident, harness::kMinResidentInRam);
    }
  }
}

TEST_F(StreamingTest, KernelsMatchTheirInMemorySiblingsAtSmallBuffers) {
  const std::vector<double> ranks = baselines::PageRankPushHilbert(graph_, {.iterations = 20});
  const std::vector<uint32_t> components =
      testing_support::SmallestIdLabels(baselines::ConnectedComponentsUnionFind(graph_));
  for (const auto& [path, ahead] :
       {std::pair{std::string(), false}, std::pair{Path("k10.cgraph"), false},
        std::pair{Path("k10.cgraph"), true}}) {
    const ArcStreamOptions options{
        .path = path, .read_ahead = ahead, .buffer_bytes = datasets::kTileRunMaxBytes + 333};
    auto stream = [&] { return CompressedArcStream(graph_, options); };
    CompressedArcStream s1 = stream(), s2 = stream(), s3 = stream();
    EXPECT_THAT(baselines::PageRankPushStream(s1, {.iterations = 20}),
                testing::Pointwise(testing::DoubleNear(1e-12), ranks));
    EXPECT_EQ(testing_support::SmallestIdLabels(baselines::ConnectedComponentsUnionFindStream(s2)),
              components);
    EXPECT_EQ(baselines::ConnectedComponentsLabelPropagationStream(s3), components);
    for (int threads : {1, 2, 3}) {
      CompressedArcStream p1 = stream(), p2 = stream();
      EXPECT_THAT(parallel::PageRankPushStreamOpenMP(p1, {.iterations = 20}, threads),
                  testing::Pointwise(testing::DoubleNear(1e-12), ranks))
          << threads << " threads";
      EXPECT_EQ(parallel::ConnectedComponentsUnionFindStreamOpenMP(p2, threads), components)
          << threads << " threads";
    }
  }
}

TEST_F(StreamingTest, ATruncatedStreamIsAnErrorNotAWrongAnswer) {
  datasets::Graph cut = graph_;
  // Half the stream, at a word boundary: the cut lands inside a run.
  cut.hilbert_compressed =
      graph_.hilbert_compressed.first(graph_.hilbert_compressed.size() / 8 * 4);
  CompressedArcStream serial(cut, {});
  EXPECT_THAT([&] { baselines::ConnectedComponentsUnionFindStream(serial); },
              testing::ThrowsMessage<datasets::DatasetError>(testing::HasSubstr("truncated")));
  CompressedArcStream threaded(cut, {});
  EXPECT_THAT([&] { parallel::ConnectedComponentsUnionFindStreamOpenMP(threaded, 2); },
              testing::ThrowsMessage<datasets::DatasetError>(testing::HasSubstr("truncated")));
  CompressedArcStream pieces(cut, {.buffer_bytes = datasets::kTileRunMaxBytes});
  EXPECT_THROW(baselines::ConnectedComponentsLabelPropagationStream(pieces),
               datasets::DatasetError);
}

// A run whose arc count was zeroed in the file: the error names the file as well as the offset, at
// a buffer that holds the whole stream (the kernel's decoder finds it) and at one that cuts it
// into pieces (the reader's own walk over run headers finds it).
TEST_F(StreamingTest, ADamagedRunInAFileIsNamedByPath) {
  std::string bytes = testing_support::ReadFile(Path("k10.cgraph"));
  const std::string_view stream(reinterpret_cast<const char*>(graph_.hilbert_compressed.data()),
                                64);
  const size_t at = bytes.find(stream);
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at + 4, 4, std::string(4, '\0'));  // the first run's arc count
  std::ofstream(Path("k10.cgraph"), std::ios::binary | std::ios::trunc) << bytes;
  for (const uint64_t buffer : {uint64_t{1} << 24, datasets::kTileRunMaxBytes}) {
    for (const bool ahead : {false, true}) {
      CompressedArcStream from_file(
          graph_, {.path = Path("k10.cgraph"), .read_ahead = ahead, .buffer_bytes = buffer});
      EXPECT_THAT([&] { baselines::ConnectedComponentsUnionFindStream(from_file); },
                  testing::ThrowsMessage<datasets::DatasetError>(
                      testing::AllOf(testing::StartsWith(Path("k10.cgraph") + ": "),
                                     testing::HasSubstr("a run of 0 arcs at byte offset 0"))))
          << "buffer " << buffer << " read ahead " << ahead;
    }
  }
}

// A pass abandoned by its visitor (a kernel's exception) stops the reader thread; the next pass
// starts from the beginning and reads every arc.
TEST_F(StreamingTest, AnAbandonedReadAheadPassLeavesTheStreamUsable) {
  CompressedArcStream stream(graph_,
                             {.path = Path("k10.cgraph"), .read_ahead = true, .buffer_bytes = 1});
  int pieces = 0;
  EXPECT_THROW(stream.Pass([&](std::span<const uint8_t>) {
    if (++pieces == 2) throw std::runtime_error("kernel gave up");
  }),
               std::runtime_error);
  EXPECT_EQ(ArcsOf(stream).size(), graph_.num_edges());
}

TEST_F(StreamingTest, AFileWithoutTheStreamIsRefusedByName) {
  datasets::WriteGraphFile(graph_, {.csr = true, .transpose = true}, "{}", Path("csr.cgraph"));
  EXPECT_THAT([&] { (void)CompressedArcStream(graph_, {.path = Path("csr.cgraph")}); },
              testing::ThrowsMessage<datasets::DatasetError>(
                  testing::AllOf(testing::HasSubstr(Path("csr.cgraph")),
                                 testing::HasSubstr("has no 'hilbert compressed' section"))));
  datasets::Graph no_stream = graph_;
  no_stream.hilbert_compressed = {};
  EXPECT_THROW((void)CompressedArcStream(no_stream, {}), std::invalid_argument)
      << "a graph in memory without the layout";
}

}  // namespace
}  // namespace cost
