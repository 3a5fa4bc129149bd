// WriteGraphFile / LoadGraphFile / ReadGraphFileInfo: round trip, atomic write, corruption.
#include "datasets/graph_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/dataset_error.h"
#include "datasets/graph_file_format.h"
#include "datasets/hilbert_layout.h"
#include "datasets/kronecker.h"
#include "tests/test_support.h"

namespace cost::datasets {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::HasSubstr;

const std::string kMetadata = R"({"source":"kronecker","scale":8})";

// A fresh, empty folder per test.
using GraphFileTest = testing_support::ScratchDirTest;

Graph SmallGraph(bool symmetrize) {
  EdgeList edges = GenerateKronecker({.scale = 8, .edge_factor = 8, .seed = 11});
  edges.original_ids.resize(edges.num_vertices);
  for (uint64_t v = 0; v < edges.num_vertices; ++v) edges.original_ids[v] = 1000 + 3 * v;
  return BuildGraph(edges, {.symmetrize = symmetrize});
}

std::vector<char> ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void WriteBytes(const std::string& path, const std::vector<char>& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), bytes.size());
}

std::string LoadError(const std::string& path) {
  try {
    LoadGraphFile(path);
  } catch (const DatasetError& e) {
    return e.what();
  }
  return "no error";
}

void ExpectSameGraph(const Graph& a, const Graph& b) {
  EXPECT_EQ(a.num_vertices(), b.num_vertices());
  EXPECT_EQ(a.symmetric, b.symmetric);
  EXPECT_TRUE(std::ranges::equal(a.out.offsets, b.out.offsets));
  EXPECT_TRUE(std::ranges::equal(a.out.targets, b.out.targets));
  EXPECT_TRUE(std::ranges::equal(a.in.offsets, b.in.offsets));
  EXPECT_TRUE(std::ranges::equal(a.in.targets, b.in.targets));
  EXPECT_TRUE(std::ranges::equal(a.original_ids, b.original_ids));
}

TEST_F(GraphFileTest, RoundTripKeepsArraysMetadataAndFlags) {
  for (bool symmetrize : {false, true}) {
    const Graph g = SmallGraph(symmetrize);
    const std::string path = Path(symmetrize ? "sym.cgraph" : "dir.cgraph");
    WriteGraphFile(g, kMetadata, path);
    GraphFileInfo info;
    const Graph loaded = LoadGraphFile(path, &info);
    ExpectSameGraph(g, loaded);
    EXPECT_EQ(info.version, kGraphFileVersion);
    EXPECT_EQ(info.num_vertices, 256u);
    EXPECT_EQ(info.num_edges, g.num_edges());
    EXPECT_EQ(info.symmetric, symmetrize);
    EXPECT_EQ(info.metadata, kMetadata);
    EXPECT_EQ(info.file_bytes, fs::file_size(path));

    const GraphFileInfo header_only = ReadGraphFileInfo(path);
    EXPECT_EQ(header_only.checksum, info.checksum);
    EXPECT_EQ(header_only.metadata, kMetadata);
    EXPECT_EQ(header_only.num_edges, g.num_edges());
    EXPECT_EQ(header_only.symmetric, symmetrize);
  }
}

TEST_F(GraphFileTest, LoadedGraphOutlivesOtherCopies) {
  const std::string path = Path("g.cgraph");
  WriteGraphFile(SmallGraph(false), "{}", path);
  Graph copy;
  { copy = LoadGraphFile(path); }
  fs::remove(path);  // the mapping stays valid after unlink
  ExpectSameGraph(copy, SmallGraph(false));
}

TEST_F(GraphFileTest, WriteIsAtomicAndLeavesNoTempFiles) {
  const std::string path = Path("g.cgraph");
  WriteGraphFile(SmallGraph(false), kMetadata, path);
  WriteGraphFile(SmallGraph(true), kMetadata, path);  // replaces
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    names.push_back(entry.path().filename());
  }
  EXPECT_THAT(names, testing::ElementsAre("g.cgraph"));
  EXPECT_TRUE(LoadGraphFile(path).symmetric);
}

TEST_F(GraphFileTest, FailedWriteNamesPathAndLeavesNothing) {
  const std::string path = Path("no_such_dir/g.cgraph");
  try {
    WriteGraphFile(SmallGraph(false), kMetadata, path);
    ADD_FAILURE() << "no error";
  } catch (const DatasetError& e) {
    EXPECT_THAT(e.what(), HasSubstr(path));
  }
  EXPECT_TRUE(fs::is_empty(dir_));
}

TEST_F(GraphFileTest, FlippedPayloadByteFailsChecksum) {
  const std::string path = Path("g.cgraph");
  WriteGraphFile(SmallGraph(false), kMetadata, path);
  std::vector<char> bytes = ReadBytes(path);
  bytes[bytes.size() / 2] ^= 0x10;
  WriteBytes(path, bytes);
  EXPECT_THAT(LoadError(path), AllOf(HasSubstr(path), HasSubstr("checksum mismatch")));
  // Without verification the file loads (the flipped byte is in the middle of an array).
  EXPECT_NO_THROW(LoadGraphFile(path, nullptr, /*verify_checksum=*/false));
}

TEST_F(GraphFileTest, TruncatedFileIsRejected) {
  const std::string path = Path("g.cgraph");
  WriteGraphFile(SmallGraph(false), kMetadata, path);
  const uint64_t size = fs::file_size(path);
  fs::resize_file(path, size - 100);
  EXPECT_THAT(LoadError(path),
              AllOf(HasSubstr(path), HasSubstr("truncated: header says " + std::to_string(size) +
                                               " bytes, file has " + std::to_string(size - 100))));
  fs::resize_file(path, 50);
  EXPECT_THAT(LoadError(path), AllOf(HasSubstr(path), HasSubstr("truncated")));
}

TEST_F(GraphFileTest, WrongMagicIsRejected) {
  const std::string path = Path("g.cgraph");
  WriteGraphFile(SmallGraph(false), kMetadata, path);
  std::vector<char> bytes = ReadBytes(path);
  std::memcpy(bytes.data(), "NOTGRAPH", 8);
  WriteBytes(path, bytes);
  EXPECT_THAT(LoadError(path),
              AllOf(HasSubstr(path), HasSubstr("not a cost graph file (bad magic)")));
  const std::string text = Path("edges.txt");
  WriteBytes(text, {'0', ' ', '1', '\n'});
  EXPECT_THAT(LoadError(text), HasSubstr("bad magic"));
}

TEST_F(GraphFileTest, UnknownVersionIsRejected) {
  const std::string path = Path("g.cgraph");
  WriteGraphFile(SmallGraph(false), kMetadata, path);
  std::vector<char> bytes = ReadBytes(path);
  const uint32_t version = 7;
  std::memcpy(bytes.data() + 8, &version, sizeof version);  // right after the magic
  WriteBytes(path, bytes);
  EXPECT_THAT(LoadError(path),
              AllOf(HasSubstr(path), HasSubstr("unsupported version 7, expected 1 or 2")));
  try {
    ReadGraphFileInfo(path);
    ADD_FAILURE() << "no error";
  } catch (const DatasetError& e) {
    EXPECT_THAT(e.what(), HasSubstr("unsupported version 7"));
  }
}

TEST_F(GraphFileTest, CorruptedOffsetsAreCaughtWithoutChecksum) {
  const std::string path = Path("g.cgraph");
  const Graph g = SmallGraph(false);
  WriteGraphFile(g, kMetadata, path);
  std::vector<char> bytes = ReadBytes(path);
  const uint64_t huge = 1ULL << 40;
  const uint64_t offsets = ReadGraphFileInfo(path).Find(SectionKind::kOutOffsets)->offset;
  std::memcpy(bytes.data() + offsets + 8 * g.num_vertices(), &huge, sizeof huge);
  WriteBytes(path, bytes);
  try {
    LoadGraphFile(path, nullptr, /*verify_checksum=*/false);
    ADD_FAILURE() << "no error";
  } catch (const DatasetError& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr(path), HasSubstr("out offsets")));
  }
}

TEST_F(GraphFileTest, DirectoryAndMissingFileAreRejected) {
  EXPECT_THAT(LoadError(dir_.string()),
              AllOf(HasSubstr(dir_.string()), HasSubstr("is a directory")));
  const std::string missing = Path("missing.cgraph");
  EXPECT_THAT(LoadError(missing), AllOf(HasSubstr(missing), HasSubstr("No such file")));
  try {
    ReadGraphFileInfo(missing);
    ADD_FAILURE() << "no error";
  } catch (const DatasetError& e) {
    EXPECT_THAT(e.what(), HasSubstr(missing));
  }
}

// Version 2 holds the sections asked for; LoadGraphFile maps only those asked of it.
TEST_F(GraphFileTest, HoldsAndMapsOnlyTheChosenSections) {
  const Graph g = WithHilbertSections(SmallGraph(false), true, true);
  const PreparedSections compressed_only{.csr = false, .transpose = false, .compressed = true};
  const std::string path = Path("c.cgraph");
  WriteGraphFile(g, compressed_only, kMetadata, path);
  const GraphFileInfo info = ReadGraphFileInfo(path);
  std::vector<std::string> names;
  for (const GraphFileSectionInfo& s : info.sections) names.push_back(s.name());
  EXPECT_THAT(
      names, testing::ElementsAre("original ids", "out degrees", "hilbert compressed", "metadata"));
  EXPECT_EQ(info.prepared, compressed_only);
  EXPECT_EQ(info.hilbert_compressed_bytes, g.hilbert_compressed.size());
  EXPECT_FALSE(info.has_hilbert);
  const GraphFileSectionInfo* degrees = info.Find(SectionKind::kOutDegrees);
  ASSERT_NE(degrees, nullptr);
  EXPECT_EQ(degrees->bytes, 4 * g.num_vertices());
  EXPECT_DOUBLE_EQ(degrees->bytes_per_edge, 4.0 * g.num_vertices() / g.num_edges());

  EXPECT_EQ(MappedSectionBytes(info, compressed_only),
            12 * g.num_vertices() + g.hilbert_compressed.size());
  EXPECT_EQ(MappedSectionBytes(info, PreparedSections{.csr = false, .transpose = false}),
            12 * g.num_vertices());
  const Graph loaded = LoadGraphFile(path, compressed_only);
  EXPECT_TRUE(loaded.out.targets.empty());
  EXPECT_EQ(loaded.num_edges(), g.num_edges());
  EXPECT_EQ(loaded.num_vertices(), g.num_vertices());
  EXPECT_TRUE(std::ranges::equal(loaded.hilbert_compressed, g.hilbert_compressed));
  EXPECT_TRUE(std::ranges::equal(loaded.out_degrees, g.out_degrees));
  EXPECT_TRUE(std::ranges::equal(loaded.original_ids, g.original_ids));
  EXPECT_EQ(LoadError(path), "no error");  // maps every section it has
  try {
    LoadGraphFile(path, PreparedSections{});
    ADD_FAILURE() << "no error";
  } catch (const DatasetError& e) {
    EXPECT_EQ(std::string(e.what()), path +
                                         ": has no 'csr' section (it holds compressed); prepare "
                                         "it with --sections csr,transpose");
  }
}

TEST_F(GraphFileTest, SymmetricGraphStoresNoTransposeAndLoadsInAsOut) {
  const Graph g = SmallGraph(true);
  const std::string path = Path("s.cgraph");
  WriteGraphFile(g, kMetadata, path);
  const GraphFileInfo info = ReadGraphFileInfo(path);
  EXPECT_EQ(info.Find(SectionKind::kInOffsets), nullptr);
  EXPECT_TRUE(info.prepared.transpose);
  EXPECT_EQ(MappedSectionBytes(info, PreparedSections{.csr = false, .transpose = true}),
            12 * g.num_vertices() + 8 * (g.num_vertices() + 1) + 4 * g.num_edges());
  const Graph loaded = LoadGraphFile(path, PreparedSections{.csr = false, .transpose = true});
  EXPECT_EQ(loaded.in.targets.data(), loaded.out.targets.data());
  ExpectSameGraph(g, loaded);
}

// The content checksum names the graph's bytes, not how long its preparation took.
TEST_F(GraphFileTest, ContentChecksumIgnoresTheMetadata) {
  const Graph g = SmallGraph(false);
  WriteGraphFile(g, R"({"seconds":1.5})", Path("a.cgraph"));
  WriteGraphFile(g, R"({"seconds":2.25,"more":true})", Path("b.cgraph"));
  const GraphFileInfo a = ReadGraphFileInfo(Path("a.cgraph"));
  const GraphFileInfo b = ReadGraphFileInfo(Path("b.cgraph"));
  EXPECT_EQ(a.content_checksum, b.content_checksum);
  EXPECT_EQ(a.checksum, a.content_checksum);
  EXPECT_NE(a.Find(SectionKind::kMetadata)->checksum, b.Find(SectionKind::kMetadata)->checksum);
  WriteGraphFile(SmallGraph(true), kMetadata, Path("c.cgraph"));
  EXPECT_NE(ReadGraphFileInfo(Path("c.cgraph")).content_checksum, a.content_checksum);
}

// One byte flipped in the middle of each section: the load that maps it says which.
TEST_F(GraphFileTest, FlippedByteInAnySectionIsDetected) {
  const Graph g = WithHilbertSections(SmallGraph(false), true, true);
  const std::string path = Path("g.cgraph");
  WriteGraphFile(g, kMetadata, path);
  const std::vector<char> clean = ReadBytes(path);
  for (const GraphFileSectionInfo& section : ReadGraphFileInfo(path).sections) {
    SCOPED_TRACE(section.name());
    std::vector<char> bytes = clean;
    bytes[section.offset + section.bytes / 2] ^= 0x04;
    WriteBytes(path, bytes);
    EXPECT_THAT(LoadError(path),
                AllOf(HasSubstr(path), HasSubstr(std::string("section '") + section.name() +
                                                 "' checksum mismatch")));
    // The reader reads (and checks) the metadata when it opens; the others when asked.
    EXPECT_THROW(GraphFileReader(path).VerifySection(section.kind), DatasetError);
  }
}

// Every byte of the header and the table: each flip is refused before any offset is trusted.
TEST_F(GraphFileTest, FlippedByteInHeaderOrTableIsDetected) {
  const std::string path = Path("g.cgraph");
  WriteGraphFile(SmallGraph(false), kMetadata, path);
  const std::vector<char> clean = ReadBytes(path);
  const size_t head = 64 + 32 * ReadGraphFileInfo(path).sections.size();
  for (size_t at = 0; at < head; ++at) {
    std::vector<char> bytes = clean;
    bytes[at] ^= 0x01;
    WriteBytes(path, bytes);
    EXPECT_THAT(LoadError(path), HasSubstr(path)) << "byte " << at;
    EXPECT_THAT(LoadError(path), testing::Not(HasSubstr("no error"))) << "byte " << at;
  }
}

// A version-1 file (the committed fixture of a 3 x 3 grid, its magic restored) still loads, whole
// and by sections, and its one checksum is still checked.
TEST_F(GraphFileTest, VersionOneFilesStillLoad) {
  std::vector<char> bytes =
      ReadBytes(std::string(COST_TEST_DATA_DIR) + "/malformed/wrong_magic.cgraph");
  std::memcpy(bytes.data(), "COSTGRPH", 8);
  const std::string path = Path("v1.cgraph");
  WriteBytes(path, bytes);
  GraphFileInfo info;
  const Graph g = LoadGraphFile(path, &info);
  EXPECT_EQ(info.version, 1u);
  EXPECT_EQ(g.num_vertices(), 9u);
  EXPECT_TRUE(g.symmetric);
  EXPECT_EQ(g.num_edges(), 24u);  // 12 grid edges, both directions
  EXPECT_THAT(std::vector<uint32_t>(g.out_degrees.begin(), g.out_degrees.end()),
              testing::ElementsAre(2, 3, 2, 3, 4, 3, 2, 3, 2));
  EXPECT_EQ(info.content_checksum, info.checksum);
  EXPECT_TRUE(info.prepared.csr);
  EXPECT_EQ(MappedSectionBytes(info, PreparedSections{}), info.file_bytes);  // mapped whole
  const Graph csr = LoadGraphFile(path, PreparedSections{.transpose = false});
  EXPECT_TRUE(std::ranges::equal(csr.out.targets, g.out.targets));
  GraphFileReader(path).VerifySection(SectionKind::kOutTargets);
  bytes[bytes.size() - 1] ^= 0x20;  // in the metadata, which the one checksum covers
  WriteBytes(path, bytes);
  EXPECT_THAT(LoadError(path), HasSubstr("checksum mismatch: header says"));
  EXPECT_THROW(GraphFileReader(path).VerifySection(SectionKind::kOutTargets), DatasetError);
}

TEST_F(GraphFileTest, ReaderReadsSectionsWithinTheirBounds) {
  const Graph g = SmallGraph(false);
  const std::string path = Path("g.cgraph");
  WriteGraphFile(g, kMetadata, path);
  const GraphFileReader reader(path);
  std::vector<uint8_t> bytes(8);
  reader.Read(SectionKind::kOutTargets, 4, bytes);
  uint32_t second = 0;
  std::memcpy(&second, bytes.data(), 4);
  EXPECT_EQ(second, g.out.targets[1]);
  const uint64_t end = 4 * g.num_edges();
  EXPECT_THROW(reader.Read(SectionKind::kOutTargets, end - 4, bytes), DatasetError);
  EXPECT_THROW(reader.Read(SectionKind::kHilbertSrc, 0, bytes), DatasetError);
  reader.VerifySection(SectionKind::kInSources);
}

// A file an older cost wrote with the varint-delta stream (section kind 9): its table is valid
// and sealed, and reading it says what to do instead of decoding the bytes as tile runs.
TEST_F(GraphFileTest, TheRetiredVarintStreamIsRefusedWithWhatToDo) {
  const Graph graph =
      WithHilbertLayout(BuildGraph(GenerateKronecker({.scale = 6, .edge_factor = 4, .seed = 3}),
                                   {.symmetrize = true}),
                        EdgeLayout::kCompressed);
  const std::string path = Path("retired.cgraph");
  WriteGraphFile(graph, "{}", path);
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  FileHeaderV2 header;
  file.read(reinterpret_cast<char*>(&header), sizeof header);
  std::vector<SectionEntryV2> table(header.section_count);
  file.read(reinterpret_cast<char*>(table.data()),
            static_cast<std::streamsize>(table.size() * sizeof(SectionEntryV2)));
  for (SectionEntryV2& entry : table) {
    if (entry.kind == static_cast<uint32_t>(SectionKind::kHilbertCompressed)) {
      entry.kind = static_cast<uint32_t>(SectionKind::kHilbertVarint);
    }
  }
  std::sort(table.begin(), table.end(), [](auto& a, auto& b) { return a.kind < b.kind; });
  header.content_checksum = ContentChecksum(header, table);
  header.header_checksum = HeaderChecksum(header, table);
  file.seekp(0);
  file.write(reinterpret_cast<const char*>(&header), sizeof header);
  file.write(reinterpret_cast<const char*>(table.data()),
             static_cast<std::streamsize>(table.size() * sizeof(SectionEntryV2)));
  file.close();
  EXPECT_THAT([&] { (void)ReadGraphFileInfo(path); },
              testing::ThrowsMessage<DatasetError>(
                  AllOf(HasSubstr(path), HasSubstr("varint-delta Hilbert stream of an older cost"),
                        HasSubstr("prepare the file again"))));
}

}  // namespace
}  // namespace cost::datasets
