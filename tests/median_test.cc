// The one median (harness/core/median.h) that repetitions, comparisons and the machine's limit
// tests share.
#include "harness/core/median.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace cost::harness {
namespace {

TEST(Median, OddCountIsTheMiddleValueInAnyOrder) {
  EXPECT_EQ(Median({7.0}), 7.0);
  EXPECT_EQ(Median({3.0, 1.0, 2.0}), 2.0);
  EXPECT_EQ(Median({0.5, 9.0, 0.25, 4.0, 1.0}), 1.0);
}

TEST(Median, EvenCountIsTheMeanOfTheTwoMiddleValues) {
  EXPECT_EQ(Median({2.0, 1.0}), 1.5);
  EXPECT_EQ(Median({4.0, 1.0, 3.0, 2.0}), 2.5);
  EXPECT_EQ(Median({10.0, 0.1, 0.3, 10.0, 0.2, 0.4}), 0.35);
}

TEST(Median, RepeatedValuesAndOutliers) {
  EXPECT_EQ(Median({1.0, 1.0, 1.0, 100.0}), 1.0);
  EXPECT_EQ(Median({5.0, 5.0, -1.0, 1e300}), 5.0);
}

TEST(Median, NoValuesIsAnError) { EXPECT_THROW(Median({}), std::invalid_argument); }

}  // namespace
}  // namespace cost::harness
