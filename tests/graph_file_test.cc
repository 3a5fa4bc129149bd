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
#include "datasets/kronecker.h"
#include "tests/test_support.h"

namespace cost::datasets {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::HasSubstr;

constexpr size_t kHeaderBytes = 192;
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
              AllOf(HasSubstr(path), HasSubstr("unsupported version 7, expected 1")));
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
  // The out-offsets section is the first one, at the first 64-byte boundary after the header.
  const uint64_t huge = 1ULL << 40;
  std::memcpy(bytes.data() + kHeaderBytes + 8 * g.num_vertices(), &huge, sizeof huge);
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

}  // namespace
}  // namespace cost::datasets
