// Multiprocess rows projected onto a network this machine does not have: *projected, not
// measured*. The ranks count what they hand MPI for other ranks (bytes, rounds; per rank, for
// the last timed repetition), so a row's time with every rank on its own machine, joined by a
// link of bandwidth B and latency L, is modelled as
//   projected = measured median + max over ranks r of (bytes_sent[r] x 8 / B + rounds[r] x L)
// The median already holds the compute and this machine's (shared-memory or loopback TCP)
// transfers, so the model adds the link's cost on top: an estimate for a cluster's lower end,
// not a measurement. Rows at one process send nothing and are projected as measured; rows whose
// ranks did not count their traffic (a Parallel BGL call without a counting rule) are not
// projected. The COST under a link is the fewest cores whose projected time is below the best
// single-threaded median of the same kernel and dataset.
#ifndef COST_HARNESS_REPORT_NETWORK_PROJECTION_H_
#define COST_HARNESS_REPORT_NETWORK_PROJECTION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/results.h"

namespace cost::harness {

struct LinkModel {
  double bits_per_second = 10e9;
  double latency_seconds = 25e-6;
  std::string label = "10Gbit/s,25us";  // as the user wrote it
};

// "BANDWIDTH,LATENCY": a number and one of bit/s kbit/s Mbit/s Gbit/s Tbit/s, a comma, a number
// and one of s ms us ns ("10Gbit/s,25us"). Throws std::invalid_argument naming the text and
// what is wrong with it.
LinkModel ParseLinkModel(std::string_view text);

// 10 Gbit/s and 25 us, the report's default link.
std::vector<LinkModel> DefaultLinks();

// The formula above for one row; nullopt for a row that is not an ok multiprocess row or whose
// ranks' bytes and rounds were not recorded.
std::optional<double> ProjectedSeconds(const Measurement& m, const LinkModel& link);

// One (kernel, dataset, implementation): its COST under each link (0: none below the baseline,
// i.e. unbounded; -1: no row could be projected) against the best single thread.
struct ProjectedCost {
  std::string kernel, dataset, implementation;
  std::string baseline;            // implementation of the best single-threaded median
  double baseline_seconds = 0;     // 0: the group has no single-threaded row
  std::vector<int> cost_per_link;  // cores, in the order of the links
};
std::vector<ProjectedCost> ProjectCostsOverNetwork(const std::vector<Measurement>& rows,
                                                   const std::vector<LinkModel>& links);

// The report's section (a "## " heading, the model in words, a row table and a COST table);
// empty when no ok multiprocess row ran more than one process.
std::string NetworkProjectionMarkdown(const std::vector<Measurement>& rows,
                                      const std::vector<LinkModel>& links);

}  // namespace cost::harness

#endif  // COST_HARNESS_REPORT_NETWORK_PROJECTION_H_
