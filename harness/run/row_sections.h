// Which sections of a prepared file a row maps (datasets/graph_sections.h): those its kernel
// reads, plus what validation reads, and the refusal when the file lacks one of them.
#ifndef COST_HARNESS_RUN_ROW_SECTIONS_H_
#define COST_HARNESS_RUN_ROW_SECTIONS_H_

#include <string>
#include <vector>

#include "datasets/graph_file.h"
#include "datasets/graph_sections.h"
#include "harness/core/kernel.h"

namespace cost::harness {

// Every group either asks for.
datasets::PreparedSections UnionOf(const datasets::PreparedSections& a,
                                   const datasets::PreparedSections& b);

// What validation (validation.h) reads: the out-CSR for PageRank; both directions for WCC and
// BFS (components and parents are checked over in-edges too).
datasets::PreparedSections ValidationSections(Kernel kernel);

// The groups of `needed` that the file `info` describes does not hold, by their --sections
// names ("csr", "hilbert"), in canonical order.
std::vector<std::string> MissingSections(const datasets::GraphFileInfo& info,
                                         const datasets::PreparedSections& needed);

// Throws std::invalid_argument("PATH: has no hilbert section, which IMPL reads; prepare it with
// --sections csr,transpose,hilbert") when the file lacks one of `reads` (what the row's kernel
// reads) or, when validating, of ValidationSections (then also: "or run with --no-validate").
void RequireSections(const std::string& path, const datasets::GraphFileInfo& info,
                     const std::string& implementation, Kernel kernel,
                     const datasets::PreparedSections& reads, bool validate);

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_ROW_SECTIONS_H_
