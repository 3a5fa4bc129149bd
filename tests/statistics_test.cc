// Summary statistics and the median's confidence interval.
#include "harness/analysis/statistics.h"

#include <gtest/gtest.h>

namespace cost {
namespace {

TEST(Statistics, MedianMinMaxAndSpread) {
  harness::Measurement m;
  harness::Summarize({3.0, 1.0, 2.0, 10.0}, &m);
  EXPECT_DOUBLE_EQ(m.median_seconds, 2.5);
  EXPECT_DOUBLE_EQ(m.min_seconds, 1.0);
  EXPECT_DOUBLE_EQ(m.max_seconds, 10.0);
  EXPECT_EQ(m.repetition_seconds, (std::vector<double>{3.0, 1.0, 2.0, 10.0}));
  // mean 4, sample stddev sqrt(((1)+(9)+(4)+(36))/3) = sqrt(50/3)
  EXPECT_NEAR(m.cv, std::sqrt(50.0 / 3) / 4, 1e-12);
  EXPECT_TRUE(m.high_spread);
  harness::Summarize({1.0, 1.01, 0.99}, &m);
  EXPECT_FALSE(m.high_spread);
}

// With 5 samples no symmetric pair of ranks reaches 95%: [min, max] covers 1 - 2/32 = 93.75%.
TEST(Statistics, FewSamplesGiveMinToMaxWithTheirTrueCoverage) {
  const harness::Interval ci = harness::MedianConfidenceInterval({1, 2, 3, 4, 5});
  EXPECT_DOUBLE_EQ(ci.low, 1);
  EXPECT_DOUBLE_EQ(ci.high, 5);
  EXPECT_DOUBLE_EQ(ci.level, 0.9375);
}

// With 6 samples [x(1), x(6)] covers 1 - 2/64 = 96.9%; [x(2), x(5)] only 78%: keep ranks 1..6.
// With 20, ranks 6..15 cover 95.9% (the standard table value) and 7..14 only 88.5%.
TEST(Statistics, IntervalUsesTheNarrowestRanksReachingTheLevel) {
  harness::Interval ci = harness::MedianConfidenceInterval({1, 2, 3, 4, 5, 6});
  EXPECT_DOUBLE_EQ(ci.low, 1);
  EXPECT_DOUBLE_EQ(ci.high, 6);
  EXPECT_NEAR(ci.level, 1 - 2.0 / 64, 1e-12);
  std::vector<double> twenty;
  for (int i = 1; i <= 20; ++i) twenty.push_back(i);
  ci = harness::MedianConfidenceInterval(twenty);
  EXPECT_DOUBLE_EQ(ci.low, 6);
  EXPECT_DOUBLE_EQ(ci.high, 15);
  EXPECT_NEAR(ci.level, 0.9586, 1e-4);
}

TEST(Statistics, DegenerateInputs) {
  EXPECT_DOUBLE_EQ(harness::MedianConfidenceInterval({}).level, 0);
  const harness::Interval one = harness::MedianConfidenceInterval({2.5});
  EXPECT_DOUBLE_EQ(one.low, 2.5);
  EXPECT_DOUBLE_EQ(one.high, 2.5);
  EXPECT_DOUBLE_EQ(one.level, 0);
}

}  // namespace
}  // namespace cost
