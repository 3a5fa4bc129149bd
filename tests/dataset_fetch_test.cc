// `cost dataset fetch`: downloads through curl (file:// URLs: no network), checksum verified
// before the file takes its final name, a partial file resumed, and clear errors from curl, from
// a checksum mismatch and from a missing curl.
#include "harness/prepare/dataset_fetch.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "datasets/catalog.h"
#include "datasets/dataset_error.h"
#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;
using harness::FetchOptions;
using ::testing::HasSubstr;
using testing_support::CostRun;
using testing_support::ReadFile;
using testing_support::RunCost;

std::string Hex16(uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

class DatasetFetchTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    // Bytes that are not all alike, so a resume from the wrong offset would show.
    for (int i = 0; i < 200000; ++i) source_bytes_ += static_cast<char>((i * 7919) >> 3);
    source_ = Path("twitter_rv.net");
    std::ofstream(source_, std::ios::binary) << source_bytes_;
    hash_ = datasets::HashFile(source_);
    // twitter_rv has no URL in the catalog: the file is named by the --url.
    dest_ = dir_ / "cache" / "downloads" / "twitter_rv" / "twitter_rv.net";
    part_ = dest_.string() + ".part";
  }

  CostRun Fetch(const std::string& url, const std::string& xxh64) {
    return RunCost(
        {"dataset", "fetch", "twitter_rv", "--cache", "cache", "--url", url, "--xxh64", xxh64},
        dir_);
  }
  std::string Url() const { return "file://" + source_; }
  // The same file name (so the same destination) in a folder that does not exist.
  std::string MissingUrl() const { return "file://" + Path("gone/twitter_rv.net"); }

  std::string source_bytes_;
  std::string source_;
  uint64_t hash_ = 0;
  fs::path dest_;
  std::string part_;
};

TEST_F(DatasetFetchTest, FetchesAndVerifiesThenRenames) {
  const CostRun run = Fetch(Url(), Hex16(hash_));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "cache/downloads/twitter_rv/twitter_rv.net\n");
  EXPECT_EQ(ReadFile(dest_), source_bytes_);
  EXPECT_FALSE(fs::exists(part_));
  EXPECT_FALSE(fs::exists(part_ + ".log"));
}

TEST_F(DatasetFetchTest, ReusesAVerifiedFileWithoutDownloading) {
  ASSERT_EQ(Fetch(Url(), Hex16(hash_)).exit_code, 0);
  const CostRun run = Fetch(MissingUrl(), Hex16(hash_));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr("already fetched"));
  EXPECT_EQ(ReadFile(dest_), source_bytes_);
}

TEST_F(DatasetFetchTest, WrongChecksumFailsAndLeavesNoFile) {
  const uint64_t wrong = hash_ ^ 0x5a5a;
  const CostRun run = Fetch(Url(), Hex16(wrong));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("checksum mismatch"));
  EXPECT_THAT(run.err, HasSubstr("expected XXH64 " + Hex16(wrong)));
  EXPECT_THAT(run.err, HasSubstr("got " + Hex16(hash_)));
  EXPECT_FALSE(fs::exists(dest_));
  EXPECT_FALSE(fs::exists(part_));
}

TEST_F(DatasetFetchTest, MissingSourceReportsCurlsErrorAndKeepsThePartialFile) {
  fs::create_directories(dest_.parent_path());
  std::ofstream(part_, std::ios::binary) << source_bytes_.substr(0, 1000);
  const CostRun run = Fetch(MissingUrl(), Hex16(hash_));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("curl failed"));
  EXPECT_THAT(run.err, HasSubstr("exit status 37"));  // CURLE_FILE_COULDNT_READ_FILE
  EXPECT_THAT(run.err, HasSubstr("curl: (37)"));      // curl's own stderr
  EXPECT_THAT(run.err, HasSubstr("gone/twitter_rv.net"));
  EXPECT_THAT(run.err, HasSubstr("is kept"));
  EXPECT_FALSE(fs::exists(dest_));
  EXPECT_EQ(ReadFile(part_), source_bytes_.substr(0, 1000));
}

TEST_F(DatasetFetchTest, ResumesAPartialFile) {
  const size_t half = source_bytes_.size() / 2;
  fs::create_directories(dest_.parent_path());
  std::ofstream(part_, std::ios::binary) << source_bytes_.substr(0, half);
  const CostRun run = Fetch(Url(), Hex16(hash_));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr("resuming at " + std::to_string(half) + " bytes"));
  EXPECT_EQ(ReadFile(dest_), source_bytes_);
  EXPECT_FALSE(fs::exists(part_));
}

TEST_F(DatasetFetchTest, AWholePartialFileIsNotDownloadedAgain) {
  fs::create_directories(dest_.parent_path());
  std::ofstream(part_, std::ios::binary) << source_bytes_;
  const CostRun run = Fetch(MissingUrl(), Hex16(hash_));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(ReadFile(dest_), source_bytes_);
  EXPECT_FALSE(fs::exists(part_));
}

TEST_F(DatasetFetchTest, SaysSoWhenCurlIsNotInstalled) {
  fs::create_directories(dir_ / "empty-path");
  const std::string saved_path = std::getenv("PATH") ? std::getenv("PATH") : "";
  setenv("PATH", (dir_ / "empty-path").c_str(), 1);  // the child inherits it
  const CostRun run = Fetch(Url(), Hex16(hash_));
  setenv("PATH", saved_path.c_str(), 1);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("curl program is not installed"));
  EXPECT_FALSE(fs::exists(dest_));
}

TEST_F(DatasetFetchTest, RejectsBadArguments) {
  CostRun run = Fetch(Url(), "not-hex");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("'not-hex' is not an XXH64 checksum"));

  run = RunCost({"dataset", "fetch", "twitter_rv", "--cache", "cache"}, dir_);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("twitter_rv has no download URL"));

  run = RunCost({"dataset", "fetch", "kron-20", "--url", Url()}, dir_);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("kron-20 is generated"));

  run = RunCost({"dataset", "fetch", "twitter_rv", "--url", source_}, dir_);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("is not a URL"));
  EXPECT_FALSE(fs::exists(dir_ / "cost-data"));
}

TEST(FetchedPathOf, UsesTheCatalogUrlsLastSegment) {
  const datasets::CatalogEntry entry{.name = "g",
                                     .source = datasets::DatasetSource::kBringYourOwn,
                                     .url = "https://example.org/data/g.txt.gz?download=1"};
  FetchOptions options;
  options.cache_dir = "c";
  options.url = "https://mirror.example.net/other-name.gz";  // a mirror: same file name
  EXPECT_EQ(harness::FetchedPathOf(entry, options), "c/downloads/g/g.txt.gz");
}

TEST(ParseXxh64, AcceptsHexOnly) {
  EXPECT_EQ(harness::ParseXxh64("00ff"), 0xffu);
  EXPECT_EQ(harness::ParseXxh64("FFFFFFFFFFFFFFFF"), ~uint64_t{0});
  EXPECT_THROW(harness::ParseXxh64(""), datasets::DatasetError);
  EXPECT_THROW(harness::ParseXxh64("12345678901234567"), datasets::DatasetError);
  EXPECT_THROW(harness::ParseXxh64("0x12"), datasets::DatasetError);
}

}  // namespace
}  // namespace cost
