// The network projection of multiprocess rows (harness/report/network_projection.h) on a
// fixture: the link parser, the formula, the COST under each link, and the section's presence.
#include "harness/report/network_projection.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace cost {
namespace {

using harness::Kind;
using harness::LinkModel;
using harness::Measurement;

Measurement Row(const std::string& impl, Kind kind, int procs, double median) {
  Measurement m;
  m.implementation = impl;
  m.kind = kind;
  m.kernel = harness::Kernel::kPageRank;
  m.dataset = "kron-20";
  m.procs = procs;
  m.median_seconds = median;
  return m;
}

// Two ranks; rank 1 sends 125 MB (1 s at 1 Gbit/s) in 100 rounds.
Measurement TwoRanks(double median) {
  Measurement m = Row("mpi:pagerank", Kind::kMultiprocess, 2, median);
  m.rank_bytes_sent = {50'000'000, 125'000'000};
  m.rank_rounds = {100, 100};
  m.rank_hosts = {"h1", "h2"};
  return m;
}

TEST(LinkModel, ParsesBandwidthAndLatencyWithUnits) {
  const LinkModel gig = harness::ParseLinkModel("1Gbit/s,25us");
  EXPECT_DOUBLE_EQ(gig.bits_per_second, 1e9);
  EXPECT_DOUBLE_EQ(gig.latency_seconds, 25e-6);
  EXPECT_EQ(gig.label, "1Gbit/s,25us");
  const LinkModel slow = harness::ParseLinkModel("100Mbit/s,1.5ms");
  EXPECT_DOUBLE_EQ(slow.bits_per_second, 1e8);
  EXPECT_DOUBLE_EQ(slow.latency_seconds, 1.5e-3);
  EXPECT_DOUBLE_EQ(harness::ParseLinkModel("10 Gbit/s, 0 s").latency_seconds, 0);
  ASSERT_EQ(harness::DefaultLinks().size(), 1u);
  EXPECT_DOUBLE_EQ(harness::DefaultLinks()[0].bits_per_second, 10e9);
  EXPECT_DOUBLE_EQ(harness::DefaultLinks()[0].latency_seconds, 25e-6);
}

TEST(LinkModel, RejectsWhatItCannotReadNamingThePart) {
  const auto message = [](const std::string& text) {
    try {
      harness::ParseLinkModel(text);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message("1Gbit/s"), "--link '1Gbit/s': expected BANDWIDTH,LATENCY, e.g. 10Gbit/s,25us");
  EXPECT_EQ(message("1GB/s,25us"),
            "--link '1GB/s,25us': the bandwidth '1GB/s' is not a non-negative number with a unit "
            "(bit/s, kbit/s, Mbit/s, Gbit/s, Tbit/s)");
  EXPECT_EQ(message("1Gbit/s,-3us"),
            "--link '1Gbit/s,-3us': the latency '-3us' is not a non-negative number with a unit "
            "(s, ms, us, ns)");
  EXPECT_EQ(message("0Gbit/s,25us"), "--link '0Gbit/s,25us': the bandwidth must be > 0");
}

TEST(NetworkProjection, AddsTheSlowestRanksBytesOverBandwidthAndRoundsTimesLatency) {
  const LinkModel gig = harness::ParseLinkModel("1Gbit/s,25us");
  // Rank 1: 125e6 * 8 / 1e9 = 1 s, plus 100 * 25 us = 2.5 ms.
  EXPECT_DOUBLE_EQ(*harness::ProjectedSeconds(TwoRanks(2.0), gig), 2.0 + 1.0 + 0.0025);
  const LinkModel ten = harness::ParseLinkModel("10Gbit/s,0us");
  EXPECT_DOUBLE_EQ(*harness::ProjectedSeconds(TwoRanks(2.0), ten), 2.1);
  // One process: nothing crosses a link.
  EXPECT_DOUBLE_EQ(*harness::ProjectedSeconds(Row("mpi:pagerank", Kind::kMultiprocess, 1, 3), gig),
                   3);
  // Uncounted traffic, failed rows and rows that are not multiprocess are not projected.
  Measurement uncounted = TwoRanks(2.0);
  uncounted.rank_bytes_sent.clear();
  EXPECT_FALSE(harness::ProjectedSeconds(uncounted, gig).has_value());
  Measurement failed = TwoRanks(2.0);
  failed.outcome = harness::Outcome::kCrashed;
  EXPECT_FALSE(harness::ProjectedSeconds(failed, gig).has_value());
  EXPECT_FALSE(harness::ProjectedSeconds(Row("serial:pagerank", Kind::kSingleThreaded, 1, 1), gig)
                   .has_value());
}

TEST(NetworkProjection, TheCostUnderEachLinkIsTheFewestCoresBelowTheBestSingleThread) {
  std::vector<Measurement> rows = {Row("serial:pagerank", Kind::kSingleThreaded, 1, 3.5),
                                   Row("serial:pagerank-hilbert", Kind::kSingleThreaded, 1, 2.6),
                                   Row("mpi:pagerank", Kind::kMultiprocess, 1, 5.0), TwoRanks(2.0)};
  Measurement four = TwoRanks(1.0);
  four.procs = 4;
  four.rank_bytes_sent = {250'000'000, 250'000'000, 250'000'000, 250'000'000};  // 2 s at 1 Gbit/s
  four.rank_rounds = {0, 0, 0, 0};
  rows.push_back(four);
  const std::vector<LinkModel> links = {harness::ParseLinkModel("1Gbit/s,25us"),
                                        harness::ParseLinkModel("10Gbit/s,25us")};
  const std::vector<harness::ProjectedCost> costs = harness::ProjectCostsOverNetwork(rows, links);
  ASSERT_EQ(costs.size(), 1u);
  EXPECT_EQ(costs[0].implementation, "mpi:pagerank");
  EXPECT_EQ(costs[0].baseline, "serial:pagerank-hilbert");
  EXPECT_DOUBLE_EQ(costs[0].baseline_seconds, 2.6);
  // 1 Gbit/s: 2 procs 3.0025 s, 4 procs 3.0 s: none below 2.6 s. 10 Gbit/s: 2.1025 s at 2.
  EXPECT_EQ(costs[0].cost_per_link, (std::vector<int>{0, 2}));

  const std::string section = harness::NetworkProjectionMarkdown(rows, links);
  EXPECT_NE(section.find("(projected, not measured)"), std::string::npos);
  EXPECT_NE(section.find("| mpi:pagerank | pagerank | kron-20 | 1 x 2 | 2 | - | 2.00 s | 119.2 MiB "
                         "| 100 | 3.00 s | 2.10 s |"),
            std::string::npos)
      << section;
  EXPECT_NE(section.find("| unbounded | 2 cores |"), std::string::npos) << section;
}

TEST(NetworkProjection, NoSectionWithoutARowOfMoreThanOneProcess) {
  const std::vector<Measurement> rows = {Row("serial:pagerank", Kind::kSingleThreaded, 1, 3.5),
                                         Row("mpi:pagerank", Kind::kMultiprocess, 1, 5.0)};
  EXPECT_EQ(harness::NetworkProjectionMarkdown(rows, harness::DefaultLinks()), "");
}

}  // namespace
}  // namespace cost
