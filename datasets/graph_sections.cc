// Section kinds and groups; see graph_sections.h.
#include "datasets/graph_sections.h"

#include <string>

#include "datasets/dataset_error.h"

namespace cost::datasets {
namespace {

struct GroupName {
  const char* name;
  bool PreparedSections::*flag;
};
constexpr GroupName kGroups[] = {{"csr", &PreparedSections::csr},
                                 {"transpose", &PreparedSections::transpose},
                                 {"hilbert", &PreparedSections::hilbert},
                                 {"compressed", &PreparedSections::compressed}};

}  // namespace

PreparedSections ParsePreparedSections(std::string_view list) {
  PreparedSections sections{.csr = false, .transpose = false};
  while (!list.empty()) {
    const size_t comma = list.find(',');
    const std::string_view word = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    bool known = false;
    for (const GroupName& group : kGroups) {
      if (word == group.name) sections.*group.flag = known = true;
    }
    if (!known) {
      throw DatasetError("unknown section '" + std::string(word) +
                         "' (csr, transpose, hilbert, compressed)");
    }
  }
  if (!sections.any()) {
    throw DatasetError(
        "no sections chosen: name at least one of csr, transpose, hilbert, "
        "compressed");
  }
  return sections;
}

std::string PreparedSectionsName(const PreparedSections& sections) {
  std::string name;
  for (const GroupName& group : kGroups) {
    if (!(sections.*group.flag)) continue;
    if (!name.empty()) name += ',';
    name += group.name;
  }
  return name;
}

PreparedSections SectionsForLayout(EdgeLayout layout) {
  return {.hilbert = layout == EdgeLayout::kHilbert,
          .compressed = layout == EdgeLayout::kCompressed};
}

const char* SectionKindName(SectionKind kind) {
  switch (kind) {
    case SectionKind::kOriginalIds:
      return "original ids";
    case SectionKind::kOutDegrees:
      return "out degrees";
    case SectionKind::kOutOffsets:
      return "out offsets";
    case SectionKind::kOutTargets:
      return "out targets";
    case SectionKind::kInOffsets:
      return "in offsets";
    case SectionKind::kInSources:
      return "in sources";
    case SectionKind::kHilbertSrc:
      return "hilbert src";
    case SectionKind::kHilbertDst:
      return "hilbert dst";
    case SectionKind::kHilbertCompressed:
      return "hilbert compressed";
    case SectionKind::kHilbertVarint:
      return "hilbert varint";
    case SectionKind::kMetadata:
      return "metadata";
  }
  return "unknown";
}

uint64_t ExpectedSectionBytes(SectionKind kind, uint64_t n, uint64_t m) {
  switch (kind) {
    case SectionKind::kOriginalIds:
      return 8 * n;
    case SectionKind::kOutDegrees:
      return 4 * n;
    case SectionKind::kOutOffsets:
    case SectionKind::kInOffsets:
      return 8 * (n + 1);
    case SectionKind::kOutTargets:
    case SectionKind::kInSources:
    case SectionKind::kHilbertSrc:
    case SectionKind::kHilbertDst:
      return 4 * m;
    case SectionKind::kHilbertCompressed:
    case SectionKind::kHilbertVarint:
    case SectionKind::kMetadata:
      return 0;
  }
  return 0;
}

PreparedSections StoredSections(PreparedSections asked, bool symmetric) {
  if (symmetric && asked.transpose) asked.csr = true;
  if (symmetric) asked.transpose = false;
  return asked;
}

}  // namespace cost::datasets
