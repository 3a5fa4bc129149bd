// The one formatter per kind of number (harness/core/format.h, and gnuplot's in
// harness/report/gnuplot.h): every table, plot and message spells a value the same way.
#include "harness/core/format.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "harness/report/gnuplot.h"

namespace cost::harness {
namespace {

TEST(Format, PrintfHasNoLengthLimit) {
  EXPECT_EQ(Printf("%d x %s", 4, "threads"), "4 x threads");
  EXPECT_EQ(Printf("%s", std::string(1000, 'a').c_str()), std::string(1000, 'a'));
  EXPECT_EQ(Printf("%s", ""), "");
}

TEST(Format, SecondsKeepThreeSignificantDigits) {
  EXPECT_EQ(FormatSeconds(0.41234), "0.412 s");
  EXPECT_EQ(FormatSeconds(1.3), "1.30 s");
  EXPECT_EQ(FormatSeconds(275.4), "275 s");
  EXPECT_EQ(FormatSeconds(0), "0 s");
}

TEST(Format, RatioPercentAndGiB) {
  EXPECT_EQ(FormatRatio(0.8149), "0.81x");
  EXPECT_EQ(FormatPercent(0.1234), "12.3%");
  EXPECT_EQ(FormatPercent(0.95), "95.0%");
  EXPECT_EQ(FormatPercent(0), "0.0%");
  EXPECT_EQ(FormatGiB(1.5 * (1 << 30), 1), "1.5 GiB");
  EXPECT_EQ(FormatGiB(25769803776.0, 2), "24.00 GiB");
}

TEST(Format, DurationAndChecksum) {
  EXPECT_EQ(FormatDuration(3723.4), "01:02:03");
  EXPECT_EQ(FormatDuration(59.6), "00:01:00");
  EXPECT_EQ(Hex16(0xdeadbeef), "00000000deadbeef");
  EXPECT_EQ(Hex16(~uint64_t{0}), "ffffffffffffffff");
}

TEST(Format, GnuplotNumberKeepsNineDigits) {
  EXPECT_EQ(GnuplotNumber(0.123456789123), "0.123456789");
  EXPECT_EQ(GnuplotNumber(2), "2");
  EXPECT_EQ(GnuplotNumber(1e-7), "1e-07");
  EXPECT_EQ(GnuplotNumber(std::numeric_limits<double>::quiet_NaN()), "nan");
}

}  // namespace
}  // namespace cost::harness
