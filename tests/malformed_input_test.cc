// `cost dataset convert` on tests/data/malformed/: one file per way an input can be broken. Each
// must fail with exit status 1 and one error naming the file, the line or byte offset and the
// reason, and leave no output (nor a temp file) behind.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;

const fs::path kMalformed = fs::path(COST_TEST_DATA_DIR) / "malformed";

struct MalformedCase {
  const char* name;    // the test's name
  const char* input;   // relative to tests/data/malformed, where `cost` runs
  const char* format;  // --format, or "" to let the file be detected
  const char* error;   // the whole of stderr after "cost: error: "
};

const MalformedCase kCases[] = {
    // Text edge lists.
    {"NonNumericToken", "non_numeric_token.txt", "",
     "non_numeric_token.txt:2: non-numeric token 'x1'"},
    {"NegativeId", "negative_id.txt", "", "negative_id.txt:2: negative id '-3'"},
    {"MissingColumn", "missing_column.txt", "", "missing_column.txt:2: missing second column"},
    {"IdBeyond64Bits", "id_too_large.txt", "",
     "id_too_large.txt:1: id '18446744073709551616' is larger than 2^64-1"},
    {"EmptyFile", "empty.txt", "", "empty.txt: no edges"},
    {"CommentsOnly", "comments_only.txt", "", "comments_only.txt: no edges"},
    {"Directory", "directory.txt", "", "directory.txt: is a directory"},
    {"TruncatedGzip", "truncated.txt.gz", "",
     "truncated.txt.gz: corrupt or truncated gzip stream (truncated.txt.gz: unexpected end of "
     "file) at uncompressed byte offset 9"},
    // Matrix Market.
    {"SizeLineDisagreesWithEntries", "size_line_disagrees.mtx", "",
     "size_line_disagrees.mtx:4: file ends after 2 of the 3 entries the size line (line 2) "
     "declares"},
    {"MoreEntriesThanDeclared", "extra_entries.mtx", "",
     "extra_entries.mtx:4: more entries than the 1 the size line (line 2) declares"},
    {"IndexBeyondDeclaredSize", "index_beyond_size.mtx", "",
     "index_beyond_size.mtx:4: entry (5, 1) is outside the 1-based 4 x 4 matrix"},
    {"NotSquare", "not_square.mtx", "",
     "not_square.mtx:2: matrix is 3 x 4; a graph's adjacency matrix must be square"},
    {"ValueNotOfTheField", "bad_value.mtx", "", "bad_value.mtx:3: value 'x' is not integer"},
    {"MtxWithoutBanner", "no_banner.mtx", "",
     "no_banner.mtx: named .mtx but has no '%%MatrixMarket' banner; for a headerless 'i j' edge "
     "list use --format snap"},
    // LDBC EVLP.
    {"LdbcEndpointNotInVertexFile", "ldbc_unknown_endpoint/g.properties", "",
     "ldbc_unknown_endpoint/g.e:2: edge endpoint 9 is not in the vertex file"},
    {"LdbcMissingDirected", "missing_directed.properties", "",
     "missing_directed.properties: missing graph.missing_directed.directed"},
    // Binary edge files.
    {"RawTrailingBytes", "trailing_bytes.raw", "",
     "trailing_bytes.raw: 12 bytes is not a whole number of (u32 src, u32 dst) records: 4 "
     "trailing bytes at byte offset 8"},
    {"CostVertexDegreesPastTargets", "degrees_past_targets.nodes", "",
     "degrees_past_targets.nodes: byte offset 0: degree 3 of vertex 0 runs past the 2 targets in "
     "degrees_past_targets.edges"},
    // Prepared graphs (a 3 x 3 grid, damaged).
    {"CgraphWrongMagic", "wrong_magic.cgraph", "",
     "wrong_magic.cgraph: not a cost graph file (bad magic)"},
    {"CgraphWrongVersion", "wrong_version.cgraph", "",
     "wrong_version.cgraph: unsupported version 7, expected 1 or 2"},
    {"CgraphTruncated", "truncated.cgraph", "",
     "truncated.cgraph: truncated: header says 866 bytes, file has 500"},
    {"CgraphShorterThanHeader", "header_only.cgraph", "",
     "header_only.cgraph: truncated: file has 100 bytes, less than the 192-byte header"},
    {"CgraphCountsDisagreeWithSections", "wrong_counts.cgraph", "",
     "wrong_counts.cgraph: section 'out offsets' has 80 bytes, expected 88"},
    {"CgraphChecksumMismatch", "bad_checksum.cgraph", "",
     "bad_checksum.cgraph: checksum mismatch: header says 5300632574458556256, contents give "
     "15814542617157752575"},
    // A format named on the command line that the file is not.
    {"TextReadAsCgraph", "negative_id.txt", "cgraph",
     "negative_id.txt: not a cost graph file (bad magic)"},
};

class MalformedInputTest : public testing_support::ScratchDirTest,
                           public testing::WithParamInterface<MalformedCase> {};

std::vector<std::string> Listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(dir)) names.push_back(e.path().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST_P(MalformedInputTest, FailsNamingFileLineAndReasonAndLeavesNoOutput) {
  const MalformedCase& c = GetParam();
  const std::vector<std::string> before = Listing(kMalformed);
  std::vector<std::string> args = {"dataset", "convert", c.input, "-o", Path("out.cgraph")};
  if (*c.format) args.insert(args.end(), {"--format", c.format});
  const testing_support::CostRun run = testing_support::RunCost(args, kMalformed);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err, std::string("cost: error: ") + c.error + "\n");
  EXPECT_EQ(run.out, "");
  EXPECT_TRUE(fs::is_empty(dir_)) << "output left behind";
  EXPECT_EQ(Listing(kMalformed), before) << "file left beside the input";
}

INSTANTIATE_TEST_SUITE_P(EveryFailureClass, MalformedInputTest, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<MalformedCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(MalformedCorpusTest, EveryFileIsCovered) {
  std::vector<std::string> covered;
  for (const MalformedCase& c : kCases) covered.push_back(fs::path(c.input).filename().string());
  for (const auto& e : fs::directory_iterator(kMalformed)) {
    const std::string name = e.path().filename().string();
    // A .edges is read through its .nodes; .v/.e through their .properties.
    if (e.path().extension() == ".edges" || e.path().extension() == ".v") continue;
    if (e.is_directory() && name != "directory.txt") continue;
    EXPECT_NE(std::find(covered.begin(), covered.end(), name), covered.end()) << name;
  }
}

}  // namespace
}  // namespace cost
