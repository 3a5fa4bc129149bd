// The tile-run encoding of the compressed Hilbert section (datasets/hilbert_tiles.h): the exact
// words it writes, runs split at the tile boundary and at the run limit, cuts that keep runs
// whole, and a malformed stream named by the byte offset and reason, never decoded wrong.
#include "datasets/hilbert_tiles.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <utility>
#include <vector>

#include "datasets/dataset_error.h"

namespace cost::datasets {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Arcs = std::vector<std::pair<uint32_t, uint32_t>>;

std::vector<uint8_t> Encode(const Arcs& arcs) {
  std::vector<uint8_t> bytes;
  TileStreamEncoder encoder(
      [&bytes](std::span<const uint8_t> b) { bytes.insert(bytes.end(), b.begin(), b.end()); });
  for (const auto& [u, v] : arcs) encoder.Add(u, v);
  encoder.Finish();
  EXPECT_EQ(encoder.bytes_written(), bytes.size());
  return bytes;
}

std::vector<uint32_t> Words(const std::vector<uint8_t>& bytes) {
  std::vector<uint32_t> words(bytes.size() / 4);
  std::memcpy(words.data(), bytes.data(), 4 * words.size());
  return words;
}

Arcs Decode(std::span<const uint8_t> bytes) {
  Arcs arcs;
  DecodeTileRuns(bytes, [&arcs](uint32_t u, uint32_t v) { arcs.emplace_back(u, v); });
  return arcs;
}

TEST(HilbertTilesTest, WritesATileHeaderAndCountThenTheLowerHalves) {
  // Two arcs in tile (0, 0), then one in tile (src 0x0001xxxx, dst 0x0002xxxx).
  const Arcs arcs = {{1, 2}, {0xffff, 3}, {0x10005, 0x20006}};
  const std::vector<uint8_t> bytes = Encode(arcs);
  EXPECT_THAT(Words(bytes), ElementsAre(0u, 2u, 0x00010002u, 0xffff0003u,  // tile (0, 0)
                                        0x00010002u, 1u, 0x00050006u));    // tile (1, 2)
  EXPECT_EQ(Decode(bytes), arcs);
  EXPECT_LE(bytes.size(), TileStreamBoundBytes(0x30000, arcs.size()));
  EXPECT_TRUE(Encode({}).empty());
}

TEST(HilbertTilesTest, ATileWithMoreArcsThanARunHoldsTakesSeveralRuns) {
  Arcs arcs;
  for (uint32_t i = 0; i < 2 * kTileRunMaxArcs + 1; ++i) arcs.emplace_back(i >> 8, i & 0xff);
  const std::vector<uint8_t> bytes = Encode(arcs);
  EXPECT_EQ(bytes.size(), 4 * arcs.size() + 3 * kTileRunHeaderBytes);
  EXPECT_EQ(Decode(bytes), arcs);
  const std::vector<uint32_t> words = Words(bytes);
  EXPECT_EQ(words[1], kTileRunMaxArcs);
  EXPECT_EQ(words[2 + kTileRunMaxArcs + 1], kTileRunMaxArcs);
  EXPECT_LE(bytes.size(), TileStreamBoundBytes(1 << 16, arcs.size()));
}

TEST(HilbertTilesTest, CutsFallOnRunBoundaries) {
  Arcs arcs;
  for (uint32_t i = 0; i < 3 * kTileRunMaxArcs; ++i) arcs.emplace_back(i * 37 % 200000, i);
  const std::vector<uint8_t> bytes = Encode(arcs);
  const std::span<const uint8_t> all(bytes);
  EXPECT_EQ(WholeTileRuns(all), bytes.size());
  const uint64_t first_run = kTileRunHeaderBytes + 4 * uint64_t{Words(bytes)[1]};
  EXPECT_EQ(WholeTileRuns(all.first(first_run)), first_run);
  EXPECT_EQ(WholeTileRuns(all.first(first_run - 1)), 0u);
  EXPECT_EQ(WholeTileRuns(all.first(first_run + 7)), first_run);
  for (int parts : {1, 2, 3, 7, 1000}) {
    const std::vector<uint64_t> cuts = CutAtTileRuns(all, parts);
    ASSERT_EQ(cuts.size(), static_cast<size_t>(parts) + 1);
    EXPECT_EQ(cuts.front(), 0u);
    EXPECT_EQ(cuts.back(), bytes.size());
    Arcs joined;
    for (int p = 0; p < parts; ++p) {
      ASSERT_LE(cuts[p], cuts[p + 1]);
      const Arcs share = Decode(all.subspan(cuts[p], cuts[p + 1] - cuts[p]));
      joined.insert(joined.end(), share.begin(), share.end());
    }
    EXPECT_EQ(joined, arcs) << parts << " parts";
  }
}

// The prefetched decode visits the same arcs in the same order, and is asked to prefetch, before
// each visit, the arc kTilePrefetchDistance places later in the same run: never an arc of
// another run, never past the end.
TEST(HilbertTilesTest, ThePrefetchedDecodeVisitsTheSameArcsAndPrefetchesAheadInTheRun) {
  Arcs arcs;
  // A long run split at the run limit, a short run in another tile, then a run just longer than
  // the prefetch distance.
  for (uint32_t i = 0; i < kTileRunMaxArcs + 100; ++i) arcs.emplace_back(i % 997, i % 1009);
  for (uint32_t i = 0; i < 10; ++i) arcs.emplace_back(0x10000 + i, i);
  for (uint32_t i = 0; i < kTilePrefetchDistance + 3; ++i) arcs.emplace_back(0x20000 + i, 5);
  const std::vector<uint8_t> bytes = Encode(arcs);
  Arcs visited;
  std::vector<size_t> prefetched_at;  // per prefetch: the index of the arc it names
  const uint64_t decoded = DecodeTileRunsPrefetched(
      bytes, [&](uint32_t u, uint32_t v) { visited.emplace_back(u, v); },
      [&](uint32_t u, uint32_t v) {
        const size_t next = visited.size() + kTilePrefetchDistance;  // the arc it must name
        ASSERT_LT(next, arcs.size());
        EXPECT_EQ(arcs[next], std::make_pair(u, v)) << "prefetch before arc " << visited.size();
        prefetched_at.push_back(next);
      });
  EXPECT_EQ(decoded, arcs.size());
  EXPECT_EQ(visited, arcs);
  // Runs of 4096, 100, 10 and 67 arcs: each prefetches for all but its first 64 arcs.
  const uint64_t runs[] = {kTileRunMaxArcs, 100, 10, kTilePrefetchDistance + 3};
  uint64_t expected = 0;
  for (uint64_t count : runs)
    expected += count > kTilePrefetchDistance ? count - kTilePrefetchDistance : 0;
  EXPECT_EQ(prefetched_at.size(), expected);
  EXPECT_THROW(DecodeTileRunsPrefetched(
                   std::span<const uint8_t>(bytes).first(bytes.size() - 1),
                   [](uint32_t, uint32_t) {}, [](uint32_t, uint32_t) {}),
               DatasetError);
}

void ExpectMalformed(std::vector<uint32_t> words, uint64_t trim, const std::string& why) {
  std::vector<uint8_t> bytes(4 * words.size());
  std::memcpy(bytes.data(), words.data(), bytes.size());
  bytes.resize(bytes.size() - trim);
  EXPECT_THAT([&] { Decode(bytes); }, testing::ThrowsMessage<DatasetError>(HasSubstr(why)));
}

TEST(HilbertTilesTest, AMalformedStreamIsNamedByOffsetAndReason) {
  const uint32_t too_many = static_cast<uint32_t>(kTileRunMaxArcs) + 1;
  ExpectMalformed({0, 1, 7, 0, 0}, 0, "a run of 0 arcs at byte offset 12");
  ExpectMalformed({0, too_many, 7}, 0, "more than the 4096 a run holds at byte offset 0");
  ExpectMalformed({0, 3, 7, 8}, 0, "a run of 3 arcs truncated after 2 at byte offset 0");
  ExpectMalformed({0, 1, 7, 0}, 2, "truncated run header at byte offset 12");
  std::vector<uint8_t> zero_count(8, 0);
  EXPECT_THROW(WholeTileRuns(zero_count), DatasetError);
}

}  // namespace
}  // namespace cost::datasets
