// The COST table in a newcomer's words, one sentence per (kernel, dataset): which single thread
// is the best, and for each parallel implementation whether and from which configuration it beats
// that thread. `cost demo` ends with it and the report leads with it; the numbers behind each
// sentence are the COST table's (cost_table.h).
#ifndef COST_HARNESS_ANALYSIS_PLAIN_SUMMARY_H_
#define COST_HARNESS_ANALYSIS_PLAIN_SUMMARY_H_

#include <string>
#include <vector>

#include "harness/analysis/cost_table.h"

namespace cost::harness {

// What one parallel entry did against its group's best single thread, as a clause:
// "openmp:afforest beats it from 2 cores", "openmp:pagerank never does (best 1.30x slower)",
// "graphblas:wcc is within the noise of it (0.98x its time, at 2 cores)", "mpi:bfs failed
// (timeout)". Requires: e is a parallel entry of a group with a baseline.
std::string VerdictInWords(const CostEntry& e);

// One sentence per group, in the groups' order:
// "pagerank on kron-18: the best single thread is serial:pagerank-hilbert-float (0.52 s);
// openmp:pagerank-hilbert beats it from 2 cores; openmp:pagerank never does (best 1.30x slower)."
std::vector<std::string> PlainSummary(const std::vector<CostGroup>& groups);

}  // namespace cost::harness

#endif  // COST_HARNESS_ANALYSIS_PLAIN_SUMMARY_H_
