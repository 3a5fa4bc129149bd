// What the suites of the bounded-memory preparation share: the in-memory reference file of an
// edge list (BuildGraph + WithHilbertSections + WriteGraphFile, the independent path the
// builder must match), and the comparison of two prepared files section by section.
#ifndef COST_TESTS_PREPARED_FILE_SUPPORT_H_
#define COST_TESTS_PREPARED_FILE_SUPPORT_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "datasets/csr_build.h"
#include "datasets/graph.h"
#include "datasets/graph_file.h"
#include "datasets/hilbert_layout.h"

namespace cost::testing_support {

inline constexpr uint64_t kMiB = uint64_t{1} << 20;
inline constexpr datasets::PreparedSections kEverySection{
    .csr = true, .transpose = true, .hilbert = true, .compressed = true};

// Writes the reference prepared file of `edges` holding `sections` (as stored for the graph).
inline void WriteReferenceFile(const datasets::EdgeList& edges, bool symmetrize,
                               const datasets::PreparedSections& sections,
                               const std::string& path) {
  const datasets::PreparedSections stored = datasets::StoredSections(sections, symmetrize);
  datasets::Graph g = datasets::BuildGraph(edges, {.symmetrize = symmetrize});
  g = datasets::WithHilbertSections(g, stored.hilbert, stored.compressed);
  datasets::WriteGraphFile(g, stored, "{}", path);
}

inline std::vector<uint8_t> SectionBytes(const datasets::GraphFileReader& reader,
                                         const datasets::GraphFileSectionInfo& section) {
  std::vector<uint8_t> bytes(section.bytes);
  reader.Read(section.kind, 0, bytes);
  return bytes;
}

// Same counts, flags, sections (kinds and bytes, metadata aside) and content checksum.
inline void ExpectSameSections(const std::string& expected_path, const std::string& actual_path) {
  const datasets::GraphFileReader expected(expected_path), actual(actual_path);
  const datasets::GraphFileInfo& a = expected.info();
  const datasets::GraphFileInfo& b = actual.info();
  EXPECT_EQ(a.num_vertices, b.num_vertices);
  EXPECT_EQ(a.num_edges, b.num_edges);
  EXPECT_EQ(a.symmetric, b.symmetric);
  EXPECT_EQ(a.content_checksum, b.content_checksum);
  ASSERT_EQ(a.sections.size(), b.sections.size());
  for (const datasets::GraphFileSectionInfo& section : a.sections) {
    if (section.kind == datasets::SectionKind::kMetadata) continue;
    const datasets::GraphFileSectionInfo* other = b.Find(section.kind);
    ASSERT_NE(other, nullptr) << section.name();
    EXPECT_EQ(section.checksum, other->checksum) << section.name();
    EXPECT_TRUE(SectionBytes(expected, section) == SectionBytes(actual, *other)) << section.name();
  }
}

// The names in a folder, sorted.
inline std::vector<std::string> ListDir(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace cost::testing_support

#endif  // COST_TESTS_PREPARED_FILE_SUPPORT_H_
