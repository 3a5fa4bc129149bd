// Validation's references kept between rows (harness/run/reference_cache.h): an entry reads back
// the values stored under its key and nothing else (another key, a damaged or truncated entry:
// computed again), and a row validated with a reference cache really compares with the entry
// there (a wrong entry fails the row), including a streaming row, which then maps no edges.
#include "harness/run/reference_cache.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/graph_file.h"
#include "datasets/hilbert_layout.h"
#include "harness/core/results.h"
#include "harness/run/measurement.h"
#include "harness/run/validation.h"
#include "tests/test_support.h"

namespace cost::harness {
namespace {

namespace fs = std::filesystem;

//   0 -> 1 -> 2      3 -> 4      5
datasets::Graph SixVertices() {
  datasets::EdgeList edges;
  edges.num_vertices = 6;
  edges.src = {0, 1, 3};
  edges.dst = {1, 2, 4};
  return datasets::BuildGraph(edges, {});
}

class ReferenceCacheTest : public testing_support::ScratchDirTest {
 protected:
  std::string Dir() { return Path("references"); }
  const ReferenceKey kPageRank20 = {.graph_checksum = "00000000000000aa",
                                    .kernel = Kernel::kPageRank,
                                    .iterations = 20,
                                    .damping = 0.85};
};

TEST_F(ReferenceCacheTest, AnEntryReadsBackTheValuesStoredUnderItsKey) {
  const std::vector<double> ranks = {0.25, 0.5, 0.125, 0.125};
  StoreReference(Dir(), kPageRank20, Values(ranks));
  const std::optional<Values> back = LoadReference(Dir(), kPageRank20);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(std::get<std::vector<double>>(*back), ranks);

  const ReferenceKey wcc = {.graph_checksum = "00000000000000aa", .kernel = Kernel::kWcc};
  const std::vector<uint32_t> labels = {0, 0, 2, 2, 4};
  StoreReference(Dir(), wcc, Values(labels));
  ASSERT_TRUE(LoadReference(Dir(), wcc).has_value());
  EXPECT_EQ(std::get<std::vector<uint32_t>>(*LoadReference(Dir(), wcc)), labels);
}

TEST_F(ReferenceCacheTest, AnotherGraphOrOtherParametersFindNoEntry) {
  StoreReference(Dir(), kPageRank20, Values(std::vector<double>{1.0}));
  ReferenceKey other = kPageRank20;
  other.iterations = 10;
  EXPECT_FALSE(LoadReference(Dir(), other).has_value());
  other = kPageRank20;
  other.damping = 0.9;
  EXPECT_FALSE(LoadReference(Dir(), other).has_value());
  other = kPageRank20;
  other.graph_checksum = "00000000000000bb";
  EXPECT_FALSE(LoadReference(Dir(), other).has_value());
  EXPECT_NE(ReferencePath(Dir(), kPageRank20), ReferencePath(Dir(), other));
}

TEST_F(ReferenceCacheTest, ADamagedOrTruncatedEntryIsNotRead) {
  StoreReference(Dir(), kPageRank20, Values(std::vector<double>{0.5, 0.25, 0.25}));
  const std::string path = ReferencePath(Dir(), kPageRank20);
  const uint64_t bytes = fs::file_size(path);
  {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(bytes - 3));
    file.put('\x7f');  // inside the last rank
  }
  EXPECT_FALSE(LoadReference(Dir(), kPageRank20).has_value());
  StoreReference(Dir(), kPageRank20, Values(std::vector<double>{0.5, 0.25, 0.25}));
  fs::resize_file(path, bytes - 8);
  EXPECT_FALSE(LoadReference(Dir(), kPageRank20).has_value());
}

TEST_F(ReferenceCacheTest, TheFirstCallComputesAndKeepsTheReferenceTheNextReadsIt) {
  const datasets::Graph graph = SixVertices();
  const RunParams params{.iterations = 20, .damping = 0.85};
  bool reused = true;
  const Values first =
      CachedReferenceValues(Dir(), Kernel::kPageRank, "00000000000000aa", graph, params, &reused);
  EXPECT_FALSE(reused);
  EXPECT_EQ(std::get<std::vector<double>>(first),
            std::get<std::vector<double>>(ReferenceValues(Kernel::kPageRank, graph, params)));
  const Values second =
      CachedReferenceValues(Dir(), Kernel::kPageRank, "00000000000000aa", graph, params, &reused);
  EXPECT_TRUE(reused);
  EXPECT_EQ(std::get<std::vector<double>>(second), std::get<std::vector<double>>(first));
  // BFS is verified without a reference, and a graph without a checksum cannot be keyed.
  CachedReferenceValues(Dir(), Kernel::kBfs, "00000000000000aa", graph, params, &reused);
  EXPECT_FALSE(reused);
  CachedReferenceValues(Dir(), Kernel::kWcc, "", graph, params, &reused);
  EXPECT_FALSE(reused);
}

class ReferenceCacheRowTest : public ReferenceCacheTest {
 protected:
  void SetUp() override {
    ReferenceCacheTest::SetUp();
    datasets::Graph graph = datasets::WithHilbertSections(SixVertices(), false, true);
    datasets::WriteGraphFile(graph, {.csr = true, .transpose = true, .compressed = true}, "{}",
                             Path("g6.cgraph"));
  }
  MeasurementOutput Row(const char* implementation) {
    MeasurementRequest request;
    request.implementation = FindImplementation(implementation);
    request.graph_path = Path("g6.cgraph");
    request.repetitions = 1;
    request.warmups = 0;
    request.reference_cache = Dir();
    return Measure(request);
  }
};

TEST_F(ReferenceCacheRowTest, RowsAfterTheFirstValidateAgainstTheKeptReference) {
  const MeasurementOutput first = Row("serial:union-find");
  EXPECT_EQ(first.measurement.outcome, Outcome::kOk) << first.measurement.message;
  EXPECT_EQ(first.measurement.message.find("earlier row"), std::string::npos);
  const MeasurementOutput second = Row("serial:label-propagation");
  EXPECT_EQ(second.measurement.outcome, Outcome::kOk) << second.measurement.message;
  EXPECT_NE(second.measurement.message.find("against the reference an earlier row kept"),
            std::string::npos)
      << second.measurement.message;
  const MeasurementOutput streamed = Row("serial:union-find-stream");
  EXPECT_EQ(streamed.measurement.outcome, Outcome::kOk) << streamed.measurement.message;
  EXPECT_NE(streamed.measurement.message.find("earlier row"), std::string::npos);
  // The stored reference, not a fresh one, is what the rows were compared with.
  const ReferenceKey key = ReferenceKeyOf(Kernel::kWcc, first.measurement.graph_checksum, {});
  StoreReference(Dir(), key, Values(std::vector<uint32_t>{0, 0, 0, 0, 0, 0}));
  for (const char* row : {"serial:union-find", "serial:union-find-stream"}) {
    const MeasurementOutput wrong = Row(row);
    EXPECT_EQ(wrong.measurement.outcome, Outcome::kInvalidOutput) << row;
  }
}

// A sweep passes its dataset cache's references folder and its "warmups" to every row: the first
// PageRank and the first WCC row compute their references, the rows after them read them.
TEST_F(ReferenceCacheTest, ASweepComputesEachReferenceOnceAndRunsTheSpecsWarmups) {
  const testing_support::CostRun generate = testing_support::RunCost(
      {"dataset", "generate", "kronecker", "--scale", "6", "--edge-factor", "4", "-o", "g.cgraph"},
      dir_);
  ASSERT_EQ(generate.exit_code, 0) << generate.err;
  std::ofstream(Path("spec.json"))
      << R"({"datasets": [{"name": "g", "graph": "g.cgraph"}], "kernels": ["pagerank", "wcc"],
             "implementations": ["serial:pagerank", "serial:pagerank-push", "serial:union-find",
                                 "serial:label-propagation"],
             "repetitions": 1, "warmups": 0, "cache_dir": "cache"})";
  const testing_support::CostRun sweep =
      testing_support::RunCost({"sweep", "spec.json", "--out", "r.json", "--quiet"}, dir_);
  ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
  const ResultsFile results = ReadResultsFile(Path("r.json"));
  ASSERT_EQ(results.measurements.size(), 4u);
  int reused = 0;
  for (const Measurement& m : results.measurements) {
    EXPECT_EQ(m.outcome, Outcome::kOk) << m.implementation << ": " << m.message;
    EXPECT_EQ(m.warmups, 0) << m.implementation;
    reused += m.message.find("against the reference an earlier row kept") != std::string::npos;
  }
  EXPECT_EQ(reused, 2);
  int entries = 0;
  for (const auto& entry : fs::directory_iterator(Path("cache/references"))) {
    entries += entry.path().extension() == ".ref";
  }
  EXPECT_EQ(entries, 2);
}

}  // namespace
}  // namespace cost::harness
