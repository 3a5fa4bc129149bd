// ReadAhead (datasets/read_ahead.h): the pieces of a pass are the file's bytes of the range, in
// order, at any offset and length (aligned or not, for O_DIRECT), pass after pass; the slack
// before a piece is the consumer's; a range past the end and a file cut short under a pass are
// errors naming the file. Labelled `openmp` so that the ThreadSanitizer build runs it.
#include "datasets/read_ahead.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "datasets/dataset_error.h"
#include "tests/test_support.h"

namespace cost {
namespace {

using datasets::ReadAhead;
using datasets::ReadAheadOptions;

class ReadAheadTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    std::mt19937_64 random(7);
    bytes_.resize(200'000);
    for (char& c : bytes_) c = static_cast<char>(random());
    std::ofstream(Path("data.bin"), std::ios::binary) << bytes_;
  }
  // Every piece of one pass, concatenated; the slack before each (but a lone piece) overwritten
  // first, as a consumer carrying a tail does.
  static std::string OnePass(ReadAhead& ahead, uint64_t bytes, uint64_t slack) {
    std::string out;
    ahead.Start();
    bool holding = false;
    while (out.size() < bytes) {
      const std::span<uint8_t> piece = ahead.Next();
      if (piece.size() < bytes) std::fill(piece.data() - slack, piece.data(), uint8_t{0xAB});
      if (holding) ahead.Release();
      holding = true;
      out.append(reinterpret_cast<const char*>(piece.data()), piece.size());
    }
    ahead.Stop();
    return out;
  }
  std::string bytes_;
};

TEST_F(ReadAheadTest, PiecesAreTheRangeInOrderAtAnyAlignment) {
  const ReadAheadOptions options{.piece_bytes = 8192, .slack_bytes = 100, .slots = 3};
  for (const uint64_t offset : {0, 1, 4095, 4096, 5000}) {
    for (const uint64_t length : {1, 4096, 8192, 3 * 8192 + 17, 190'000}) {
      ReadAhead ahead(Path("data.bin"), offset, length, options);
      const std::string expected = bytes_.substr(offset, length);
      for (int pass = 0; pass < 2; ++pass) {
        EXPECT_EQ(OnePass(ahead, length, 100), expected)
            << "offset " << offset << " length " << length << " pass " << pass;
      }
    }
  }
}

TEST_F(ReadAheadTest, TheRingIsTheSlotsTimesAPieceAndItsSlackInPages) {
  EXPECT_EQ(ReadAhead::RingBytes({.piece_bytes = 8192, .slack_bytes = 100, .slots = 4}, 1'000'000),
            4u * (4096 + 8192));
  EXPECT_EQ(ReadAhead::RingBytes({.piece_bytes = 5000, .slack_bytes = 0, .slots = 1}, 1'000'000),
            3u * 8192)
      << "at least three slots: two held by the consumer, one being read";
  EXPECT_EQ(ReadAhead::RingBytes({.piece_bytes = 1 << 20, .slack_bytes = 100, .slots = 4}, 10'000),
            16384u)
      << "a short range: one piece that holds it at any alignment, one slot, no slack";
}

TEST_F(ReadAheadTest, ARangePastTheEndIsRefusedNamingTheFile) {
  EXPECT_THAT([&] { ReadAhead(Path("data.bin"), 199'000, 2000, {}); },
              testing::ThrowsMessage<datasets::DatasetError>(testing::AllOf(
                  testing::StartsWith(Path("data.bin") + ": "),
                  testing::HasSubstr("[199000, 201000) lie past the end of the file (200000"))));
  EXPECT_THAT(
      [&] { ReadAhead(Path("missing.bin"), 0, 1, {}); },
      testing::ThrowsMessage<datasets::DatasetError>(testing::HasSubstr(Path("missing.bin"))));
}

TEST_F(ReadAheadTest, AFileCutShortUnderAPassIsAnErrorNotAShortPass) {
  ReadAhead ahead(Path("data.bin"), 0, bytes_.size(), {.piece_bytes = 8192});
  std::filesystem::resize_file(Path("data.bin"), 50'000);
  ahead.Start();
  EXPECT_THAT(
      [&] {
        for (uint64_t got = 0; got < bytes_.size();) {
          got += ahead.Next().size();
          ahead.Release();
        }
      },
      testing::ThrowsMessage<datasets::DatasetError>(
          testing::AllOf(testing::StartsWith(Path("data.bin") + ": "),
                         testing::HasSubstr("unexpected end of file at byte offset 50000"))));
  ahead.Stop();
}

}  // namespace
}  // namespace cost
