// What the harness reads from an mpirun job's log (harness/run/multiprocess_report.h), on
// fixtures: rank 0's per-rank arrays into the measurement and the results file (where older
// files without them still load), and the transport from Open MPI's BTL selection lines.
#include "harness/run/multiprocess_report.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "harness/core/results.h"

namespace cost {
namespace {

// A report line as cost_mpi prints it for two ranks on two hosts.
const char kReport[] =
    R"({"cost_mpi_report": 1, "procs": 2, "threads": 2, "startup_seconds": 0.25, )"
    R"("partition_seconds": 0.125, "repetition_seconds": [0.5, 0.75, 0.25], )"
    R"("rank_peak_rss_bytes": [1000, 2000], "rank_hosts": ["h1", "h2"], "rank_threads": [2, 2], )"
    R"("rank_rows": [300, 212], "rank_ghosts": [40, 50], "rank_bytes_sent": [4096, 8192], )"
    R"("rank_messages_sent": [20, 21], "rank_rounds": [20, 20]})";

harness::Measurement ReadFixture(const std::string& line) {
  harness::Measurement m;
  m.kind = harness::Kind::kMultiprocess;
  m.procs = 2;
  harness::ReadRankReport(nlohmann::json::parse(line), &m);
  return m;
}

TEST(RankReport, EveryPerRankArrayReachesTheMeasurement) {
  const harness::Measurement m = ReadFixture(kReport);
  EXPECT_DOUBLE_EQ(m.median_seconds, 0.5);
  EXPECT_DOUBLE_EQ(m.startup_seconds, 0.25);
  EXPECT_DOUBLE_EQ(m.partition_seconds, 0.125);
  EXPECT_EQ(m.rank_peak_rss_bytes, (std::vector<uint64_t>{1000, 2000}));
  EXPECT_EQ(m.rank_hosts, (std::vector<std::string>{"h1", "h2"}));
  EXPECT_EQ(m.rank_threads, (std::vector<int>{2, 2}));
  EXPECT_EQ(m.rank_rows, (std::vector<uint64_t>{300, 212}));
  EXPECT_EQ(m.rank_ghosts, (std::vector<uint64_t>{40, 50}));
  EXPECT_EQ(m.rank_bytes_sent, (std::vector<uint64_t>{4096, 8192}));
  EXPECT_EQ(m.rank_messages_sent, (std::vector<uint64_t>{20, 21}));
  EXPECT_EQ(m.rank_rounds, (std::vector<uint64_t>{20, 20}));
}

TEST(RankReport, NullArraysStayEmpty) {
  std::string line = kReport;
  line.replace(line.find("[40, 50]"), 8, "null");
  line.replace(line.find("[4096, 8192]"), 12, "null");
  const harness::Measurement m = ReadFixture(line);
  EXPECT_TRUE(m.rank_ghosts.empty());
  EXPECT_TRUE(m.rank_bytes_sent.empty());
  EXPECT_EQ(m.rank_rows.size(), 2u);
}

TEST(RankReport, AnArrayOfTheWrongLengthOrTypeIsNamed) {
  std::string short_line = kReport;
  short_line.replace(short_line.find("[300, 212]"), 10, "[300]");
  try {
    ReadFixture(short_line);
    FAIL() << "accepted one row count for two ranks";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "rank report: rank_rows: 1 entries for 2 ranks");
  }
  std::string wrong_type = kReport;
  wrong_type.replace(wrong_type.find("[20, 20]"), 8, "\"many\"");
  try {
    ReadFixture(wrong_type);
    FAIL() << "accepted a string for the rounds";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("rank report: rank_rounds: ", 0), 0u) << e.what();
  }
}

TEST(RankReport, TheLastMatchingLineOfTheLogIsFound) {
  const std::string log = std::string("noise\n{\"cost_mpi_file_check\": 1, \"ok\": true}\n") +
                          kReport + "\n[h1:1] more noise\n";
  EXPECT_EQ(harness::FindJsonLine(log, "cost_mpi_report").at("procs"), 2);
  EXPECT_EQ(harness::FindJsonLine(log, "cost_mpi_file_check").at("ok"), true);
  EXPECT_TRUE(harness::FindJsonLine(log, "absent").is_discarded());
}

TEST(Transport, TheBtlsBetweenDistinctRanksAreJoinedAndSelfOnlyAlone) {
  const std::string across =
      "[h1:100] mca: bml: Using self btl for send to [[7,1],0] on node h1\n"
      "[h1:100] mca: bml: Using tcp btl for send to [[7,1],1] on node h2\n"
      "[h2:200] mca: bml: Using tcp btl for send to [[7,1],0] on node h1\n";
  EXPECT_EQ(harness::TransportFromLog(across), "tcp");
  const std::string mixed = across +
                            "[h1:101] mca: bml: Using vader btl for send to [[7,1],0] on node "
                            "h1\n";
  EXPECT_EQ(harness::TransportFromLog(mixed), "tcp+vader");
  EXPECT_EQ(harness::TransportFromLog(
                "[h1:100] mca: bml: Using self btl for send to [[7,1],0] on node h1\n"),
            "self");
  EXPECT_EQ(harness::TransportFromLog("mpirun: nothing about btls\n"), "");
}

TEST(Results, ThePerRankFieldsRoundTripAndOlderFilesLoadWithout) {
  harness::Measurement m = ReadFixture(kReport);
  m.transport = "tcp";
  m.graph_placement = "per-host-copies";
  const nlohmann::json j = harness::ToJson(m);
  EXPECT_EQ(j.at("ranks_per_host"), (nlohmann::json{{"h1", 1}, {"h2", 1}}));
  const harness::Measurement back = harness::MeasurementFromJson(j);
  EXPECT_EQ(back.rank_hosts, m.rank_hosts);
  EXPECT_EQ(back.rank_threads, m.rank_threads);
  EXPECT_EQ(back.rank_bytes_sent, m.rank_bytes_sent);
  EXPECT_EQ(back.rank_rounds, m.rank_rounds);
  EXPECT_EQ(back.transport, "tcp");
  EXPECT_EQ(back.graph_placement, "per-host-copies");

  nlohmann::json old = j;
  for (const char* field :
       {"rank_hosts", "rank_threads", "rank_rows", "rank_ghosts", "rank_bytes_sent",
        "rank_messages_sent", "rank_rounds", "transport", "graph_placement", "ranks_per_host"}) {
    old.erase(field);
  }
  const harness::Measurement older = harness::MeasurementFromJson(old);
  EXPECT_TRUE(older.rank_hosts.empty());
  EXPECT_TRUE(older.rank_bytes_sent.empty());
  EXPECT_EQ(older.transport, "");
  EXPECT_EQ(older.rank_peak_rss_bytes, m.rank_peak_rss_bytes);
}

}  // namespace
}  // namespace cost
