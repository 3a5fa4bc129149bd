#include "harness/run/row_sections.h"

#include <stdexcept>

namespace cost::harness {
namespace {

std::string Joined(const std::vector<std::string>& words, const std::string& separator) {
  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : separator) + word;
  return text;
}

}  // namespace

datasets::PreparedSections UnionOf(const datasets::PreparedSections& a,
                                   const datasets::PreparedSections& b) {
  return {.csr = a.csr || b.csr,
          .transpose = a.transpose || b.transpose,
          .hilbert = a.hilbert || b.hilbert,
          .compressed = a.compressed || b.compressed};
}

datasets::PreparedSections ValidationSections(Kernel kernel) {
  return {.csr = true, .transpose = kernel != Kernel::kPageRank};
}

std::vector<std::string> MissingSections(const datasets::GraphFileInfo& info,
                                         const datasets::PreparedSections& needed) {
  std::vector<std::string> missing;
  const datasets::PreparedSections& has = info.prepared;
  if (needed.csr && !has.csr) missing.push_back("csr");
  if (needed.transpose && !has.transpose) missing.push_back("transpose");
  if (needed.hilbert && !has.hilbert) missing.push_back("hilbert");
  if (needed.compressed && !has.compressed) missing.push_back("compressed");
  return missing;
}

void RequireSections(const std::string& path, const datasets::GraphFileInfo& info,
                     const std::string& implementation, Kernel kernel,
                     const datasets::PreparedSections& reads, bool validate) {
  const datasets::PreparedSections needed =
      validate ? UnionOf(reads, ValidationSections(kernel)) : reads;
  const std::vector<std::string> missing = MissingSections(info, needed);
  if (missing.empty()) return;
  const bool only_validation = MissingSections(info, reads).empty();
  std::string message =
      path + ": has no " + Joined(missing, ", ") +
      (missing.size() == 1 ? " section" : " sections") + ", which " +
      (only_validation ? "validation of " + implementation + " reads" : implementation + " reads") +
      "; prepare it with --sections " +
      datasets::PreparedSectionsName(UnionOf(info.prepared, needed));
  if (only_validation) message += ", or run with --no-validate";
  throw std::invalid_argument(message);
}

}  // namespace cost::harness
