// The results file: JSON round trip, atomic writing, clear errors.
#include "harness/core/results.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace cost {
namespace {

namespace fs = std::filesystem;

harness::Measurement SampleMeasurement() {
  harness::Measurement m;
  m.dataset = "kron-10";
  m.graph_path = "/tmp/kron.cgraph";
  m.graph_checksum = "00112233aabbccdd";
  m.num_vertices = 1024;
  m.num_edges = 30000;
  m.kernel = harness::Kernel::kPageRank;
  m.implementation = "openmp:pagerank";
  m.system = "openmp";
  m.algorithm = "pagerank-pull";
  m.kind = harness::Kind::kThreaded;
  m.threads = 2;
  m.procs = 3;
  m.iterations = 20;
  m.repetitions = 3;
  m.outcome = harness::Outcome::kInvalidOutput;
  m.message = "vertex 7: expected 0.1, got 0.2";
  m.repetition_seconds = {0.5, 0.25, 0.75};
  m.median_seconds = 0.5;
  m.min_seconds = 0.25;
  m.max_seconds = 0.75;
  m.cv = 0.5;
  m.load_seconds = 0.01;
  m.preparation_seconds = 1.5;
  m.peak_rss_bytes = 123456789;
  return m;
}

void ExpectSame(const harness::Measurement& a, const harness::Measurement& b) {
  EXPECT_EQ(harness::ToJson(a), harness::ToJson(b));
  EXPECT_EQ(a.repetition_seconds, b.repetition_seconds);
  EXPECT_EQ(a.cores(), b.cores());
}

TEST(Results, MeasurementRoundTrip) {
  const harness::Measurement m = SampleMeasurement();
  const nlohmann::json j = harness::ToJson(m);
  EXPECT_EQ(j.at("cores"), 6);
  EXPECT_EQ(j.at("implementation"), "openmp:pagerank");
  EXPECT_EQ(j.at("repetition_seconds").size(), 3u);
  ExpectSame(harness::MeasurementFromJson(j), m);
}

TEST(Results, FileRoundTripThroughDisk) {
  const fs::path dir = fs::temp_directory_path() / "cost_results_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  harness::ResultsFile r;
  r.created = "2026-11-26T00:00:00Z";
  r.machine = {{"cpu_model", "Test CPU"}, {"logical_cpus", 2}};
  r.build = {{"git_revision", "abc"}};
  r.measurements = {SampleMeasurement(), SampleMeasurement()};
  r.measurements[1].threads = 1;
  const std::string path = (dir / "results.json").string();
  harness::WriteResultsFile(r, path);
  harness::WriteResultsFile(r, path);  // replacing an existing file
  const harness::ResultsFile back = harness::ReadResultsFile(path);
  EXPECT_EQ(back.created, r.created);
  EXPECT_EQ(back.machine, r.machine);
  EXPECT_EQ(back.build, r.build);
  ASSERT_EQ(back.measurements.size(), 2u);
  ExpectSame(back.measurements[0], r.measurements[0]);
  ExpectSame(back.measurements[1], r.measurements[1]);
  // The temp file used for the atomic write is gone.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
  fs::remove_all(dir);
}

TEST(Results, MissingFieldsKeepDefaults) {
  const harness::Measurement m = harness::MeasurementFromJson({{"dataset", "g"}});
  EXPECT_EQ(m.dataset, "g");
  EXPECT_EQ(m.outcome, harness::Outcome::kOk);
  EXPECT_EQ(m.threads, 1);
}

TEST(Results, ErrorsNameTheFileAndTheProblem) {
  const fs::path dir = fs::temp_directory_path() / "cost_results_errors";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string other = (dir / "other.json").string();
  std::ofstream(other) << R"({"measurements": []})";
  EXPECT_THAT(
      [&] { harness::ReadResultsFile(other); },
      testing::ThrowsMessage<std::runtime_error>(testing::AllOf(
          testing::HasSubstr("other.json"), testing::HasSubstr("not a cost results file"))));
  const std::string broken = (dir / "broken.json").string();
  std::ofstream(broken) << R"({"format": "cost-results", "measurements": [{"threads": "two"}]})";
  EXPECT_THAT([&] { harness::ReadResultsFile(broken); },
              testing::ThrowsMessage<std::runtime_error>(testing::AllOf(
                  testing::HasSubstr("broken.json"), testing::HasSubstr("measurement 0"))));
  EXPECT_THAT([&] { harness::ReadResultsFile((dir / "missing.json").string()); },
              testing::ThrowsMessage<std::runtime_error>(testing::HasSubstr("missing.json")));
  EXPECT_THAT([&] { harness::ReadResultsFile(dir.string()); },
              testing::ThrowsMessage<std::runtime_error>(testing::HasSubstr("is a directory")));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cost
