// The one size parser (harness/core/byte_size.h): memory caps in sweep specs, sysfs cache sizes
// and $COST_FAKE_MEM_AVAILABLE all spell sizes the same way.
#include "harness/core/byte_size.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>

namespace cost::harness {
namespace {

TEST(ByteSize, PlainBytesAndEveryUnitInEitherCase) {
  EXPECT_EQ(TryParseByteSize("123"), 123u);
  EXPECT_EQ(TryParseByteSize("48K"), 48u << 10);   // sysfs L1d
  EXPECT_EQ(TryParseByteSize("1024k"), 1u << 20);  // lower case too
  EXPECT_EQ(TryParseByteSize("32M"), 32u << 20);
  EXPECT_EQ(TryParseByteSize("8g"), uint64_t{8} << 30);
  EXPECT_EQ(TryParseByteSize("2T"), uint64_t{2} << 40);
}

TEST(ByteSize, ZeroIsASizeOnlyForTheOptionalForm) {
  EXPECT_EQ(TryParseByteSize("0"), 0u);
  EXPECT_EQ(TryParseByteSize("0M"), 0u);
  EXPECT_THROW(ParseByteSize("0"), std::invalid_argument);
}

TEST(ByteSize, TextThatIsNoSize) {
  for (const char* text : {"", "K", "12KB", "12 K", " 12", "12 ", "-1", "+1", "1.5G", "3P", "0x10",
                           "18446744073709551616", "16777216T"}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(TryParseByteSize(text), std::nullopt);
  }
  EXPECT_EQ(TryParseByteSize("18446744073709551615"), ~uint64_t{0});
  EXPECT_EQ(TryParseByteSize("16777215T"), uint64_t{16777215} << 40);  // the largest in T
}

TEST(ByteSize, ParseByteSizeNamesTheText) {
  EXPECT_EQ(ParseByteSize("512M"), uint64_t{512} << 20);
  EXPECT_THAT([] { ParseByteSize("8 GB"); },
              testing::ThrowsMessage<std::invalid_argument>(
                  testing::HasSubstr("\"8 GB\" is not a size such as 512M or 8G")));
}

}  // namespace
}  // namespace cost::harness
